package io.shepherd.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.execution.Recovery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outcomes the engine rarely produces on demand: a run that did not recover once from each failure it asked for. */
class DemoReportTest {
    private static final DemoSpec THREE_FAILURES = new DemoSpec(1_000, 10, 2, 1, DemoSpec.DEFAULT_OPENING_BALANCE,
            Guarantee.EXACTLY_ONCE, RecoveryMechanism.CHECKPOINTS,
            new CheckpointSettings(Checkpointing.ALIGNED, Duration.ofMillis(200)), 3);
    private static final Verification EXACT =
            new Verification(2_000, 2_000, 0, 0, 0, 0, 0, List.of(), List.of(), List.of());

    @Test
    void when_fewer_failures_were_injected_than_asked_for_then_the_run_is_not_verified_and_says_why() throws Exception {
        DemoOutcome outcome = new DemoOutcome(THREE_FAILURES, Duration.ofMillis(50), EXACT,
                List.of(injection(1, 10), injection(2, 20)), List.of(recovery(4), recovery(8)), AckMetrics.NONE);

        assertThat(outcome.verified()).isFalse();
        assertThat(DemoReport.human(outcome).strip()).endsWith(
                "NOT VERIFIED: only 2 of 3 failures were injected before the input ended; use more transfers.");
        JsonNode json = new ObjectMapper().readTree(DemoReport.json(outcome));
        assertThat(json.get("verified").asBoolean()).isFalse();
        assertThat(json.get("recovery_shortfall").asText()).startsWith("only 2 of 3 failures");
        assertThat(json.get("recovery_ms_mean").asDouble()).isEqualTo(6.0);
        assertThat(json.get("recovery_ms_max").asDouble()).isEqualTo(8.0);
    }

    @Test
    void when_the_job_reports_fewer_recoveries_than_failures_then_the_run_is_not_verified() {
        DemoOutcome outcome = new DemoOutcome(THREE_FAILURES, Duration.ofMillis(50), EXACT,
                List.of(injection(1, 10), injection(2, 20), injection(3, 30)), List.of(recovery(4), recovery(8)), AckMetrics.NONE);

        assertThat(outcome.verified()).isFalse();
        assertThat(DemoReport.human(outcome))
                .contains("    failure 3, exception in balances at tx 30: no recovery reported")
                .contains("NOT VERIFIED: 3 failures were injected, but the job reports 2 recoveries.");
    }

    @Test
    void when_every_failure_was_recovered_from_then_each_is_listed_with_its_recovery() {
        DemoOutcome outcome = new DemoOutcome(THREE_FAILURES, Duration.ofMillis(50), EXACT,
                List.of(injection(1, 10), injection(2, 20), injection(3, 1_500)),
                List.of(recovery(4), recovery(8), new Recovery("task", "cause", -1, Duration.ofNanos(12_345_000))), AckMetrics.NONE);

        assertThat(outcome.verified()).isTrue();
        assertThat(DemoReport.human(outcome))
                .contains("    failure 1, exception in balances at tx 10: restored checkpoint 7, recovered in 4.0 ms")
                .contains("    failure 3, exception in balances at tx 1,500: restarted from the start, recovered in 12.3 ms")
                .contains("  recovery time: 8.1 ms mean, 12.3 ms max");
    }

    private static FailureInjector.Injection injection(int number, long txId) {
        return new FailureInjector.Injection(new FailurePoint(number, FailureSite.BALANCES, FailureKind.THROW, txId), txId);
    }

    private static Recovery recovery(long millis) {
        return new Recovery("task 'balances -> applied-legs' subtask 0", "injected", 7, Duration.ofMillis(millis));
    }
}
