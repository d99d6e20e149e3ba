package io.shepherd.connectors.writeahead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.serialization.Serializers;
import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import io.shepherd.connectors.TestContext;
import io.shepherd.connectors.generator.GeneratorSource;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead sink's two phases one step at a time, and in a job. */
class WriteAheadSinkTest {
    private static final Path DIRECTORY = Path.of("/sim/wal-sink");

    @TempDir
    Path temp;

    private final SimulatedDisk disk = new SimulatedDisk(5);
    private final InMemoryTarget<String> target = new InMemoryTarget<>();
    private final WriteAheadSink<String> sink =
            WriteAheadSink.to(DIRECTORY, Serializers.strings(), target).withDisk(disk).withSegmentBytes(4096);

    @AfterEach
    void releaseLogs() {
        SinkLog.dropAll(disk);
        target.clear();
    }

    @Test
    void when_a_checkpoint_is_pre_committed_then_nothing_is_sent_until_it_is_committed_and_then_only_once()
            throws Exception {
        try (Committer<WalCommittable> committer = sink.createCommitter(new TestContext(0, 1));
                TwoPhaseCommitWriter<String, WalCommittable> writer = sink.createWriter(new TestContext(0, 1))) {
            writer.write("a");
            writer.write("b");
            List<WalCommittable> first = writer.preCommit(1);
            writer.write("c");
            List<WalCommittable> second = writer.preCommit(2);
            assertThat(writer.preCommit(3)).isEmpty();
            assertThat(target.records()).isEmpty();

            committer.commit(first);
            committer.commit(second);
            committer.commit(first);
            assertThat(target.records()).containsExactly("a", "b", "c");
            assertThat(target.redeliveries()).isZero();
        }
    }

    @Test
    void when_a_commit_fails_after_some_batches_then_the_next_commit_sends_that_checkpoint_again_and_nothing_else()
            throws Exception {
        FailingOnce failing = new FailingOnce(target, 2);
        WriteAheadSink<String> batched = WriteAheadSink.to(DIRECTORY, Serializers.strings(), failing).withDisk(disk)
                .withBatchRecords(2);
        Committer<WalCommittable> committer = batched.createCommitter(new TestContext(0, 1));
        TwoPhaseCommitWriter<String, WalCommittable> writer = batched.createWriter(new TestContext(0, 1));
        writer.write("early");
        committer.commit(writer.preCommit(1));
        for (String record : List.of("a", "b", "c", "d", "e")) {
            writer.write(record);
        }
        List<WalCommittable> interrupted = writer.preCommit(2);
        assertThatThrownBy(() -> committer.commit(interrupted)).hasMessageContaining("target failed");
        disk.crash();
        SinkLog.dropAll(disk);

        try (Committer<WalCommittable> restored = batched.createCommitter(new TestContext(0, 1))) {
            restored.commit(interrupted);
            restored.abortUncommitted();
        }
        assertThat(target.records()).containsExactly("early", "a", "b", "c", "d", "e");
        assertThat(target.redeliveries()).as("the batch a, b sent before the failure").isEqualTo(2);
    }

    @Test
    void when_restored_then_records_after_the_checkpoint_are_cut_and_new_ones_are_numbered_past_them()
            throws Exception {
        Committer<WalCommittable> committer = sink.createCommitter(new TestContext(0, 1));
        TwoPhaseCommitWriter<String, WalCommittable> writer = sink.createWriter(new TestContext(0, 1));
        writer.write("kept");
        List<WalCommittable> restoredCheckpoint = writer.preCommit(1);
        committer.commit(restoredCheckpoint);
        writer.write("replayed");
        List<WalCommittable> neverCompleted = writer.preCommit(2);
        writer.write("also replayed");
        writer.flush();
        disk.crash();
        SinkLog.dropAll(disk);

        try (Committer<WalCommittable> restored = sink.createCommitter(new TestContext(0, 1))) {
            restored.commit(restoredCheckpoint);
            restored.abortUncommitted();
            try (TwoPhaseCommitWriter<String, WalCommittable> again = sink.createWriter(new TestContext(0, 1))) {
                again.write("replayed");
                List<WalCommittable> replayed = again.preCommit(3);
                assertThatThrownBy(() -> restored.commit(neverCompleted))
                        .as("the cut records of checkpoint 2 are gone, its place taken by checkpoint 3")
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("does not hold checkpoint 2");
                restored.commit(replayed);
            }
        }
        assertThat(target.records()).containsExactly("kept", "replayed");
        assertThat(target.redeliveries()).isZero();
    }

    @Test
    void when_checkpoints_are_committed_then_old_segments_are_dropped() throws Exception {
        try (Committer<WalCommittable> committer = sink.createCommitter(new TestContext(0, 1));
                TwoPhaseCommitWriter<String, WalCommittable> writer = sink.createWriter(new TestContext(0, 1))) {
            for (int checkpoint = 1; checkpoint <= 20; checkpoint++) {
                for (int i = 0; i < 10; i++) {
                    writer.write("c" + checkpoint + "-" + "y".repeat(100));
                }
                committer.commit(writer.preCommit(checkpoint));
            }
            assertThat(target.records()).hasSize(200);
            List<Path> segments = disk.list(DIRECTORY.resolve("subtask-0")).stream()
                    .filter(path -> path.toString().endsWith(".wal")).toList();
            assertThat(segments).as("about 24 KB written into 4 KB segments").hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void when_the_log_lost_a_pre_committed_checkpoint_then_the_commit_fails_saying_so() throws Exception {
        try (Committer<WalCommittable> committer = sink.createCommitter(new TestContext(0, 1))) {
            WalCommittable missing = new WalCommittable(0, 4, 1_000, 2_000);
            assertThatThrownBy(() -> committer.commit(List.of(missing)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("checkpoint 4")
                    .hasMessageContaining("no longer in the log");
            WalCommittable otherSubtask = new WalCommittable(3, 4, 0, 100);
            assertThatThrownBy(() -> committer.commit(List.of(otherSubtask)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("different parallelism");
        }
    }

    @Test
    void when_a_record_does_not_fit_a_log_entry_then_it_is_refused_naming_the_setting() throws Exception {
        try (TwoPhaseCommitWriter<String, WalCommittable> writer = sink.createWriter(new TestContext(0, 1))) {
            assertThatThrownBy(() -> writer.write("z".repeat(5_000)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("withSegmentBytes");
        }
    }

    @Test
    void when_a_job_ends_then_every_record_reaches_the_target_once() throws Exception {
        Path batches = temp.resolve("batches");
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.fromSource(GeneratorSource.of(5_000, i -> "record-" + i), "records")
                .sink(WriteAheadSink.to(temp.resolve("log"), String.class, DirectoryTarget.<String>in(batches))
                        .withBatchRecords(700));
        env.execute("write ahead");

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            expected.add("record-" + i);
        }
        assertThat(lines(batches)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> lines(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> !file.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    /** Passes batches on, but fails the call after {@code failAfter} successful ones, once. */
    private static final class FailingOnce implements IdempotentTarget<String> {
        private final IdempotentTarget<String> target;
        private int callsUntilFailure;

        FailingOnce(IdempotentTarget<String> target, int failAfter) {
            this.target = target;
            this.callsUntilFailure = failAfter;
        }

        @Override
        public void write(long checkpointId, List<SequencedRecord<String>> records) throws Exception {
            if (callsUntilFailure-- == 0) {
                throw new IOException("target failed");
            }
            target.write(checkpointId, records);
        }
    }
}
