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
                "guarantee", "mechanism", "transfers", "legs_expected", "legs_applied", "lost", "duplicated",
                "balance_mismatches", "money_drift", "failures_injected", "recoveries", "records_per_second",
                "wall_ms", "verified");
        assertThat(json.get("guarantee").asText()).isEqualTo("exactly-once");
        assertThat(json.get("mechanism").asText()).isEqualTo("none");
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
}
