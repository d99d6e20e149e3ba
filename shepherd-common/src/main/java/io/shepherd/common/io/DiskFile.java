package io.shepherd.common.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * An open file with positional reads and writes. See {@link Disk} for what is durable after which
 * call: in short, nothing written is durable until {@link #force} returns normally, and a failed
 * force must not be retried.
 *
 * <p>Reads see every write made through any handle of the same file, forced or not.
 */
public interface DiskFile extends Closeable {

    /** The name this file was opened under, for error messages. */
    Path path();

    /**
     * Reads up to {@code dst.remaining()} bytes starting at {@code position}.
     *
     * @return the number of bytes read, or -1 if {@code position} is at or past the end of the file
     */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Reads exactly {@code dst.remaining()} bytes at {@code position}, or fails with an {@link EOFException}. */
    default void readFully(ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = read(dst, at);
            if (n < 0) {
                throw new EOFException(path() + ": end of file at byte " + at + " while reading "
                        + dst.remaining() + " more bytes from offset " + position);
            }
            at += n;
        }
    }

    /**
     * Writes all of {@code src.remaining()} bytes at {@code position}, growing the file if needed (a gap
     * reads as zeros). On failure an unknown prefix of the bytes may have been written.
     *
     * @throws OutOfSpaceException if the disk is full
     */
    void write(ByteBuffer src, long position) throws IOException;

    /** The current length of the file in bytes. */
    long size() throws IOException;

    /** Cuts the file to {@code size} bytes; does nothing if it is already that short. */
    void truncate(long size) throws IOException;

    /**
     * Makes the bytes written so far durable and, with {@code metadata}, the file's length too. If it
     * throws, treat the unforced writes as lost and stop using the file for writing.
     */
    void force(boolean metadata) throws IOException;
}
