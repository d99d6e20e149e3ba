package io.shepherd.connectors.writeahead;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.serialization.Serializers;
import io.shepherd.connectors.OutputDiff;
import io.shepherd.connectors.TwoPhaseCommitDriver;
import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The write-ahead sink driven through the two-phase-commit contract with crashes anywhere, its log on
 * a disk that loses power, its target an idempotent store outside that disk.
 */
class WriteAheadSinkExactlyOnceTest {
    private static final Path DIRECTORY = Path.of("/sim/wal-sink");

    @Test
    void when_the_power_fails_anywhere_then_the_target_holds_every_record_once_and_only_interrupted_commits_resend() {
        SeededRuns.of("write-ahead sink exactly once", 120, 5_000).forEach(seed -> {
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
        RecordingTarget target = new RecordingTarget();
        WriteAheadSink<String> sink = WriteAheadSink.to(DIRECTORY, Serializers.strings(), target).withDisk(disk)
                .withSegmentBytes(random.nextInt(4096, 16_384))
                .withBatchRecords(random.nextInt(1, 50));
        List<String> input = new ArrayList<>();
        for (int i = 0, n = random.nextInt(0, 1_500); i < n; i++) {
            input.add("r" + i + "-" + "x".repeat(random.nextInt(0, 100)));
        }
        TwoPhaseCommitDriver<WalCommittable> driver =
                new TwoPhaseCommitDriver<>(sink, disk, () -> SinkLog.dropAll(disk), seed);
        List<String> delivered;
        try {
            driver.run(input, random.nextInt(0, 8));
            delivered = target.store.records();
        } finally {
            SinkLog.dropAll(disk);
            target.store.clear();
        }

        String context = "seed " + seed + " after " + driver.crashes() + " crashes";
        OutputDiff.assertSameRecords(input, delivered, context);
        assertThat(delivered).as(context + ": records in the order they were written").isEqualTo(input);
        assertThat(target.resentCheckpoints).as(context + ": checkpoints sent again")
                .isSubsetOf(driver.interruptedCommits());
    }

    /** An idempotent store that notes which checkpoints were sent to it again. */
    private static final class RecordingTarget implements IdempotentTarget<String> {
        final InMemoryTarget<String> store = new InMemoryTarget<>();
        final Set<Long> resentCheckpoints = new TreeSet<>();

        @Override
        public void write(long checkpointId, List<SequencedRecord<String>> batch) {
            long before = store.redeliveries();
            store.write(checkpointId, batch);
            if (store.redeliveries() > before) {
                resentCheckpoints.add(checkpointId);
            }
        }
    }
}
