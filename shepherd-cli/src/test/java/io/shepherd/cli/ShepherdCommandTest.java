package io.shepherd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ShepherdCommandTest {

    @Test
    void when_help_then_every_command_is_listed_and_exit_is_0() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: shepherd").contains("demo").contains("run").contains("bench").contains("wal");
        assertThat(run.out()).contains("Exit codes:");
    }

    @Test
    void when_version_then_the_maven_project_version_is_printed() throws IOException {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines().findFirst()).hasValue("shepherd " + projectVersion());
    }

    @Test
    void when_a_subcommand_is_asked_for_its_version_then_it_is_the_same() throws IOException {
        CommandRun run = CommandRun.of("demo", "--version");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("shepherd " + projectVersion());
    }

    @Test
    void when_an_option_is_unknown_then_usage_is_shown_and_exit_is_2() {
        CommandRun run = CommandRun.of("demo", "--no-such-option");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'").contains("Usage: shepherd demo");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void when_a_command_is_unknown_then_exit_is_2() {
        CommandRun run = CommandRun.of("frobnicate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("frobnicate");
    }

    @Test
    void when_no_command_is_given_then_usage_goes_to_stderr_and_exit_is_2() {
        CommandRun run = CommandRun.of();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("missing a command").contains("Usage: shepherd");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void when_verbose_then_an_error_comes_with_its_stack_trace_and_engine_logs_are_raised() {
        Logger engineLogs = (Logger) LoggerFactory.getLogger("io.shepherd");
        Level before = engineLogs.getLevel();
        try {
            CommandRun quiet = CommandRun.of("run", "--class", "com.example.Missing");
            CommandRun verbose = CommandRun.of("run", "--class", "com.example.Missing", "--verbose");

            assertThat(quiet.err()).doesNotContain("\tat ");
            assertThat(verbose.err()).contains("no class com.example.Missing").contains("\tat io.shepherd.cli.run.");
            assertThat(engineLogs.getLevel()).isEqualTo(Level.INFO);
        } finally {
            engineLogs.setLevel(before);
        }
    }

    /** The version this module's POM inherits, read from the POM itself rather than from the build's output. */
    private static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertThat(parent.find()).as("a parent version in shepherd-cli/pom.xml").isTrue();
        return parent.group(1);
    }
}
