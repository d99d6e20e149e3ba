package io.shepherd.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.testkit.SeededRuns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: a child JVM appends under {@link SyncPolicy#SYNC} on the real disk and reports every
 * acknowledged position; the parent kills it with SIGKILL at a random moment (during startup, during
 * recovery, mid-batch, mid-roll), reopens the log and checks that every acknowledged record is there,
 * intact, at its position and in order. Rounds accumulate on one directory, so each child also
 * recovers what the previous one left.
 *
 * <p>CI runs 5 seeds x 10 kills; {@code -Dshepherd.chaos.full=true} runs 200 x 10. A kill only kills the
 * process, so the OS keeps unforced writes: this checks acknowledgement order, recovery and the roll
 * protocol, while power loss is covered on the simulated disk.
 */
class KillNineCrashTest {

    private static final int KILLS_PER_SEED = 10;

    /** A child that prints nothing for this long is stuck: it is killed and the round fails. */
    private static final long SILENCE_LIMIT_SECONDS = 60;

    @TempDir
    Path root;

    /** An acknowledged record as the child reported it. */
    private record Ack(long position, int round, int thread, long seq) {}

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES) // the full run (2,000 kills) takes about ten; each child is watched
    void when_the_writer_process_is_killed_at_random_moments_then_every_acknowledged_record_survives_in_order() {
        SeededRuns.of("wal kill -9", 5, 200).forEach(seed -> {
            Path directory = root.resolve("log-" + Long.toHexString(seed));
            SplittableRandom random = new SplittableRandom(seed);
            long segmentBytes = 16_384 + random.nextInt(65_536);
            Map<Long, Ack> acked = new HashMap<>();
            int opened = 0;
            for (int round = 0; round < KILLS_PER_SEED; round++) {
                if (runAndKill(directory, round, segmentBytes, random, acked)) {
                    opened++;
                }
                checkLog(directory, segmentBytes, acked, "seed " + seed + " round " + round);
            }
            // Guards against a harness that passes vacuously because its children never got going.
            assertThat(opened).as("children that opened the log").isGreaterThan(KILLS_PER_SEED / 2);
            assertThat(acked).as("acknowledged records checked").isNotEmpty();
        });
    }

    /** Runs one child until the kill; returns whether it got as far as opening the log. */
    private static boolean runAndKill(Path directory, int round, long segmentBytes, SplittableRandom random,
            Map<Long, Ack> acked) {
        int threads = 1 + random.nextInt(6);
        int window = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(16);
        boolean killByAckCount = random.nextInt(4) != 0;
        int killAfterAcks = random.nextInt(400);
        long killAfterNanos = TimeUnit.MILLISECONDS.toNanos(random.nextInt(400));
        Process child = null;
        Path stderr = null;
        boolean opened = false;
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try {
            stderr = Files.createTempFile("wal-crash-child", ".err");
            child = startChild(directory, round, threads, window, segmentBytes, stderr);
            Process watched = child;
            AtomicReference<ScheduledFuture<?>> silence = new AtomicReference<>(
                    watchdog.schedule(watched::destroyForcibly, SILENCE_LIMIT_SECONDS, TimeUnit.SECONDS));
            long startedAt = System.nanoTime();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int acks = 0;
            String line;
            boolean killed = false;
            while ((line = out.readLine()) != null) {
                silence.getAndSet(watchdog.schedule(watched::destroyForcibly, SILENCE_LIMIT_SECONDS, TimeUnit.SECONDS))
                        .cancel(false);
                opened |= line.startsWith("open ");
                if (line.startsWith("ack ")) {
                    Ack ack = parse(line);
                    acked.put(ack.position(), ack);
                    acks++;
                }
                boolean due = killByAckCount ? acks >= killAfterAcks : System.nanoTime() - startedAt >= killAfterNanos;
                if (due) {
                    // A random extra moment so the kill does not always land just after an acknowledgement.
                    LockSupport.parkNanos(random.nextInt(2_000_000));
                    killed = true;
                    break;
                }
            }
            if (!killed) {
                child.waitFor();
                throw new AssertionError("the child stopped by itself or went silent for " + SILENCE_LIMIT_SECONDS
                        + " s (exit " + child.exitValue() + "): " + Files.readString(stderr));
            }
            // Acknowledgements still in the pipe are not counted: destroying the process closes it. That
            // only checks fewer records, never wrongly.
            child.destroyForcibly();
            child.waitFor();
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            watchdog.shutdownNow();
            if (child != null) {
                child.destroyForcibly();
            }
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file; the OS cleans up eventually
            }
        }
    }

    private static Process startChild(Path directory, int round, int threads, int window, long segmentBytes,
            Path stderr) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"),
                WalCrashChild.class.getName(),
                directory.toString(), String.valueOf(round), String.valueOf(threads), String.valueOf(window),
                String.valueOf(segmentBytes)));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    private static Ack parse(String line) {
        String[] f = line.split(" ");
        return new Ack(Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4]));
    }

    private static void checkLog(Path directory, long segmentBytes, Map<Long, Ack> acked, String context) {
        if (!Files.exists(directory)) {
            assertThat(acked).as(context + ": no log, so nothing acknowledged").isEmpty();
            return;
        }
        WalOptions options = WalOptions.builder(directory).segmentBytes(segmentBytes).build();
        Map<Long, CrashPayload> found = new HashMap<>();
        Map<String, Long> lastSeqByWriter = new HashMap<>();
        try (Wal wal = Wal.openReadOnly(options); WalReader reader = wal.openReader(wal.startPosition())) {
            for (LogRecord r = reader.next(); r != null; r = reader.next()) {
                CrashPayload p = CrashPayload.decode(r.payload());
                found.put(r.position(), p);
                String writer = p.round() + "/" + p.thread();
                Long previous = lastSeqByWriter.put(writer, p.seq());
                assertThat(previous == null || previous < p.seq())
                        .as(context + ": records of writer " + writer + " in append order at " + r.position())
                        .isTrue();
            }
        }
        for (Ack ack : acked.values()) {
            CrashPayload p = found.get(ack.position());
            assertThat(p).as(context + ": acknowledged record at " + ack.position() + " is present").isNotNull();
            assertThat(p).as(context + ": record at " + ack.position())
                    .isEqualTo(new CrashPayload(ack.round(), ack.thread(), ack.seq()));
        }
    }
}
