package io.shepherd.wal.meta;

import io.shepherd.common.io.Disk;
import io.shepherd.common.io.DiskFile;
import io.shepherd.wal.CorruptLogException;
import io.shepherd.wal.WalIoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The image files of a metadata store: written atomically (temp file, force, rename, directory sync),
 * checked whole when read, the newest few kept. Damaged images found at open are set aside as
 * {@code <name>.corrupt} (kept for inspection, never read again) so that retention counts only good ones.
 */
final class ImageStore {

    /** A valid image on disk: its txid and where edit replay after it starts. */
    record Entry(long txid, long logPosition, Path path) {}

    private static final String TEMP_SUFFIX = ".tmp";
    private static final String CORRUPT_SUFFIX = ".corrupt";

    private final Disk disk;
    private final Path directory;
    private final List<Entry> valid = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ImageStore(Disk disk, Path directory) {
        this.disk = disk;
        this.directory = directory;
    }

    /** Opens the image directory: removes half-written temp files, checks every image, sets damaged ones aside. */
    static ImageStore open(Disk disk, Path directory) {
        ImageStore store = new ImageStore(disk, directory);
        store.scan();
        return store;
    }

    private void scan() {
        try {
            disk.createDirectories(directory);
            boolean changed = false;
            for (Path entry : disk.list(directory)) {
                String name = entry.getFileName().toString();
                if (name.endsWith(ImageFile.SUFFIX + TEMP_SUFFIX)) {
                    disk.delete(entry); // an image write a crash interrupted; the previous images stand
                    changed = true;
                    continue;
                }
                long txid = ImageFile.parseTxid(name);
                if (txid < 0) {
                    continue;
                }
                try {
                    ImageFile image = read(entry, txid);
                    valid.add(new Entry(txid, image.logPosition(), entry));
                } catch (CorruptLogException e) {
                    problems.add(e.getMessage());
                    disk.rename(entry, entry.resolveSibling(name + CORRUPT_SUFFIX));
                    changed = true;
                }
            }
            if (changed) {
                disk.syncDirectory(directory);
            }
            valid.sort(Comparator.comparingLong(Entry::txid));
        } catch (IOException e) {
            throw new WalIoException(directory, "cannot open the image directory", e);
        }
    }

    /** Why images were rejected at open (file, offset, reason), oldest first. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The newest valid image, or null. */
    Entry newest() {
        return valid.isEmpty() ? null : valid.get(valid.size() - 1);
    }

    /** The oldest image kept, or null: the log must keep the edits after it, for falling back to it. */
    Entry oldest() {
        return valid.isEmpty() ? null : valid.get(0);
    }

    ImageFile read(Entry entry) {
        try {
            return read(entry.path(), entry.txid());
        } catch (IOException e) {
            throw new WalIoException(entry.path(), "cannot read image", e);
        }
    }

    private ImageFile read(Path path, long txid) throws IOException {
        try (DiskFile file = disk.openReadable(path)) {
            long size = file.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new CorruptLogException(path, 0, "image of " + size + " bytes is larger than 2 GiB");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) size);
            file.readFully(bytes, 0);
            return ImageFile.decode(bytes.flip(), path, txid);
        }
    }

    /** Writes an image so that it exists under its name only whole and durable. */
    void write(ImageFile image) {
        Path path = directory.resolve(ImageFile.name(image.txid()));
        Path temp = directory.resolve(ImageFile.name(image.txid()) + TEMP_SUFFIX);
        try {
            try (DiskFile file = disk.create(temp)) {
                file.write(image.encode(), 0);
                file.force(true);
            }
            disk.rename(temp, path);
            disk.syncDirectory(directory);
        } catch (IOException e) {
            throw new WalIoException(temp, "cannot write image for txid " + image.txid(), e);
        }
        valid.removeIf(e -> e.txid() == image.txid());
        valid.add(new Entry(image.txid(), image.logPosition(), path));
        valid.sort(Comparator.comparingLong(Entry::txid));
    }

    /** Deletes all but the {@code keep} newest images, oldest first, durably. */
    void retain(int keep) {
        try {
            while (valid.size() > keep) {
                Entry oldest = valid.remove(0);
                disk.delete(oldest.path());
                disk.syncDirectory(directory);
            }
        } catch (IOException e) {
            throw new WalIoException(directory, "cannot delete old images", e);
        }
    }
}
