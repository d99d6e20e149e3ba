package io.shepherd.wal.meta;

import io.shepherd.wal.WalException;

/**
 * The edit log does not continue where recovery needs it to: an edit is missing (or duplicated) between
 * the image and the end of the log, so the state cannot be rebuilt exactly. The message names the
 * transaction ids and the log position. Restore the metadata directory from a backup or a standby.
 */
public class EditGapException extends WalException {

    public EditGapException(String message) {
        super(message);
    }
}
