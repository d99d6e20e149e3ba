package io.shepherd.testkit.disk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.common.io.DirectoryLock;
import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Disk} must do, run against the real one and the simulated one, so that tests on the
 * simulation say something about production.
 */
abstract class DiskContractTest {

    /** A disk and an existing, empty directory on it. */
    protected abstract Disk disk();

    protected abstract Path root();

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(UTF_8));
    }

    private static String readAll(DiskFile file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) file.size());
        file.readFully(buffer, 0);
        return new String(buffer.array(), UTF_8);
    }

    @Test
    void when_bytes_are_written_at_positions_then_reads_see_them_and_gaps_read_as_zeros() throws IOException {
        try (DiskFile file = disk().create(root().resolve("a"))) {
            file.write(utf8("hello"), 0);
            file.write(utf8("world"), 8);
            assertThat(file.size()).isEqualTo(13);
            ByteBuffer all = ByteBuffer.allocate(13);
            file.readFully(all, 0);
            assertThat(all.array()).containsExactly('h', 'e', 'l', 'l', 'o', 0, 0, 0, 'w', 'o', 'r', 'l', 'd');
            assertThat(file.read(ByteBuffer.allocate(4), 13)).isEqualTo(-1);
        }
    }

    @Test
    void when_reading_past_the_end_fully_then_the_error_names_the_file() throws IOException {
        try (DiskFile file = disk().create(root().resolve("short"))) {
            file.write(utf8("abc"), 0);
            assertThatThrownBy(() -> file.readFully(ByteBuffer.allocate(10), 0))
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("short");
        }
    }

    @Test
    void when_truncated_then_the_file_is_shorter_and_longer_sizes_change_nothing() throws IOException {
        try (DiskFile file = disk().create(root().resolve("t"))) {
            file.write(utf8("0123456789"), 0);
            file.truncate(4);
            file.truncate(100);
            file.force(true);
            assertThat(file.size()).isEqualTo(4);
            assertThat(readAll(file)).isEqualTo("0123");
        }
    }

    @Test
    void when_a_file_exists_then_create_fails_and_missing_files_cannot_be_opened() throws IOException {
        disk().create(root().resolve("x")).close();
        assertThatThrownBy(() -> disk().create(root().resolve("x"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> disk().openWritable(root().resolve("y"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> disk().delete(root().resolve("y"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void when_renamed_then_the_target_is_replaced_and_the_source_name_is_gone() throws IOException {
        Path a = root().resolve("a.tmp");
        Path b = root().resolve("b");
        try (DiskFile file = disk().create(b)) {
            file.write(utf8("old"), 0);
        }
        try (DiskFile file = disk().create(a)) {
            file.write(utf8("new"), 0);
            file.force(true);
        }
        disk().rename(a, b);
        disk().syncDirectory(root());
        assertThat(disk().exists(a)).isFalse();
        try (DiskFile file = disk().openReadable(b)) {
            assertThat(readAll(file)).isEqualTo("new");
        }
    }

    @Test
    void when_listing_then_files_and_subdirectories_come_sorted_by_name() throws IOException {
        disk().create(root().resolve("b")).close();
        disk().create(root().resolve("a")).close();
        disk().createDirectories(root().resolve("c/d"));
        assertThat(disk().list(root())).containsExactly(root().resolve("a"), root().resolve("b"), root().resolve("c"));
        assertThat(disk().exists(root().resolve("c/d"))).isTrue();
    }

    @Test
    void when_a_file_is_deleted_then_an_open_handle_still_reads_it() throws IOException {
        Path p = root().resolve("gone");
        try (DiskFile file = disk().create(p)) {
            file.write(utf8("still here"), 0);
            disk().delete(p);
            assertThat(disk().exists(p)).isFalse();
            assertThat(readAll(file)).isEqualTo("still here");
        }
    }

    @Test
    void when_a_file_is_opened_read_only_then_writes_fail() throws IOException {
        Path p = root().resolve("ro");
        disk().create(p).close();
        try (DiskFile file = disk().openReadable(p)) {
            assertThatThrownBy(() -> file.write(utf8("x"), 0)).isInstanceOf(Exception.class);
        }
    }

    @Test
    void when_a_directory_is_locked_then_a_second_lock_fails_until_the_first_is_released() throws IOException {
        DirectoryLock lock = disk().lock(root());
        assertThatThrownBy(() -> disk().lock(root())).isInstanceOf(IOException.class).hasMessageContaining("locked");
        lock.close();
        disk().lock(root()).close();
    }
}
