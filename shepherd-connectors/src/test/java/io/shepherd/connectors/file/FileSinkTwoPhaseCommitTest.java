package io.shepherd.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import io.shepherd.connectors.TestContext;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file sink's two phases, one step at a time (TwoPhaseCommitSink's javadoc is the contract). */
class FileSinkTwoPhaseCommitTest {
    private static final Path DIRECTORY = Path.of("/sim/out");

    private final SimulatedDisk disk = new SimulatedDisk(3);
    private long writers;
    private final FileSink<String> sink = FileSink.<String>to(DIRECTORY).withDisk(disk)
            .withWriterIds(() -> WriterIds.hex(++writers));

    @Test
    void when_pre_committed_then_the_parts_are_durable_and_pending_and_appear_only_on_commit() throws Exception {
        Committer<PendingPart> committer = sink.createCommitter(new TestContext(0, 1));
        TwoPhaseCommitWriter<String, PendingPart> writer = sink.createWriter(new TestContext(0, 1));
        writer.write("a");
        writer.write("b");
        writer.flush();
        List<PendingPart> parts = writer.preCommit(1);

        String name = PartNames.committed(0, WriterIds.hex(1), 0);
        assertThat(parts).containsExactly(new PendingPart(name, 4));
        assertThat(disk.isNameDurable(DIRECTORY.resolve(PartNames.pending(name)))).isTrue();
        assertThat(disk.hasUnforcedChanges(DIRECTORY.resolve(PartNames.pending(name)))).isFalse();
        assertThat(visible()).isEmpty();

        committer.commit(parts);
        assertThat(visible()).containsExactly(name);
        assertThat(disk.isNameDurable(DIRECTORY.resolve(name))).isTrue();
        assertThat(text(name)).isEqualTo("a\nb\n");
    }

    @Test
    void when_a_commit_is_repeated_then_committed_parts_are_skipped_and_nothing_is_doubled() throws Exception {
        TwoPhaseCommitWriter<String, PendingPart> writer = sink.createWriter(new TestContext(0, 1));
        writer.write("once");
        List<PendingPart> parts = writer.preCommit(1);
        sink.createCommitter(new TestContext(0, 1)).commit(parts);
        disk.crash();

        sink.createCommitter(new TestContext(0, 1)).commit(parts);
        assertThat(visible()).hasSize(1);
        assertThat(text(parts.get(0).name())).isEqualTo("once\n");
    }

    @Test
    void when_parts_roll_then_they_wait_as_pending_and_the_next_pre_commit_returns_them_all() throws Exception {
        TwoPhaseCommitWriter<String, PendingPart> writer = sink.withRollBytes(4).createWriter(new TestContext(2, 3));
        writer.write("abc");
        writer.write("def");
        writer.write("g");
        assertThat(visible()).isEmpty();

        List<PendingPart> parts = writer.preCommit(7);
        assertThat(parts).extracting(PendingPart::bytes).containsExactly(4L, 4L, 2L);
        assertThat(writer.preCommit(8)).isEmpty();
    }

    @Test
    void when_the_engine_pre_commits_then_close_commits_nothing_even_after_a_flush() throws Exception {
        TwoPhaseCommitWriter<String, PendingPart> writer = sink.createWriter(new TestContext(0, 1));
        writer.write("a");
        writer.preCommit(1);
        writer.write("b");
        writer.flush();
        writer.close();

        assertThat(visible()).isEmpty();
    }

    @Test
    void when_aborting_then_only_this_subtasks_uncommitted_parts_are_deleted() throws Exception {
        TwoPhaseCommitWriter<String, PendingPart> mine = sink.createWriter(new TestContext(1, 2));
        mine.write("committed");
        List<PendingPart> committed = mine.preCommit(1);
        sink.createCommitter(new TestContext(1, 2)).commit(committed);
        mine.write("pending");
        mine.preCommit(2);
        mine.write("in progress");
        mine.flush();
        TwoPhaseCommitWriter<String, PendingPart> other = sink.createWriter(new TestContext(0, 2));
        other.write("other subtask");
        other.preCommit(2);
        disk.crash();

        sink.createCommitter(new TestContext(1, 2)).abortUncommitted();
        assertThat(disk.list(DIRECTORY)).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                committed.get(0).name(), PartNames.pending(PartNames.committed(0, WriterIds.hex(2), 0)));
        assertThat(disk.unsyncedNameChanges(DIRECTORY)).isZero();
    }

    @Test
    void when_a_pre_committed_part_is_gone_then_the_commit_fails_saying_its_records_are_lost() throws Exception {
        TwoPhaseCommitWriter<String, PendingPart> writer = sink.createWriter(new TestContext(0, 1));
        writer.write("a");
        List<PendingPart> parts = writer.preCommit(1);
        disk.delete(DIRECTORY.resolve(PartNames.pending(parts.get(0).name())));

        assertThatThrownBy(() -> sink.createCommitter(new TestContext(0, 1)).commit(parts))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(parts.get(0).name())
                .hasMessageContaining("is lost");
    }

    @Test
    void when_a_pending_part_has_another_length_then_the_commit_refuses_to_publish_it() throws Exception {
        TwoPhaseCommitWriter<String, PendingPart> writer = sink.createWriter(new TestContext(0, 1));
        writer.write("abc");
        PendingPart part = writer.preCommit(1).get(0);

        assertThatThrownBy(() -> sink.createCommitter(new TestContext(0, 1))
                        .commit(List.of(new PendingPart(part.name(), 99))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has 4 bytes but was pre-committed with 99");
        assertThat(visible()).isEmpty();
    }

    private List<String> visible() throws IOException {
        return disk.list(DIRECTORY).stream().map(path -> path.getFileName().toString())
                .filter(name -> !name.startsWith(".")).toList();
    }

    private String text(String name) throws IOException {
        return new String(disk.content(DIRECTORY.resolve(name)), StandardCharsets.UTF_8);
    }
}
