package io.shepherd.testkit.disk;

import java.nio.file.Path;

/**
 * Hooks a test installs on a {@link SimulatedDisk} to watch or stall operations (for example, to hold a
 * force on a latch while more appends queue up). Hooks run on the calling thread, outside the disk's
 * lock, before (or after) the operation; they may block. Every method does nothing by default.
 */
public interface DiskObserver {

    DiskObserver NONE = new DiskObserver() {};

    default void beforeWrite(Path file, long position, int length) {}

    default void beforeForce(Path file) {}

    /** Called after a force returned normally; the forced bytes are durable now. */
    default void afterForce(Path file) {}

    default void beforeDirectorySync(Path directory) {}
}
