package io.shepherd.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobSummaryTest {

    @Test
    void when_pairs_are_complete_then_the_ratio_is_the_median_of_theirs_and_its_range_is_theirs() {
        JobSummary summary = new JobSummary(PeerJob.STATELESS, Metric.of(PeerJob.STATELESS),
                List.of(throughput(Engine.SHEPHERD, 30), throughput(Engine.SHEPHERD, 40), throughput(Engine.SHEPHERD, 36)),
                List.of(throughput(Engine.FLINK, 20), throughput(Engine.FLINK, 20), throughput(Engine.FLINK, 30)));

        assertThat(summary.pairRatios()).containsExactly(1.5, 2.0, 1.2);
        assertThat(summary.ratio()).isEqualTo(1.5);
        assertThat(summary.minRatio()).isEqualTo(1.2);
        assertThat(summary.maxRatio()).isEqualTo(2.0);
        assertThat(summary.shepherdMedian()).isEqualTo(36e6);
        assertThat(summary.peerMedian()).isEqualTo(20e6);
        assertThat(summary.verdict()).isEqualTo("met");
    }

    @Test
    void when_a_run_has_wrong_output_then_its_pair_does_not_count_and_it_is_named() {
        RunResult wrong = new RunResult(Engine.FLINK, PeerJob.KEYED_COUNT, 1, 2, 0, 99, 1, 1, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, false, "3 of 10000 keys end with a wrong count");
        JobSummary summary = new JobSummary(PeerJob.KEYED_COUNT, Metric.of(PeerJob.KEYED_COUNT),
                List.of(throughput(Engine.SHEPHERD, 10), throughput(Engine.SHEPHERD, 12)),
                List.of(wrong, throughput(Engine.FLINK, 6)));

        assertThat(summary.pairRatios()).containsExactly(2.0);
        assertThat(summary.peerMedian()).isEqualTo(6e6);
        assertThat(summary.verdict()).isEqualTo("SHORT");
        assertThat(summary.problems()).containsExactly(
                "keyed-count on flink, run 1: 3 of 10000 keys end with a wrong count");
    }

    @Test
    void when_lower_is_better_then_the_target_is_a_ceiling() {
        Metric recovery = Metric.of(PeerJob.RECOVERY);

        assertThat(recovery.met(0.3)).isTrue();
        assertThat(recovery.met(0.34)).isFalse();
        assertThat(recovery.targetText()).isEqualTo("<= 1/3");
        assertThat(Metric.of(PeerJob.WINDOW).hasTarget()).isFalse();
    }

    @Test
    void when_options_are_wrong_then_they_are_refused_with_the_reason() {
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--job", "joins"}))
                .hasMessageContaining("unknown job 'joins'").hasMessageContaining("keyed-count-unaligned");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--peer", "shepherd"}))
                .hasMessageContaining("--peer must be another engine");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--pairs", "0"}))
                .hasMessageContaining("--pairs must be a whole number >= 1");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--heap", "lots"}))
                .hasMessageContaining("--heap must be a size like 2g");
        assertThatThrownBy(() -> ComparisonOptions.parse(new String[] {"--pairs"})).hasMessageContaining("needs a value");
        assertThat(ComparisonOptions.parse(new String[] {"--quick", "--peer", "none"}).engines())
                .containsExactly(Engine.SHEPHERD);
    }

    private static RunResult throughput(Engine engine, double millions) {
        return new RunResult(engine, PeerJob.STATELESS, 1, 2, 0, millions * 1e6, 1, 1, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, true, "");
    }
}
