package io.shepherd.runtime.execution;

import io.shepherd.common.io.Disk;
import io.shepherd.runtime.checkpoint.LocalCheckpointStorage;
import io.shepherd.runtime.checkpoint.StateHandle;
import java.nio.file.Path;

/**
 * A savepoint or checkpoint directory anywhere on disk, read for a restore. The metadata names its
 * state files relative to the directory, so they are looked for next to it: a savepoint can be
 * moved or copied and still be restored from.
 */
final class PortableCheckpoint {
    private PortableCheckpoint() {}

    /**
     * @throws io.shepherd.runtime.checkpoint.CheckpointStorageException if there is no such directory
     *     or it has no metadata; {@link io.shepherd.runtime.checkpoint.CorruptCheckpointException} if a
     *     file is damaged
     */
    static RestoredCheckpoint read(Path directory) {
        LocalCheckpointStorage local = new LocalCheckpointStorage(Disk.local(), directory);
        return RestoredCheckpoint.read(local.readMetadata("."), handle -> local.readState(new StateHandle(
                Path.of(handle.location()).getFileName().toString(), handle.length(), handle.crc32c())));
    }
}
