package io.shepherd.connectors.writeahead;

import java.io.Serializable;
import java.util.List;

/**
 * An external system that a {@link WriteAheadSink} delivers to: one that cannot take part in a
 * transaction, but where writing the same record twice has the effect of writing it once.
 *
 * <p><b>When it is called.</b> Once a checkpoint completes, the sink reads the checkpoint's records back
 * from its write-ahead log and calls {@link #write} with them, in batches, in sequence order. If a
 * failure interrupts that, the next attempt sends the whole checkpoint again: the same records, with
 * the same {@link SequencedRecord#sequence sequence numbers}, in the same batches. Records of any
 * other checkpoint are never sent twice.
 *
 * <p><b>What it must do.</b> Make a repeated record harmless: key it by {@code (subtask, sequence)} (an
 * upsert, a file named after it, a conditional put), or by a natural key of its own. Return only once
 * the records are durable in the target: the sink records the checkpoint as delivered after the last
 * batch returns, and never sends it again.
 *
 * <p>Serializable, since it ships with the job; open connections lazily in transient fields. Calls
 * for one subtask come from one thread at a time; different subtasks may call concurrently.
 */
@FunctionalInterface
public interface IdempotentTarget<T> extends Serializable {

    /**
     * Writes a batch of one checkpoint's records of one subtask.
     *
     * @throws Exception to fail the job; after the restore the checkpoint is sent again
     */
    void write(long checkpointId, List<SequencedRecord<T>> records) throws Exception;
}
