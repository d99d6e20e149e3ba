package io.shepherd.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.cli.CommandRun;
import io.shepherd.cli.ExitCodes;
import io.shepherd.common.io.Disk;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shepherd run} with checkpoints: starting from a savepoint, and stopping with one. */
class RunWithSavepointsTest {
    private static final Pattern RECORDS_READ = Pattern.compile("([\\d,]+) records from sources");

    @TempDir
    static Path temp;

    private static Path savepoint;

    @BeforeAll
    static void takeSavepoint() throws Exception {
        savepoint = CountsSavepoint.take(temp.resolve("taken"), 2, 2_000);
    }

    @Test
    void when_a_job_starts_from_a_savepoint_then_it_reads_on_from_where_the_savepoint_was_taken() {
        CommandRun run = CommandRun.of("run", "--class", CountsJob.class.getName(), "-p", "3",
                "--checkpoint-interval", "50ms", "--checkpoint-dir", temp.resolve("resumed").toString(),
                "--from-savepoint", savepoint.toString(), "-D", "n=5000", "-D", "rate=1000000");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("job 'CountsJob' finished");
        assertThat(recordsRead(run)).as("records read after the savepoint").isLessThanOrEqualTo(3_000);
        assertThat(temp.resolve("resumed").resolve("_log")).isDirectory();
    }

    @Test
    void when_the_job_does_not_fit_the_savepoint_then_exit_is_1_and_the_error_names_the_uid() {
        CommandRun run = CommandRun.of("run", "--class", CountsJob.class.getName(), "--checkpoint-interval", "50ms",
                "--from-savepoint", savepoint.toString(), "-D", "uid=counter");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("run: cannot start job 'CountsJob' from " + savepoint)
                .contains("state of operator uid 'count'");
    }

    @Test
    void when_a_savepoint_is_given_without_checkpoints_then_exit_is_2_and_it_says_to_turn_them_on() {
        CommandRun run = CommandRun.of("run", "--class", CountsJob.class.getName(),
                "--from-savepoint", savepoint.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--from-savepoint needs checkpoints: give --checkpoint-interval");
    }

    @Test
    void when_the_savepoint_directory_does_not_exist_then_exit_is_2_and_the_message_names_it() {
        Path missing = temp.resolve("missing");

        CommandRun run = CommandRun.of("run", "--class", CountsJob.class.getName(), "--checkpoint-interval", "1s",
                "--from-savepoint", missing.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no savepoint at " + missing);
    }

    @Test
    void when_the_checkpoint_interval_is_not_a_duration_then_exit_is_2() {
        CommandRun run = CommandRun.of("run", "--class", CountsJob.class.getName(), "--checkpoint-interval", "often");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'often' is not a duration; write e.g. 500ms, 10s or 2m");
    }

    @Test
    void when_told_to_stop_then_the_job_stops_with_a_savepoint_copied_into_the_savepoint_directory() throws Exception {
        JobClient job = runningWithCheckpointsIn(temp.resolve("stop"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StopWithSavepoint stop = new StopWithSavepoint(job, temp.resolve("kept"), Duration.ofSeconds(60),
                new PrintWriter(out, true), new PrintWriter(err, true));

        stop.run();

        assertThat(job.await(Duration.ofSeconds(60)).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(stop.savepoint()).as(err.toString()).isNotNull();
        assertThat(stop.savepoint().getParent()).isEqualTo(temp.resolve("kept"));
        assertThat(stop.savepoint().resolve("_metadata")).isRegularFile();
        assertThat(out.toString()).isEqualTo("savepoint: " + stop.savepoint() + System.lineSeparator());
    }

    @Test
    void when_the_savepoint_cannot_be_copied_then_the_original_is_printed() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("taken-by-a-file"), "");
        JobClient job = runningWithCheckpointsIn(temp.resolve("stop2"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        StopWithSavepoint stop = new StopWithSavepoint(job, notADirectory, Duration.ofSeconds(60),
                new PrintWriter(out, true), new PrintWriter(err, true));
        stop.run();

        assertThat(job.await(Duration.ofSeconds(60)).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(stop.savepoint()).as(err.toString()).startsWith(temp.resolve("stop2").resolve("savepoints"));
        assertThat(err.toString()).contains("the savepoint could not be copied into " + notADirectory)
                .contains("it stays in the checkpoint directory");
        assertThat(out.toString()).isEqualTo("savepoint: " + stop.savepoint() + System.lineSeparator());
    }

    @Test
    void when_no_savepoint_can_be_taken_then_the_job_is_cancelled_and_the_error_says_why() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        new CountsJob().build(env, Map.of());
        JobClient job = env.executeAsync("unchecked");
        StringWriter err = new StringWriter();
        StopWithSavepoint stop = new StopWithSavepoint(job, temp.resolve("never"), Duration.ofSeconds(60),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        stop.run();

        assertThat(job.await(Duration.ofSeconds(60)).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(stop.savepoint()).isNull();
        assertThat(err.toString()).contains("no savepoint was taken: job 'unchecked' takes no savepoints")
                .contains("the job is cancelled without one");
    }

    @Test
    void when_a_savepoint_of_the_same_name_is_kept_already_then_the_copy_gets_a_new_name() throws Exception {
        SavepointCopy copier = new SavepointCopy(Disk.local());
        Path target = temp.resolve("copies");

        Path first = copier.copy(savepoint, target);
        Path second = copier.copy(savepoint, target);

        assertThat(first.getFileName().toString()).isEqualTo(savepoint.getFileName().toString());
        assertThat(second.getFileName().toString()).isEqualTo(savepoint.getFileName() + "-2");
        try (Stream<Path> files = Files.list(savepoint)) {
            for (Path file : files.toList()) {
                assertThat(second.resolve(file.getFileName())).hasSameBinaryContentAs(file);
            }
        }
        try (Stream<Path> kept = Files.list(target)) {
            assertThat(kept.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    /** {@link CountsJob} with checkpoints, once it has read its first records. */
    private static JobClient runningWithCheckpointsIn(Path checkpoints) throws InterruptedException {
        StreamEnvironment env = StreamEnvironment.create();
        env.config().checkpointing().setInterval(Duration.ofMillis(20)).setDirectory(checkpoints.toString());
        new CountsJob().build(env, Map.of());
        JobClient job = env.executeAsync("CountsJob");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (job.metrics().sourceRecords() == 0) {
            if (System.nanoTime() > deadline) {
                job.cancel();
                throw new AssertionError("the job read nothing within 60 s");
            }
            Thread.sleep(5);
        }
        return job;
    }

    private static long recordsRead(CommandRun run) {
        Matcher matcher = RECORDS_READ.matcher(run.out());
        assertThat(matcher.find()).as(run.out()).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }
}
