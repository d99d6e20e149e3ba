package io.shepherd.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shepherd.cli.CommandRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void when_comparison_options_come_without_compare_or_engine_options_with_it_then_exit_is_2() {
        CommandRun quick = CommandRun.of("bench", "--quick");
        CommandRun rate = CommandRun.of("bench", "--compare", "flink", "--rate", "1000");
        CommandRun parallelisms = CommandRun.of("bench", "--compare", "flink", "--parallelism", "1,2");

        assertThat(quick.exitCode()).as(quick.toString()).isEqualTo(2);
        assertThat(quick.err()).contains("--quick, --pairs and --results go with --compare");
        assertThat(rate.exitCode()).as(rate.toString()).isEqualTo(2);
        assertThat(rate.err()).contains("--rate does not go with --compare");
        assertThat(parallelisms.exitCode()).as(parallelisms.toString()).isEqualTo(2);
        assertThat(parallelisms.err()).contains("--compare runs one parallelism at a time");
    }

    @Test
    void when_two_checkpoint_intervals_are_given_then_each_gets_a_line_and_the_second_a_ratio_to_the_first()
            throws Exception {
        CommandRun run = CommandRun.of("bench", "--job", "keyed-count", "--parallelism", "2", "--records", "1000000",
                "--warmups", "0", "--repeats", "2", "--checkpoint-interval", "off,20ms");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).hasSize(2);
        JsonNode without = lines.get(0);
        JsonNode with = lines.get(1);
        assertThat(without.get("checkpoint_interval_ms").asLong()).isZero();
        assertThat(without.has("ratio_to_first")).isFalse();
        assertThat(without.has("checkpoints_per_run")).isFalse();
        assertThat(with.get("checkpoint_interval_ms").asLong()).isEqualTo(20);
        assertThat(with.get("checkpointing").asText()).isEqualTo("aligned");
        assertThat(with.get("ratio_to_first").asDouble()).isPositive();
        assertThat(with.get("cpu_ratio_to_first").asDouble()).isPositive();
        assertThat(with.get("records_per_second").asDouble()).isPositive();
        // The final checkpoint that covers the end of the input completes in every run.
        assertThat(with.get("checkpoints_per_run").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(with.get("checkpoint_state_bytes_mean").asDouble()).isPositive();
        assertThat(with.get("checkpoint_channel_bytes_max").asLong()).isZero();
    }

    @Test
    void when_the_interval_or_mode_is_not_understood_then_the_message_says_what_is_accepted() {
        CommandRun interval = CommandRun.of("bench", "--checkpoint-interval", "1 minute");
        CommandRun mode = CommandRun.of("bench", "--checkpointing", "exactly-once");

        assertThat(interval.exitCode()).isNotZero();
        assertThat(interval.err()).contains("use off or a duration such as 500ms, 10s or 2m");
        assertThat(mode.exitCode()).isNotZero();
        assertThat(mode.err()).contains("known: aligned, unaligned, at-least-once");
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\\R")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
