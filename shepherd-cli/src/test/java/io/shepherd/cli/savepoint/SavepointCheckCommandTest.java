package io.shepherd.cli.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.cli.CommandRun;
import io.shepherd.cli.ExitCodes;
import io.shepherd.cli.run.CountsJob;
import io.shepherd.cli.run.CountsSavepoint;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavepointCheckCommandTest {
    @TempDir
    static Path temp;

    /** Of {@link CountsJob} at parallelism 2. */
    private static Path savepoint;

    @BeforeAll
    static void takeSavepoint() throws Exception {
        savepoint = CountsSavepoint.take(temp.resolve("taken"), 2, 500);
    }

    private static CommandRun check(String... jobArgs) {
        String[] args = new String[jobArgs.length + 6];
        args[0] = "savepoint";
        args[1] = "check";
        args[2] = "--from-savepoint";
        args[3] = savepoint.toString();
        args[4] = "--class";
        args[5] = CountsJob.class.getName();
        System.arraycopy(jobArgs, 0, args, 6, jobArgs.length);
        return CommandRun.of(args);
    }

    @Test
    void when_the_state_fits_then_exit_is_0_and_the_report_says_where_each_state_goes() {
        CommandRun run = check("-p", "3", "--checkpoint-interval", "1s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("savepoint ").contains("for job 'CountsJob'")
                .contains("'count' (uid count): parallelism 2 -> 3; keyed state and timers go to the subtask that "
                        + "owns their key group")
                .contains("keyed state 'count' (VALUE state of java.lang.Long): 13 keys, per subtask ")
                .contains("'numbers' (uid numbers): parallelism 1, unchanged")
                .endsWith("the state fits the job\n");
    }

    @Test
    void when_the_job_has_no_operator_for_a_uid_then_exit_is_1_and_the_report_names_it() {
        CommandRun run = check("-D", "uid=counter");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("uid 'count': not in the job; its state would be lost")
                .contains("starting empty, nothing stored for them: 'count' (uid counter)")
                .contains("error: the savepoint holds state of operator uid 'count'")
                .endsWith("the state does not fit the job: 1 error\n");
    }

    @Test
    void when_a_state_changed_its_type_then_exit_is_1_and_the_report_names_both_types() {
        CommandRun run = check("-D", "type=text");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("asks for state 'count' as VALUE state of java.lang.String, but the state "
                + "restored under that name is VALUE state of java.lang.Long");
    }

    @Test
    void when_there_is_no_savepoint_at_the_path_then_exit_is_2() {
        Path missing = temp.resolve("missing");

        CommandRun run = CommandRun.of("savepoint", "check", "--from-savepoint", missing.toString(),
                "--class", CountsJob.class.getName());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no savepoint at " + missing);
    }

    @Test
    void when_the_class_has_only_a_main_method_then_exit_is_2_and_it_says_a_job_is_needed() {
        CommandRun run = CommandRun.of("savepoint", "check", "--from-savepoint", savepoint.toString(),
                "--class", "io.shepherd.cli.run.MainJob");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("savepoint check needs a job class implementing io.shepherd.api.Job");
    }

    @Test
    void when_the_savepoint_option_is_missing_then_exit_is_2() {
        CommandRun run = CommandRun.of("savepoint", "check", "--class", CountsJob.class.getName());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--from-savepoint=DIR'");
    }
}
