package io.shepherd.wal.meta;

import io.shepherd.wal.WalException;

/**
 * Recovery found no consistent starting point: no usable image and an edit log that does not begin at
 * the first edit, or an image that does not fit the log. The message says which files and positions.
 */
public class MetadataRecoveryException extends WalException {

    public MetadataRecoveryException(String message) {
        super(message);
    }

    public MetadataRecoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
