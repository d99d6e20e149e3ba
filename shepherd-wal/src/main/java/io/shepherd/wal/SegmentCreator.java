package io.shepherd.wal;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Creates a segment so that it exists under its final name only with a durable header: write the header
 * into {@code <name>.tmp}, force it, rename it to {@code <name>}, sync the directory. A crash at any
 * step leaves either no segment (and a temp file that the next open removes) or a complete empty one.
 * The directory sync comes before any record is written, so no acknowledged record can sit in a file
 * whose name a crash could lose.
 */
final class SegmentCreator {

    private final Disk disk;
    private final Path directory;

    SegmentCreator(Disk disk, Path directory) {
        this.disk = disk;
        this.directory = directory;
    }

    /** Creates the segment starting at {@code base} and returns it open for writing after its header. */
    DiskFile create(long base) {
        Path temp = SegmentFiles.tempPath(directory, base);
        Path path = SegmentFiles.path(directory, base);
        DiskFile file = null;
        try {
            file = disk.create(temp);
            file.write(SegmentHeader.encode(base), 0);
            file.force(true);
            file.close();
            file = null;
            disk.rename(temp, path);
            disk.syncDirectory(directory);
            return disk.openWritable(path);
        } catch (IOException e) {
            closeQuietly(file);
            throw Wal.ioFailure(temp, "cannot create segment " + path.getFileName(), e);
        }
    }

    private static void closeQuietly(DiskFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the creation already failed; that error is the one to report
            }
        }
    }
}
