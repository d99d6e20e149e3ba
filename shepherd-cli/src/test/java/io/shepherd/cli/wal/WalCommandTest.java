package io.shepherd.cli.wal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WalCommandTest {

    @TempDir
    Path root;

    /** The outcome of one command run: exit code, stdout, stderr. */
    private record Run(int exitCode, String out, String err) {}

    private static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new WalCommand(new ByteArrayInputStream(stdin.getBytes(UTF_8))));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path log() {
        return root.resolve("log");
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(log())) {
            List<Path> segments = files.filter(p -> p.toString().endsWith(".wal")).sorted().toList();
            assertThat(segments).hasSize(1);
            return segments.get(0);
        }
    }

    @Test
    void when_lines_are_appended_then_their_positions_print_in_order_and_dump_shows_them() {
        Run append = run("alpha\nbeta\n\ngamma\n", "append", log().toString());
        assertThat(append.exitCode()).as(append.err()).isZero();
        assertThat(append.out()).isEqualTo("0\n25\n49\n69\n");

        Run dump = run("", "dump", log().toString());
        assertThat(dump.exitCode()).isZero();
        assertThat(dump.out()).isEqualTo("0\talpha\n25\tbeta\n49\t\n69\tgamma\n");

        assertThat(run("", "dump", log().toString(), "--from", "49").out()).isEqualTo("49\t\n69\tgamma\n");
    }

    @Test
    void when_appending_under_each_sync_policy_then_every_record_gets_its_position() {
        assertThat(run("a\nb\n", "append", log().toString(), "--sync", "always").out()).isEqualTo("0\n21\n");
        assertThat(run("c\n", "append", log().toString(), "--sync", "interval=5").out()).isEqualTo("42\n");
        assertThat(run("d\n", "append", log().toString(), "--sync", "never").out()).isEqualTo("63\n");
        assertThat(run("", "dump", log().toString()).out()).isEqualTo("0\ta\n21\tb\n42\tc\n63\td\n");
    }

    @Test
    void when_the_sync_policy_is_misspelled_then_it_is_a_usage_error_naming_the_choices() {
        Run run = run("a\n", "append", log().toString(), "--sync", "sometimes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("always").contains("interval=").contains("never");
    }

    @Test
    void when_dumping_from_a_position_that_is_not_a_record_then_it_is_a_usage_error() {
        run("alpha\nbeta\n", "append", log().toString());
        Run dump = run("", "dump", log().toString(), "--from", "3");
        assertThat(dump.exitCode()).isEqualTo(2);
        assertThat(dump.err()).contains("no record starts at position 3");
        assertThat(run("", "dump", log().toString(), "--from", "100000").exitCode()).isEqualTo(2);
    }

    @Test
    void when_payloads_hold_tabs_backslashes_or_binary_then_dump_escapes_them_on_one_line() {
        assertThat(PayloadText.escape("a\tb\\c\u0001".getBytes(UTF_8))).isEqualTo("a\\tb\\\\c\\x01");
        assertThat(PayloadText.escape(new byte[] {'o', 'k', (byte) 0xff, 0})).isEqualTo("ok\\xff\\x00");
        assertThat(PayloadText.escape("héllo".getBytes(UTF_8))).isEqualTo("héllo");
    }

    @Test
    void when_a_log_is_sound_then_verify_says_ok() {
        run("a\nb\nc\n", "append", log().toString());
        Run verify = run("", "verify", log().toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).startsWith("OK ").contains("positions 0 to 63").doesNotContain("TORN");
    }

    @Test
    void when_the_last_record_is_torn_then_verify_reports_it_and_still_exits_zero() throws IOException {
        run("first\nsecond\n", "append", log().toString());
        Path segment = onlySegment();
        long end = endOfRecords(segment);
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.truncate(end - 3); // the last record lost its final bytes (and the zeroed space after it)
        }
        Run verify = run("", "verify", log().toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("TORN TAIL").contains("at position 25").contains(segment.toString());
        assertThat(run("", "dump", log().toString()).out()).isEqualTo("0\tfirst\n");
        assertThat(Files.size(segment)).as("verify and dump change nothing").isEqualTo(end - 3);
    }

    @Test
    void when_a_record_with_records_after_it_is_damaged_then_verify_fails_naming_the_file_and_offset() throws IOException {
        run("first\nsecond\nthird\n", "append", log().toString());
        Path segment = onlySegment();
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            long offset = 32 + 25 + 20 + 2; // a payload byte of the second record
            file.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            file.write(b, offset);
        }
        Run verify = run("", "verify", log().toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("CORRUPT").contains(segment.toString()).contains("byte offset 57")
                .contains("checksum mismatch");
        assertThat(run("", "dump", log().toString()).exitCode()).isEqualTo(1);
        Run append = run("more\n", "append", log().toString());
        assertThat(append.exitCode()).isEqualTo(1);
        assertThat(append.err()).contains("byte offset 57");
    }

    @Test
    void when_the_directory_does_not_exist_then_verify_and_dump_are_usage_errors() {
        assertThat(run("", "verify", root.resolve("nope").toString()).exitCode()).isEqualTo(2);
        assertThat(run("", "dump", root.resolve("nope").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void when_no_subcommand_is_given_then_usage_is_shown_with_exit_code_two() {
        Run run = run("");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("append").contains("dump").contains("verify");
    }

    /** Where the records end: the segment may be zero-filled ahead of them. */
    private static long endOfRecords(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return end;
    }
}
