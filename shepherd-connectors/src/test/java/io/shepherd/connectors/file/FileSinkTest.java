package io.shepherd.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.connectors.TestContext;
import io.shepherd.connectors.generator.GeneratorSource;
import io.shepherd.runtime.LocalExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    private static final String WRITER = WriterIds.hex(0xabc);

    @TempDir
    Path temp;

    @Test
    void when_a_job_writes_records_and_another_reads_them_back_then_the_lines_are_the_records() throws Exception {
        Path output = temp.resolve("out").resolve("nested");
        StreamEnvironment write = StreamEnvironment.create(new LocalExecutor()).setParallelism(3);
        write.fromSource(GeneratorSource.of(20_000, i -> "record-" + i + "-ü中"), "records")
                .sink(FileSink.<String>to(output).withRollBytes(16 * 1024));
        write.execute("write records");

        assertThat(names(output)).allMatch(name -> name.matches("part-[0-2]-[0-9a-f]{16}-\\d+"));
        StreamEnvironment read = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        CollectSink<String> lines = new CollectSink<>();
        read.fromSource(FileLineSource.lines(output), "lines").sink(lines);
        read.execute("read records");

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add("record-" + i + "-ü中");
        }
        assertThat(lines.results()).containsExactlyInAnyOrderElementsOf(expected);
        lines.clear();
    }

    @Test
    void when_parts_reach_the_roll_size_then_they_are_committed_in_sequence_and_none_is_much_larger() throws Exception {
        long rollBytes = 1_000;
        SinkWriter<Long> writer = FileSink.<Long>to(temp).withFormatter(i -> String.format("%08d", i))
                .withRollBytes(rollBytes).withWriterIds(() -> WRITER).createWriter(new TestContext(4, 5));
        for (long i = 0; i < 1_000; i++) {
            writer.write(i);
        }
        writer.flush();
        writer.close();

        // Each line is 9 bytes: a part is committed at the first line that takes it to 1,000 bytes.
        List<String> names = names(temp);
        assertThat(names).hasSize(9).allMatch(name -> name.startsWith("part-4-" + WRITER + "-"));
        List<String> lines = new ArrayList<>();
        for (int part = 0; part < names.size(); part++) {
            Path file = temp.resolve("part-4-" + WRITER + "-" + part);
            long size = Files.size(file);
            if (part < names.size() - 1) {
                assertThat(size).as(file.toString()).isEqualTo(1_008);
            }
            lines.addAll(Files.readAllLines(file));
        }
        assertThat(lines).hasSize(1_000).startsWith("00000000", "00000001").endsWith("00000999");
    }

    @Test
    void when_a_second_run_writes_into_the_same_directory_then_its_parts_are_added_beside_the_first_runs()
            throws Exception {
        List<String> written = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            SinkWriter<String> writer = FileSink.<String>to(temp).withRollBytes(10).createWriter(new TestContext(0, 1));
            for (String part : List.of("first", "second")) {
                writer.write("run " + run + " " + part + " part");
                written.add("run " + run + " " + part + " part");
            }
            writer.flush();
            writer.close();
        }
        List<String> names = names(temp);
        assertThat(names).hasSize(4);
        assertThat(names.stream().map(name -> name.substring(0, name.lastIndexOf('-'))).distinct()).hasSize(2);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            lines.addAll(Files.readAllLines(temp.resolve(name)));
        }
        assertThat(lines).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void when_flushed_then_everything_written_is_in_the_in_progress_file_and_it_is_committed_on_close()
            throws Exception {
        SinkWriter<String> writer = FileSink.<String>to(temp).withWriterIds(() -> WRITER)
                .createWriter(new TestContext(0, 1));
        writer.write("a");
        writer.write("b");
        writer.flush();

        Path inProgress = temp.resolve(".part-0-" + WRITER + "-0.inprogress");
        assertThat(Files.readAllLines(inProgress)).containsExactly("a", "b");
        assertThat(names(temp)).isEmpty();
        writer.close();
        assertThat(names(temp)).containsExactly("part-0-" + WRITER + "-0");
        assertThat(Files.exists(inProgress)).isFalse();
    }

    @Test
    void when_closed_without_a_flush_after_a_failure_then_the_part_stays_in_progress() throws Exception {
        SinkWriter<String> writer = FileSink.<String>to(temp).withWriterIds(() -> WRITER)
                .createWriter(new TestContext(0, 1));
        writer.write("flushed");
        writer.flush();
        writer.write("not flushed");
        writer.close();

        assertThat(names(temp)).isEmpty();
        assertThat(Files.readAllLines(temp.resolve(".part-0-" + WRITER + "-0.inprogress"))).containsExactly("flushed");
    }

    @Test
    void when_a_record_formats_to_text_with_a_line_break_then_it_is_refused_and_the_error_policy_applies()
            throws Exception {
        SinkWriter<String> writer = FileSink.<String>to(temp).createWriter(new TestContext(0, 1));
        assertThatThrownBy(() -> writer.write("two\nlines"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'two\\nlines'")
                .hasMessageContaining("line break");

        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        Path output = temp.resolve("skipping");
        env.fromElements("one", "bad\r\nrecord", "three")
                .sink(FileSink.to(output))
                .errorPolicy(ErrorPolicy.SKIP);
        env.execute("skip bad records");
        assertThat(names(output)).hasSize(1);
        assertThat(Files.readAllLines(output.resolve(names(output).get(0)))).containsExactly("one", "three");
    }

    @Test
    void when_the_directory_is_a_file_then_creating_the_writer_fails_naming_it() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
        assertThatThrownBy(() -> FileSink.to(notADirectory).createWriter(new TestContext(0, 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("output directory '" + notADirectory + "'");
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted()
                    .toList();
        }
    }
}
