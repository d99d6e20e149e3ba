package io.shepherd.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.connectors.OutputDiff;
import io.shepherd.connectors.TwoPhaseCommitDriver;
import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The file sink driven through the two-phase-commit contract with crashes anywhere: before a
 * pre-commit, between pre-commit and commit, half-way through a pre-commit, a commit or an abort.
 */
class FileSinkExactlyOnceTest {
    private static final Path DIRECTORY = Path.of("/sim/out");

    @Test
    void when_the_power_fails_anywhere_then_the_committed_parts_hold_every_record_exactly_once() {
        SeededRuns.of("file sink exactly once", 150, 5_000).forEach(seed -> {
            try {
                runOnce(seed);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void runOnce(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        SimulatedDisk disk = new SimulatedDisk(seed);
        long[] writers = {0};
        FileSink<String> sink = FileSink.<String>to(DIRECTORY).withDisk(disk)
                .withRollBytes(random.nextInt(50, 3_000))
                .withWriterIds(() -> WriterIds.hex(++writers[0]));
        List<String> input = new ArrayList<>();
        for (int i = 0, n = random.nextInt(0, 1_500); i < n; i++) {
            input.add("r" + i + "-" + "x".repeat(random.nextInt(0, 100)));
        }
        TwoPhaseCommitDriver<PendingPart> driver = new TwoPhaseCommitDriver<>(sink, disk, () -> {}, seed);
        driver.run(input, random.nextInt(0, 8));

        disk.crash(); // what the output is after the job: only what is durable
        OutputDiff.assertSameRecords(input, committedLines(disk), "seed " + seed + " after " + driver.crashes()
                + " crashes");
        assertThat(hiddenParts(disk)).as("uncommitted parts left behind").isEmpty();
    }

    private static List<String> committedLines(SimulatedDisk disk) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!disk.exists(DIRECTORY)) {
            return lines;
        }
        for (Path file : disk.list(DIRECTORY)) {
            if (!file.getFileName().toString().startsWith(".")) {
                String text = new String(disk.content(file), StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).endsWith("\n");
                lines.addAll(Arrays.asList(text.split("\n")));
            }
        }
        return lines;
    }

    private static List<Path> hiddenParts(SimulatedDisk disk) throws IOException {
        if (!disk.exists(DIRECTORY)) {
            return List.of();
        }
        return disk.list(DIRECTORY).stream().filter(file -> file.getFileName().toString().startsWith(".part-")).toList();
    }
}
