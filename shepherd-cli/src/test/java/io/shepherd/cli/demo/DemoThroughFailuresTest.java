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
 * seed and recovered from by checkpoints in each mode, or by ack mode's replays. The seed is the demo's own, so a failing
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
                .containsPattern("failure 1, exception in (transfers|balances|applied-legs) at tx [0-9,]+: (restored checkpoint "
                        + "\\d+|restarted from the start), recovered in [0-9.]+ ms")
                .contains("    failure 2, exception in ")
                .containsPattern("recovery time: [0-9.]+ ms mean, [0-9.]+ ms max")
                .contains("100,000 expected, 100,000 applied, 0 lost, 0 duplicated");
        assertThat(run.lastOutLine()).startsWith("VERIFIED exactly-once").endsWith("through 2 failures.");
        assertThat(run.err()).as("injected failures are not logged as errors").doesNotContain("InjectedFailure");
    }

    @Test
    void when_failures_and_dropped_records_hit_a_job_in_ack_mode_then_no_leg_is_lost_and_every_double_is_a_replay() {
        SeededRuns.of("demo through failures, acking", 2, 20).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int failures = 1 + random.nextInt(3);
            CommandRun command = CommandRun.of("demo", "--json", "--mechanism", "acking", "--transfers",
                    String.valueOf(TRANSFERS), "--accounts", "300", "--parallelism", String.valueOf(1 + random.nextInt(3)),
                    "--seed=" + seed, "--failures", String.valueOf(failures));
            Run run = new Run(command, failures);

            assertThat(command.exitCode()).as(command.toString()).isEqualTo(ExitCodes.OK);
            JsonNode json = run.json();
            assertThat(json.get("guarantee").asText()).as("the default in ack mode").isEqualTo("at-least-once");
            assertThat(json.get("failures_injected").asInt()).isEqualTo(failures);
            assertThat(json.get("lost").asLong()).isZero();
            assertThat(json.get("unexpected").asLong()).isZero();
            assertThat(json.get("legs_applied").asLong())
                    .isEqualTo(json.get("legs_expected").asLong() + json.get("duplicated").asLong());
            long thrown = count(json, "exception");
            long dropped = count(json, "dropped record");
            assertThat(json.get("failed_trees").asLong()).isGreaterThanOrEqualTo(thrown);
            assertThat(json.get("timeouts").asLong()).isGreaterThanOrEqualTo(dropped);
            long replays = json.get("replays").asLong();
            assertThat(replays).isGreaterThanOrEqualTo(failures);
            assertThat(json.get("duplicated").asLong()).as("a replay applies at most both legs of its transfer again")
                    .isLessThanOrEqualTo(2 * replays);
            assertThat(json.get("latency_ms_p99").asDouble())
                    .isGreaterThanOrEqualTo(json.get("latency_ms_p50").asDouble()).isPositive();
            assertThat(json.get("recoveries").asLong()).isGreaterThanOrEqualTo(failures);
            assertThat(json.has("recovery_shortfall")).isFalse();
            assertThat(json.get("verified").asBoolean()).isTrue();
        });
    }

    @Test
    void when_a_record_is_dropped_in_ack_mode_then_the_summary_says_its_tree_timed_out_and_was_emitted_again() {
        long seed = firstSeedWhoseFailureIs(FailureKind.DROP);
        CommandRun run = CommandRun.of("demo", "--mechanism", "acking", "--transfers", "50000", "--accounts", "100",
                "--failures", "1", "--seed", String.valueOf(seed));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("guarantee at-least-once, recovery mechanism acking, 1 failures injected")
                .containsPattern("failure 1, dropped record in balances at tx [0-9,]+: its tree timed out and the "
                        + "source emitted the transfer again")
                .containsPattern("ack mode: [0-9,]+ replays \\([0-9,]+ trees failed, [1-9][0-9,]* timed out\\); "
                        + "complete latency p50 [0-9.]+ ms, p99 [0-9.]+ ms")
                .contains("100,000 expected");
        assertThat(run.lastOutLine()).startsWith("VERIFIED at-least-once: no leg lost through 1 failures");
    }

    private static long firstSeedWhoseFailureIs(FailureKind kind) {
        for (long seed = 1; ; seed++) {
            if (FailurePoint.draw(seed, 1, 50_000, RecoveryMechanism.ACKING.failureModes()).get(0).kind() == kind) {
                return seed;
            }
        }
    }

    private static long count(JsonNode json, String kind) {
        long count = 0;
        for (JsonNode injection : json.get("injected_failures")) {
            count += injection.get("kind").asText().equals(kind) ? 1 : 0;
        }
        return count;
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
