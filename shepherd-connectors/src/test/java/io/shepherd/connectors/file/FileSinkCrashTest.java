package io.shepherd.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.sink.SinkWriter;
import io.shepherd.connectors.TestContext;
import io.shepherd.testkit.SeededRuns;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The file sink on a disk that loses what was not forced when the power goes. */
class FileSinkCrashTest {
    private static final Path DIRECTORY = Path.of("/sim/out");
    private static final String WRITER = WriterIds.hex(7);

    @Test
    void when_the_power_fails_then_everything_flushed_survives_and_nothing_else_is_made_up() {
        SeededRuns.of("file sink power loss", 100, 5_000).forEach(seed -> {
            try {
                crashOnce(seed);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void crashOnce(long seed) throws Exception {
        {
            SplittableRandom random = new SplittableRandom(seed);
            SimulatedDisk disk = new SimulatedDisk(seed);
            SinkWriter<String> writer = FileSink.<String>to(DIRECTORY).withDisk(disk).withWriterIds(() -> WRITER)
                    .withRollBytes(random.nextInt(50, 5_000)).createWriter(new TestContext(0, 1));
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            long durable = 0;
            for (int i = 0, n = random.nextInt(0, 2_000); i < n; i++) {
                String record = "r" + i + "-" + "x".repeat(random.nextInt(0, 300));
                writer.write(record);
                written.writeBytes((record + "\n").getBytes(StandardCharsets.UTF_8));
                if (random.nextInt(100) == 0) {
                    writer.flush();
                    durable = written.size();
                }
            }
            disk.crash();

            byte[] recovered = recoveredBytes(disk);
            byte[] all = written.toByteArray();
            assertThat(recovered.length).as("bytes recovered").isBetween((int) durable, all.length);
            for (int i = 0; i < recovered.length; i++) {
                if (recovered[i] != all[i]) {
                    throw new AssertionError("recovered output differs from what was written at byte " + i);
                }
            }
        }
    }

    @Test
    void when_a_force_fails_then_flush_fails_naming_the_file_and_the_part_takes_no_more_writes() throws Exception {
        SimulatedDisk disk = new SimulatedDisk(1);
        SinkWriter<String> writer = FileSink.<String>to(DIRECTORY).withDisk(disk).withWriterIds(() -> WRITER)
                .createWriter(new TestContext(0, 1));
        writer.write("lost");
        disk.failForces(path -> true, 1);

        assertThatThrownBy(writer::flush)
                .isInstanceOf(IOException.class)
                .hasMessageContaining(DIRECTORY.resolve(PartNames.inProgress(part(0))).toString())
                .hasMessageContaining("treated as lost");
        assertThatThrownBy(() -> writer.write("after"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken");
        writer.close();
        assertThat(disk.exists(DIRECTORY.resolve(part(0)))).isFalse();
    }

    @Test
    void when_a_writer_commits_at_the_end_of_the_input_then_the_parts_names_and_contents_are_durable()
            throws Exception {
        SimulatedDisk disk = new SimulatedDisk(2);
        SinkWriter<String> writer = FileSink.<String>to(DIRECTORY).withDisk(disk).withWriterIds(() -> WRITER)
                .withRollBytes(6).createWriter(new TestContext(0, 1));
        writer.write("first");
        writer.write("second");
        writer.flush();
        writer.close();
        disk.crash();

        for (int part = 0; part < 2; part++) {
            assertThat(disk.isNameDurable(DIRECTORY.resolve(part(part)))).isTrue();
        }
        assertThat(new String(disk.content(DIRECTORY.resolve(part(1))), StandardCharsets.UTF_8)).isEqualTo("second\n");
    }

    /**
     * The parts in order, each under whichever of its names survived (committed, pending or in
     * progress), up to the first part that has none.
     */
    private static byte[] recoveredBytes(SimulatedDisk disk) {
        try {
            ByteArrayOutputStream recovered = new ByteArrayOutputStream();
            for (long number = 0; ; number++) {
                String name = part(number);
                Path found = null;
                for (String candidate : List.of(name, PartNames.pending(name), PartNames.inProgress(name))) {
                    if (disk.exists(DIRECTORY.resolve(candidate))) {
                        found = DIRECTORY.resolve(candidate);
                    }
                }
                if (found == null) {
                    return recovered.toByteArray();
                }
                recovered.writeBytes(disk.content(found));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String part(long number) {
        return PartNames.committed(0, WRITER, number);
    }
}
