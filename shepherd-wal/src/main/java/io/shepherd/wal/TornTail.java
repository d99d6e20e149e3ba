package io.shepherd.wal;

import java.nio.file.Path;

/**
 * Bytes at the end of the last segment that do not form a complete, valid record and have no valid
 * record after them: a write that a crash cut short. Such a record was never acknowledged under
 * {@link SyncPolicy#SYNC} (acknowledgement waits for the force), so recovery cuts it off.
 *
 * @param file the last segment
 * @param fileOffset where the torn bytes start in the file
 * @param position the log position where the torn bytes start, which becomes the end of the log
 * @param bytes how many bytes were (or would be) cut off
 * @param reason why the bytes at {@code fileOffset} are not a valid record
 */
public record TornTail(Path file, long fileOffset, long position, long bytes, String reason) {

    @Override
    public String toString() {
        return "torn tail of " + bytes + " bytes at position " + position + " (" + file + " offset " + fileOffset
                + ": " + reason + ")";
    }
}
