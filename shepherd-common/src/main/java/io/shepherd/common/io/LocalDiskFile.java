package io.shepherd.common.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A {@link DiskFile} over a {@link FileChannel}; every error it throws names the file and offset. */
final class LocalDiskFile implements DiskFile {

    private final Path path;
    private final FileChannel channel;

    LocalDiskFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        try {
            return channel.read(dst, position);
        } catch (IOException e) {
            throw new IOException(path + ": read at offset " + position + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
        long at = position;
        try {
            while (src.hasRemaining()) {
                at += channel.write(src, at);
            }
        } catch (IOException e) {
            if (isOutOfSpace(e)) {
                throw new OutOfSpaceException(path, "write at offset " + at + " failed: " + e.getMessage(), e);
            }
            throw new IOException(path + ": write at offset " + at + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The JDK reports ENOSPC as a plain IOException carrying the C library's message, so the message is
     * the only evidence there is.
     */
    private static boolean isOutOfSpace(IOException e) {
        String message = e.getMessage();
        return message != null
                && (message.contains("No space left on device")
                        || message.contains("Disk quota exceeded")
                        || message.contains("not enough space on the disk"));
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void truncate(long size) throws IOException {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            throw new IOException(path + ": truncate to " + size + " bytes failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void force(boolean metadata) throws IOException {
        try {
            channel.force(metadata);
        } catch (IOException e) {
            throw new IOException(path + ": force failed (unforced writes must be treated as lost): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
