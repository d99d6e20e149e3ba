package io.shepherd.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shepherd.cli.CommandRun;
import io.shepherd.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void when_a_small_demo_runs_then_it_verifies_and_says_so() {
        CommandRun run = CommandRun.of("demo", "--transfers", "20000", "--accounts", "300", "--seed", "7");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("20,000 transfers over 300 accounts, parallelism 2, seed 7")
                .contains("40,000 expected, 40,000 applied, 0 lost, 0 duplicated")
                .contains("300 of 300 accounts right; money drift 0");
        assertThat(run.lastOutLine()).startsWith("VERIFIED exactly-once");
    }

    @Test
    void when_json_then_the_last_line_is_one_object_with_every_field() throws Exception {
        CommandRun run = CommandRun.of(
                "demo", "--transfers", "5000", "--accounts", "50", "--parallelism", "3", "--seed", "11", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(json.isObject()).isTrue();
        assertThat(json.fieldNames()).toIterable().contains(
                "guarantee", "mechanism", "checkpointing", "checkpoint_interval_ms", "transfers", "legs_expected",
                "legs_applied", "lost", "duplicated", "balance_mismatches", "money_drift", "failures",
                "failures_injected", "recoveries", "recovery_ms_mean", "recovery_ms_max", "records_per_second",
                "wall_ms", "verified", "injected_failures", "recovery_list");
        assertThat(json.get("guarantee").asText()).isEqualTo("exactly-once");
        assertThat(json.get("mechanism").asText()).isEqualTo("none");
        assertThat(json.get("checkpointing").isNull()).isTrue();
        assertThat(json.get("transfers").asLong()).isEqualTo(5000);
        assertThat(json.get("parallelism").asInt()).isEqualTo(3);
        assertThat(json.get("legs_expected").asLong()).isEqualTo(10_000);
        assertThat(json.get("legs_applied").asLong()).isEqualTo(10_000);
        assertThat(json.get("lost").asLong()).isZero();
        assertThat(json.get("duplicated").asLong()).isZero();
        assertThat(json.get("balance_mismatches").asLong()).isZero();
        assertThat(json.get("money_drift").asLong()).isZero();
        assertThat(json.get("failures_injected").asInt()).isZero();
        assertThat(json.get("recoveries").asInt()).isZero();
        assertThat(json.get("recovery_ms_max").asDouble()).isZero();
        assertThat(json.get("records_per_second").asLong()).isPositive();
        assertThat(json.get("wall_ms").isIntegralNumber()).isTrue();
        assertThat(json.get("verified").asBoolean()).isTrue();
    }

    @Test
    void when_json_then_stdout_holds_nothing_but_the_object() {
        CommandRun run = CommandRun.of("demo", "--transfers", "1000", "--accounts", "10", "--json");

        assertThat(run.out().strip().lines()).hasSize(1);
    }

    @Test
    void when_transfers_is_zero_then_exit_is_2_and_the_message_says_the_range() {
        CommandRun run = CommandRun.of("demo", "--transfers", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("transfers must be in 1..");
    }

    @Test
    void when_there_is_one_account_then_exit_is_2() {
        CommandRun run = CommandRun.of("demo", "--accounts", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("accounts must be in 2..");
    }

    @Test
    void when_the_parallelism_is_out_of_range_then_exit_is_2() {
        CommandRun zero = CommandRun.of("demo", "--parallelism", "0");
        CommandRun huge = CommandRun.of("demo", "--parallelism", "100000");

        assertThat(zero.exitCode()).as(zero.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(huge.exitCode()).as(huge.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(huge.err()).contains("parallelism must be in 1..1024, got 100000");
    }

    @Test
    void when_a_number_is_not_a_number_then_exit_is_2() {
        CommandRun run = CommandRun.of("demo", "--parallelism", "two");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--parallelism");
    }

    @Test
    void when_exactly_once_is_asked_of_at_least_once_checkpoints_then_exit_is_2_and_the_way_out_is_named() {
        CommandRun run = CommandRun.of(
                "demo", "--guarantee", "exactly-once", "--failures", "1", "--checkpointing", "at-least-once");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("at-least-once checkpointing may apply a leg twice after a restore, so it "
                + "cannot keep the exactly-once guarantee: use aligned or unaligned checkpointing");
    }

    @Test
    void when_at_most_once_is_asked_of_at_least_once_checkpoints_then_exit_is_2() {
        CommandRun run = CommandRun.of(
                "demo", "--guarantee", "at-most-once", "--checkpointing", "at-least-once", "--failures", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot keep the at-most-once guarantee");
    }

    @Test
    void when_exactly_once_is_asked_of_ack_mode_then_exit_is_2() {
        CommandRun run = CommandRun.of("demo", "--mechanism", "acking", "--guarantee", "exactly-once");
        CommandRun checkpointing = CommandRun.of("demo", "--mechanism", "acking", "--checkpointing", "aligned");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("ack mode emits a transfer again when its tree fails")
                .contains("cannot keep the exactly-once guarantee: promise at-least-once, or use checkpoints");
        assertThat(checkpointing.exitCode()).as(checkpointing.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(checkpointing.err()).contains("need --mechanism checkpoints, not acking");
    }

    @Test
    void when_failures_are_asked_for_without_a_mechanism_then_exit_is_2() {
        CommandRun run = CommandRun.of("demo", "--mechanism", "none", "--failures", "2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("injecting failures needs a recovery mechanism");
    }

    @Test
    void when_checkpoint_options_come_without_checkpoints_then_exit_is_2() {
        CommandRun mode = CommandRun.of("demo", "--mechanism", "none", "--checkpointing", "aligned");
        CommandRun interval = CommandRun.of("demo", "--mechanism", "none", "--checkpoint-interval", "1s");

        assertThat(mode.exitCode()).as(mode.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(mode.err())
                .contains("--checkpointing and --checkpoint-interval need --mechanism checkpoints, not none");
        assertThat(interval.exitCode()).as(interval.toString()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void when_a_choice_is_unknown_then_exit_is_2_and_the_choices_are_listed() {
        CommandRun guarantee = CommandRun.of("demo", "--guarantee", "mostly-once");
        CommandRun checkpointing = CommandRun.of("demo", "--checkpointing", "eventually");

        assertThat(guarantee.exitCode()).as(guarantee.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(guarantee.err())
                .contains("--guarantee must be one of at-most-once, at-least-once, exactly-once, got 'mostly-once'");
        assertThat(checkpointing.exitCode()).as(checkpointing.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(checkpointing.err()).contains("--checkpointing must be one of aligned, unaligned, at-least-once");
    }

    @Test
    void when_the_checkpoint_interval_is_not_a_duration_or_out_of_range_then_exit_is_2() {
        CommandRun words = CommandRun.of("demo", "--checkpoint-interval", "often");
        CommandRun zero = CommandRun.of("demo", "--checkpoint-interval", "0ms");

        assertThat(words.exitCode()).as(words.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(words.err())
                .contains("--checkpoint-interval must be a whole number with a unit, ms or s, e.g. 200ms; got 'often'");
        assertThat(zero.exitCode()).as(zero.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("checkpoint interval must be in 1ms..10s, got 0ms");
    }

    @Test
    void when_too_many_failures_are_asked_for_then_exit_is_2() {
        CommandRun run = CommandRun.of("demo", "--failures", "101");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("failures must be in 0..100, got 101");
    }

    @Test
    void when_checkpoints_are_asked_for_without_failures_then_the_run_checkpoints_and_verifies() throws Exception {
        CommandRun run = CommandRun.of("demo", "--transfers", "20000", "--accounts", "50", "--checkpointing",
                "unaligned", "--checkpoint-interval", "2ms", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(run.lastOutLine());
        assertThat(json.get("mechanism").asText()).isEqualTo("checkpoints");
        assertThat(json.get("checkpointing").asText()).isEqualTo("unaligned");
        assertThat(json.get("checkpoint_interval_ms").asLong()).isEqualTo(2);
        assertThat(json.get("recoveries").asInt()).isZero();
        assertThat(json.get("verified").asBoolean()).isTrue();
    }
}
