package io.shepherd.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shepherd.cli.CommandRun;
import io.shepherd.cli.ExitCodes;
import io.shepherd.testkit.SeededRuns;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The demo end to end on the embedded engine, with failures injected at moments drawn from the
 * seed and recovered from by checkpoints in each mode. The seed is the demo's own, so a failing
 * seed replays the same input and the same failure plan.
 */
class DemoThroughFailuresTest {
    /** Enough input that a run takes checkpoints between its failures, little enough to take a second. */
    private static final int TRANSFERS = 100_000;

    @Test
    void when_failures_hit_a_job_with_aligned_checkpoints_then_every_leg_is_applied_exactly_once() {
        SeededRuns.of("demo through failures, aligned", 2, 40).forEach(seed -> exactlyOnce(seed, "aligned"));
    }

    @Test
    void when_failures_hit_a_job_with_unaligned_checkpoints_then_every_leg_is_applied_exactly_once() {
        SeededRuns.of("demo through failures, unaligned", 2, 40).forEach(seed -> exactlyOnce(seed, "unaligned"));
    }

    @Test
    void when_failures_hit_a_job_with_at_least_once_checkpoints_then_no_leg_is_lost_and_doubles_are_counted() {
        SeededRuns.of("demo through failures, at-least-once", 2, 40).forEach(seed -> {
            Run run = run(seed, "at-least-once");

            assertThat(run.command().exitCode()).as(run.command().toString()).isEqualTo(ExitCodes.OK);
            assertRecoveredFromEveryFailure(run);
            JsonNode json = run.json();
            assertThat(json.get("guarantee").asText()).as("the default with at-least-once checkpoints")
                    .isEqualTo("at-least-once");
            assertThat(json.get("lost").asLong()).isZero();
            assertThat(json.get("legs_applied").asLong())
                    .isEqualTo(json.get("legs_expected").asLong() + json.get("duplicated").asLong());
            assertThat(json.get("unexpected").asLong()).isZero();
            assertThat(json.get("verified").asBoolean()).isTrue();
        });
    }

    @Test
    void when_a_run_recovers_then_the_summary_lists_each_failure_with_its_recovery() {
        CommandRun run = CommandRun.of("demo", "--transfers", "50000", "--accounts", "100", "--failures", "2",
                "--checkpoint-interval", "5ms", "--seed", "3");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("guarantee exactly-once, recovery by aligned checkpoints every 5ms, 2 failures injected, "
                        + "2 recoveries")
                .containsPattern("failure 1 in (transfers|balances|applied-legs) at tx [0-9,]+: (restored checkpoint "
                        + "\\d+|restarted from the start), recovered in [0-9.]+ ms")
                .contains("    failure 2 in ")
                .containsPattern("recovery time: [0-9.]+ ms mean, [0-9.]+ ms max")
                .contains("100,000 expected, 100,000 applied, 0 lost, 0 duplicated");
        assertThat(run.lastOutLine()).startsWith("VERIFIED exactly-once").endsWith("through 2 failures.");
        assertThat(run.err()).as("injected failures are not logged as errors").doesNotContain("InjectedFailure");
    }

    private static void exactlyOnce(long seed, String checkpointing) {
        Run run = run(seed, checkpointing);

        assertThat(run.command().exitCode()).as(run.command().toString()).isEqualTo(ExitCodes.OK);
        assertRecoveredFromEveryFailure(run);
        JsonNode json = run.json();
        assertThat(json.get("checkpointing").asText()).isEqualTo(checkpointing);
        assertThat(json.get("legs_expected").asLong()).isEqualTo(2L * TRANSFERS);
        assertThat(json.get("legs_applied").asLong()).isEqualTo(2L * TRANSFERS);
        assertThat(json.get("lost").asLong()).isZero();
        assertThat(json.get("duplicated").asLong()).isZero();
        assertThat(json.get("unexpected").asLong()).isZero();
        assertThat(json.get("balance_mismatches").asLong()).isZero();
        assertThat(json.get("money_drift").asLong()).isZero();
        assertThat(json.get("verified").asBoolean()).isTrue();
    }

    private static void assertRecoveredFromEveryFailure(Run run) {
        JsonNode json = run.json();
        assertThat(json.get("mechanism").asText()).isEqualTo("checkpoints");
        assertThat(json.get("failures").asInt()).isEqualTo(run.failures());
        assertThat(json.get("failures_injected").asInt()).isEqualTo(run.failures());
        assertThat(json.get("recoveries").asInt()).isEqualTo(run.failures());
        assertThat(json.get("injected_failures")).hasSize(run.failures());
        assertThat(json.get("recovery_list")).hasSize(run.failures());
        double mean = json.get("recovery_ms_mean").asDouble();
        assertThat(mean).isPositive();
        assertThat(json.get("recovery_ms_max").asDouble()).isGreaterThanOrEqualTo(mean);
        assertThat(json.has("recovery_shortfall")).isFalse();
    }

    /** One run of 1 to 3 failures at parallelism 1 to 3, both drawn from the seed. */
    private static Run run(long seed, String checkpointing) {
        SplittableRandom random = new SplittableRandom(seed);
        int failures = 1 + random.nextInt(3);
        int parallelism = 1 + random.nextInt(3);
        String[] args = {"demo", "--json", "--transfers", String.valueOf(TRANSFERS), "--accounts", "300",
            "--parallelism", String.valueOf(parallelism), "--seed=" + seed, "--failures", String.valueOf(failures),
            "--checkpointing", checkpointing, "--checkpoint-interval", "5ms"};
        return new Run(CommandRun.of(args), failures);
    }

    private record Run(CommandRun command, int failures) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(command.lastOutLine());
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + command, e);
            }
        }
    }
}
