package io.shepherd.connectors.writeahead;

import java.io.Serializable;

/**
 * One pre-committed checkpoint of one subtask of a {@link WriteAheadSink}: where its records lie in the
 * subtask's write-ahead log. Committing it sends those records to the target.
 *
 * @param subtask the subtask whose log holds the records
 * @param checkpointId the checkpoint the records belong to
 * @param fromPosition the log position of the checkpoint's first data entry
 * @param endPosition the log position of the checkpoint's END entry, after its last record
 */
public record WalCommittable(int subtask, long checkpointId, long fromPosition, long endPosition)
        implements Serializable {

    public WalCommittable {
        if (subtask < 0 || fromPosition < 0 || endPosition <= fromPosition) {
            throw new IllegalArgumentException("not a pre-committed checkpoint: subtask " + subtask + ", log positions "
                    + fromPosition + ".." + endPosition);
        }
    }
}
