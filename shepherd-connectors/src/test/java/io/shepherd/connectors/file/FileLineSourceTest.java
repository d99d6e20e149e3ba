package io.shepherd.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.SourceReader;
import io.shepherd.connectors.ListOutput;
import io.shepherd.connectors.TestContext;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.testkit.SeededRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLineSourceTest {

    @TempDir
    Path temp;

    @Test
    void when_reading_random_files_with_restores_at_random_lines_then_every_line_comes_out_once_in_order() {
        SeededRuns.of("file line source snapshot and restore", 40, 1_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Path directory = freshDirectory("restore-" + seed);
            RandomTextFiles text = new RandomTextFiles(random);
            int fileCount = random.nextInt(1, 6);
            for (int i = 0; i < fileCount; i++) {
                write(text, directory.resolve(String.format("input-%02d.txt", i)), random);
            }
            int parallelism = random.nextInt(1, 4);
            FileLineSource<LineRecord> source = FileLineSource.records(directory);
            List<LineRecord> all = new ArrayList<>();
            for (int subtask = 0; subtask < parallelism; subtask++) {
                List<LineRecord> share = new ArrayList<>();
                for (int i = subtask; i < fileCount; i += parallelism) {
                    share.addAll(text.expectedIn(directory.resolve(String.format("input-%02d.txt", i))));
                }
                List<LineRecord> read = readWithRestores(source, new TestContext(subtask, parallelism), random);
                assertThat(read).as("subtask %d of %d", subtask, parallelism).isEqualTo(share);
                all.addAll(read);
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(text.expected());
        });
    }

    @Test
    void when_a_job_reads_a_directory_in_parallel_then_it_emits_every_line() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        RandomTextFiles text = new RandomTextFiles(random);
        for (int i = 0; i < 5; i++) {
            text.write(temp.resolve("part-" + i), 300, 10_000);
        }
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(3);
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(FileLineSource.lines(temp), "lines").sink(sink);
        env.execute("read a directory");

        assertThat(sink.results())
                .containsExactlyInAnyOrderElementsOf(text.expected().stream().map(LineRecord::line).toList());
        sink.clear();
    }

    @Test
    void when_lines_end_in_every_way_then_terminators_are_stripped_and_empty_lines_kept() throws Exception {
        Path file = temp.resolve("endings.txt");
        Files.write(file, "one\ntwo\r\n\n\r\nthree\rstill three\nlast\r".getBytes(StandardCharsets.UTF_8));

        List<LineRecord> lines = readAll(FileLineSource.records(file), new TestContext(0, 1));

        assertThat(lines).extracting(LineRecord::line)
                .containsExactly("one", "two", "", "", "three\rstill three", "last\r");
        assertThat(lines).extracting(LineRecord::offset).containsExactly(0L, 4L, 9L, 10L, 12L, 30L);
    }

    @Test
    void when_a_file_is_empty_or_has_only_a_terminator_then_it_has_no_line_or_one_empty_line() throws Exception {
        Files.write(temp.resolve("a-empty"), new byte[0]);
        Files.write(temp.resolve("b-newline"), new byte[] {'\n'});
        Files.write(temp.resolve("c-crlf"), new byte[] {'\r', '\n'});

        assertThat(readAll(FileLineSource.lines(temp), new TestContext(0, 1))).containsExactly("", "");
    }

    @Test
    void when_a_directory_holds_hidden_files_and_subdirectories_then_only_its_visible_files_are_read() throws Exception {
        Files.writeString(temp.resolve("b"), "from b\n");
        Files.writeString(temp.resolve("a"), "from a\n");
        Files.writeString(temp.resolve(".part-0-0.inprogress"), "hidden\n");
        Files.createDirectories(temp.resolve("c-directory"));
        Files.writeString(temp.resolve("c-directory").resolve("nested"), "nested\n");

        assertThat(readAll(FileLineSource.lines(temp), new TestContext(0, 1))).containsExactly("from a", "from b");
    }

    @Test
    void when_there_are_more_subtasks_than_files_then_the_extra_subtasks_end_at_once() throws Exception {
        Files.writeString(temp.resolve("only"), "x\ny\n");
        TestContext context = new TestContext(1, 2);
        SourceReader<String> reader = FileLineSource.lines(temp).createReader(context);
        assertThat(reader.pollNext(new ListOutput<>())).isEqualTo(InputStatus.END_OF_INPUT);
        reader.snapshotState(1);

        SourceReader<String> restored = FileLineSource.lines(temp).createReader(context.restoredCopy());
        assertThat(restored.pollNext(new ListOutput<>())).isEqualTo(InputStatus.END_OF_INPUT);
    }

    @Test
    void when_a_poll_runs_then_it_emits_at_most_64_lines() throws Exception {
        Path file = temp.resolve("many");
        Files.writeString(file, "line\n".repeat(1_000));
        SourceReader<String> reader = FileLineSource.lines(file).createReader(new TestContext(0, 1));
        ListOutput<String> output = new ListOutput<>();
        int polls = 0;
        while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
            polls++;
            assertThat(output.size()).isLessThanOrEqualTo(polls * FileLineReader.MAX_LINES);
        }
        assertThat(output.size()).isEqualTo(1_000);
    }

    @Test
    void when_a_line_is_longer_than_the_maximum_then_the_error_names_the_file_and_offset() throws Exception {
        Path file = temp.resolve("long.txt");
        Files.writeString(file, "short\n" + "x".repeat(100) + "\r\n" + "y".repeat(101) + "\nafter\n");
        FileLineSource<String> source = FileLineSource.lines(file).withMaxLineBytes(100);
        SourceReader<String> reader = source.createReader(new TestContext(0, 1));
        ListOutput<String> output = new ListOutput<>();

        assertThatThrownBy(() -> {
                    while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
                        // reads until the long line
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("byte offset 108")
                .hasMessageContaining("maximum of 100 bytes");
        assertThat(output.records()).containsExactly("short", "x".repeat(100));
    }

    @Test
    void when_a_line_without_terminator_is_too_long_then_the_reader_fails_before_buffering_it_all() throws Exception {
        Path file = temp.resolve("endless.txt");
        Files.write(file, new byte[300_000]);
        SourceReader<String> reader = FileLineSource.lines(file).withMaxLineBytes(1_000).createReader(new TestContext(0, 1));

        assertThatThrownBy(() -> reader.pollNext(new ListOutput<>()))
                .hasMessageContaining("byte offset 0 of '" + file + "'")
                .hasMessageContaining("withMaxLineBytes");
    }

    @Test
    void when_the_path_does_not_exist_then_creating_a_reader_fails_naming_it() {
        Path missing = temp.resolve("no-such-input");
        assertThatThrownBy(() -> FileLineSource.lines(missing).createReader(new TestContext(0, 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void when_a_job_reads_a_missing_path_then_the_job_fails_naming_the_path() {
        Path missing = temp.resolve("no-such-input");
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        env.fromSource(FileLineSource.lines(missing), "lines").sink(new CollectSink<>());

        assertThatThrownBy(() -> env.execute("missing input"))
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining(missing.toString());
    }

    @Test
    void when_a_file_disappears_before_it_is_read_then_the_error_names_it() throws Exception {
        Path file = temp.resolve("vanishing");
        Files.writeString(file, "x\n");
        SourceReader<String> reader = FileLineSource.lines(temp).createReader(new TestContext(0, 1));
        Files.delete(file);

        assertThatThrownBy(() -> reader.pollNext(new ListOutput<>()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot open '" + file + "'");
    }

    @Test
    void when_the_file_changed_before_a_restore_then_the_reader_refuses_to_resume_mid_line() throws Exception {
        Path file = temp.resolve("changing");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(String.format("line-%03d", i)).append('\n');
        }
        Files.writeString(file, text);
        TestContext context = new TestContext(0, 1);
        SourceReader<String> reader = FileLineSource.lines(file).createReader(context);
        reader.pollNext(new ListOutput<>());
        reader.snapshotState(1);
        assertThat(context.operatorList("offset")).containsExactly(9L * FileLineReader.MAX_LINES);
        reader.close();

        Files.writeString(file, "a longer first line\n" + text);
        SourceReader<String> midLine = FileLineSource.lines(file).createReader(context.restoredCopy());
        assertThatThrownBy(() -> midLine.pollNext(new ListOutput<>()))
                .hasMessageContaining("byte offset " + 9 * FileLineReader.MAX_LINES)
                .hasMessageContaining("not the start of a line");

        Files.writeString(file, "short\n");
        SourceReader<String> truncated = FileLineSource.lines(file).createReader(context.restoredCopy());
        assertThatThrownBy(() -> truncated.pollNext(new ListOutput<>()))
                .hasMessageContaining("the file has 6 bytes now");
    }

    @Test
    void when_restored_at_another_parallelism_or_without_its_file_then_the_reader_refuses() throws Exception {
        Files.writeString(temp.resolve("a"), "1\n2\n");
        Files.writeString(temp.resolve("b"), "3\n4\n");
        TestContext context = new TestContext(1, 2);
        SourceReader<String> reader = FileLineSource.lines(temp).createReader(context);
        reader.pollNext(new ListOutput<>());
        reader.snapshotState(1);

        assertThatThrownBy(() -> FileLineSource.lines(temp).createReader(context.withStateAt(0, 1)))
                .hasMessageContaining("taken at parallelism 2");
        Files.move(temp.resolve("b"), temp.resolve("c"));
        assertThatThrownBy(() -> FileLineSource.lines(temp).createReader(context.restoredCopy()))
                .hasMessageContaining("cannot resume from file 'b'")
                .hasMessageContaining("[c]");
    }

    /**
     * Reads a share to its end, taking snapshots at random polls; after half of them the reader
     * "fails": it polls a little more (output that is lost), then a new reader is created over the
     * snapshot's state and continues.
     */
    private static List<LineRecord> readWithRestores(
            FileLineSource<LineRecord> source, TestContext context, SplittableRandom random) {
        List<LineRecord> committed = new ArrayList<>();
        try {
            SourceReader<LineRecord> reader = source.createReader(context);
            boolean ended = false;
            while (!ended) {
                ListOutput<LineRecord> output = new ListOutput<>();
                for (int polls = random.nextInt(1, 8); polls > 0 && !ended; polls--) {
                    ended = reader.pollNext(output) == InputStatus.END_OF_INPUT;
                }
                reader.snapshotState(1);
                TestContext atSnapshot = context.restoredCopy();
                committed.addAll(output.records());
                if (!ended && random.nextBoolean()) {
                    for (int polls = random.nextInt(1, 4); polls > 0; polls--) {
                        reader.pollNext(new ListOutput<>());
                    }
                    reader.close();
                    context = atSnapshot;
                    reader = source.createReader(context);
                }
            }
            reader.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return committed;
    }

    private static <T> List<T> readAll(FileLineSource<T> source, TestContext context) throws Exception {
        ListOutput<T> output = new ListOutput<>();
        SourceReader<T> reader = source.createReader(context);
        try {
            while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
                // polls until the share is done
            }
        } finally {
            reader.close();
        }
        return output.records();
    }

    private static void write(RandomTextFiles text, Path file, SplittableRandom random) {
        try {
            text.write(file, random.nextInt(0, 200), random.nextInt(10) == 0 ? 200_000 : 2_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path freshDirectory(String name) {
        try {
            return Files.createDirectories(temp.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
