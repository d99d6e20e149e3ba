package io.shepherd.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.cli.CommandRun;
import io.shepherd.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shepherd run --savepoint-dir} in a process of its own, stopped with SIGTERM as a service
 * manager (or Ctrl-C's SIGINT) would: it prints the savepoint it kept, and a job starts from that.
 */
class RunStopSignalTest {
    private static final Pattern SAVEPOINT_LINE = Pattern.compile("savepoint: (\\S+)");
    private static final long DEADLINE_MS = 60_000;

    @TempDir
    Path temp;

    @Test
    void when_the_process_gets_SIGTERM_then_it_stops_the_job_with_a_savepoint_and_prints_where_it_is()
            throws Exception {
        Path checkpoints = temp.resolve("checkpoints");
        Path kept = temp.resolve("savepoints");
        Process process = start(checkpoints, kept);
        try {
            awaitFirstCheckpoint(checkpoints, process);

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS)).as("exited").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String out = Files.readString(temp.resolve("stdout"));
        String err = Files.readString(temp.resolve("stderr"));
        Matcher line = SAVEPOINT_LINE.matcher(out);
        assertThat(line.find()).as("stdout: %s%nstderr: %s", out, err).isTrue();
        Path savepoint = Path.of(line.group(1));
        assertThat(savepoint.getParent()).isEqualTo(kept);
        assertThat(savepoint.resolve("_metadata")).isRegularFile();
        assertThat(err).contains("run: stopping job 'CountsJob' with a savepoint");
        assertThat(out).contains("job 'CountsJob' cancelled");

        CommandRun check = CommandRun.of("savepoint", "check", "--from-savepoint", savepoint.toString(),
                "--class", CountsJob.class.getName());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
    }

    private Process start(Path checkpoints, Path kept) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "io.shepherd.cli.Shepherd",
                "run", "--class", CountsJob.class.getName(), "--checkpoint-interval", "20ms",
                "--checkpoint-dir", checkpoints.toString(), "--savepoint-dir", kept.toString(), "-D", "rate=5000");
        return new ProcessBuilder(command).redirectOutput(temp.resolve("stdout").toFile())
                .redirectError(temp.resolve("stderr").toFile()).start();
    }

    /** The job runs, with checkpoints, once a completed checkpoint's directory appears. */
    private static void awaitFirstCheckpoint(Path checkpoints, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!hasCheckpoint(checkpoints)) {
            assertThat(process.isAlive()).as("the command is still running").isTrue();
            assertThat(System.currentTimeMillis()).as("a checkpoint within %d ms", DEADLINE_MS).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean hasCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(checkpoints)) {
            return entries.anyMatch(entry -> entry.getFileName().toString().startsWith("chk-")
                    && Files.exists(entry.resolve("_metadata")));
        }
    }
}
