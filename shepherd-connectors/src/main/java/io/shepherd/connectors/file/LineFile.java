package io.shepherd.connectors.file;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads lines from one file, starting at a byte offset, through a buffer it fills one bounded read
 * at a time, so a caller decides how much I/O to do per step.
 *
 * <p>A line ends at {@code \n}; a {@code \r} right before it belongs to the terminator. A lone
 * {@code \r} is text. The bytes after the last {@code \n} form a final line if there are any. Lines
 * are decoded as UTF-8 (malformed bytes become U+FFFD). After each line, {@link #nextOffset()} is
 * the byte offset where the next line starts: the position to resume from.
 *
 * <p>Buffer layout: {@code buffer[0]} is at file offset {@code bufferOffset}; the unread bytes are
 * {@code [start, limit)}; {@code [start, scan)} are known to hold no {@code \n}. The buffer grows
 * only for a line longer than it, up to the maximum line length.
 *
 * <p>Not thread-safe.
 */
final class LineFile implements Closeable {
    /** Bytes read from the file per {@link #fill()} at most. */
    static final int READ_BYTES = 64 * 1024;

    private final DiskFile file;
    private final int maxLineBytes;
    private byte[] buffer;
    private long bufferOffset;
    private int start;
    private int scan;
    private int limit;
    private boolean endOfFile;
    private long lineOffset;

    private LineFile(DiskFile file, long offset, int maxLineBytes) {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[(int) Math.min(READ_BYTES, maxLineBytes + 2L)];
        this.bufferOffset = offset;
    }

    /**
     * Opens {@code path} for reading lines from {@code offset}, which must be the start of a line:
     * zero, the end of the file, or just after a {@code \n}. Anything else means the file changed since
     * the offset was taken, and fails rather than emit a torn line.
     */
    static LineFile open(Disk disk, Path path, long offset, int maxLineBytes) throws IOException {
        DiskFile file;
        try {
            file = disk.openReadable(path);
        } catch (IOException e) {
            throw new IOException("file line source: cannot open '" + path + "' for reading: " + e, e);
        }
        try {
            checkLineStart(file, offset);
            return new LineFile(file, offset, maxLineBytes);
        } catch (IOException | RuntimeException e) {
            closeQuietly(file, e);
            throw e;
        }
    }

    /**
     * The next complete line in the buffer, or the final unterminated line once the end of the file
     * was read; null when more bytes must be {@link #fill() read} first (or the file is done).
     *
     * @throws IOException if the line is longer than the maximum
     */
    String nextLine() throws IOException {
        for (int i = scan; i < limit; i++) {
            if (buffer[i] == '\n') {
                int end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                return take(end, i + 1);
            }
        }
        scan = limit;
        // The pending bytes may still end in "\r" of a "\r\n", hence the one byte of slack.
        if (limit - start > maxLineBytes + 1) {
            throw tooLong();
        }
        if (endOfFile && limit > start) {
            return take(limit, limit);
        }
        return null;
    }

    /**
     * Reads once from the file into the buffer, at most {@value #READ_BYTES} bytes.
     *
     * @return false if the end of the file was reached instead
     */
    boolean fill() throws IOException {
        if (endOfFile) {
            return false;
        }
        makeRoom();
        int length = Math.min(buffer.length - limit, READ_BYTES);
        long at = bufferOffset + limit;
        int read;
        try {
            read = file.read(ByteBuffer.wrap(buffer, limit, length), at);
        } catch (IOException e) {
            throw new IOException("file line source: cannot read '" + file.path() + "' at byte offset " + at + ": " + e, e);
        }
        if (read < 0) {
            endOfFile = true;
            return false;
        }
        limit += read;
        return true;
    }

    /** True once every byte of the file was returned as part of a line. */
    boolean isDone() {
        return endOfFile && start == limit;
    }

    /** The byte offset of the first byte of the line returned last. */
    long lineOffset() {
        return lineOffset;
    }

    /** The byte offset at which the line after the one returned last starts. */
    long nextOffset() {
        return bufferOffset + start;
    }

    Path path() {
        return file.path();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private String take(int contentEnd, int nextStart) throws IOException {
        if (contentEnd - start > maxLineBytes) {
            throw tooLong();
        }
        String line = new String(buffer, start, contentEnd - start, StandardCharsets.UTF_8);
        lineOffset = bufferOffset + start;
        start = nextStart;
        scan = nextStart;
        return line;
    }

    /** Moves the pending bytes to the front, and grows the buffer if they fill it. */
    private void makeRoom() {
        int pending = limit - start;
        if (start > 0 && (limit == buffer.length || start >= buffer.length / 2)) {
            System.arraycopy(buffer, start, buffer, 0, pending);
            bufferOffset += start;
            scan -= start;
            limit = pending;
            start = 0;
        }
        if (limit == buffer.length) {
            // nextLine() has checked that the pending bytes are within the limit, so this stays
            // at most maxLineBytes + 2: a longest line with its "\r\n".
            int capacity = (int) Math.min((long) buffer.length * 2, maxLineBytes + 2L);
            byte[] grown = new byte[capacity];
            System.arraycopy(buffer, 0, grown, 0, limit);
            buffer = grown;
        }
    }

    private IOException tooLong() {
        return new IOException("file line source: the line at byte offset " + (bufferOffset + start) + " of '"
                + file.path() + "' is longer than the maximum of " + maxLineBytes + " bytes; raise the limit with "
                + "withMaxLineBytes(...) if such lines are expected, or check that the file is line-oriented text");
    }

    private static void checkLineStart(DiskFile file, long offset) throws IOException {
        long size = file.size();
        if (offset < 0 || offset > size) {
            throw new IOException("file line source: cannot resume '" + file.path() + "' at byte offset " + offset
                    + ": the file has " + size + " bytes now. It was truncated or replaced since the position was"
                    + " taken; a replayed source needs its input unchanged");
        }
        if (offset == 0 || offset == size) {
            return;
        }
        ByteBuffer previous = ByteBuffer.allocate(1);
        file.readFully(previous, offset - 1);
        if (previous.get(0) != '\n') {
            throw new IOException("file line source: cannot resume '" + file.path() + "' at byte offset " + offset
                    + ": it is not the start of a line (the byte before is not a line feed). The file changed since"
                    + " the position was taken; a replayed source needs its input unchanged");
        }
    }

    private static void closeQuietly(DiskFile file, Exception cause) {
        try {
            file.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
