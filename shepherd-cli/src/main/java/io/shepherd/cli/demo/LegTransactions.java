package io.shepherd.cli.demo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo sink's transactional target, in front of a {@link LegLedger}: a subtask's pre-commit
 * stages a batch of legs, invisible to the ledger; a commit records a staged batch into the ledger,
 * once — committing it again is a no-op; an abort drops what a subtask staged and nobody committed.
 * That is the two-phase-commit contract a database or a file system gives a real sink.
 *
 * <p>Thread-safe. Each subtask stages, commits and aborts only its own batches, from its own thread.
 */
public final class LegTransactions {
    private final LegLedger ledger;
    private final AtomicLong nextId = new AtomicLong();
    private final ConcurrentHashMap<Long, Staged> staged = new ConcurrentHashMap<>();
    private final Set<Long> committed = ConcurrentHashMap.newKeySet();

    private record Staged(int subtask, LegBatch legs) {}

    LegTransactions(LegLedger ledger) {
        this.ledger = ledger;
    }

    /** Phase one: keeps {@code legs} out of sight until {@link #commit}; the caller must not touch them again. */
    LegTransaction stage(int subtask, LegBatch legs) {
        long id = nextId.incrementAndGet();
        staged.put(id, new Staged(subtask, legs));
        return new LegTransaction(subtask, id, legs.size());
    }

    /**
     * Phase two: records the staged legs into the ledger. A transaction committed before is skipped;
     * one neither staged nor committed is refused, since its legs are gone and finishing without
     * them would hide the loss.
     */
    void commit(LegTransaction transaction) {
        if (committed.contains(transaction.id())) {
            return;
        }
        Staged batch = staged.remove(transaction.id());
        if (batch == null) {
            throw new IllegalStateException("cannot commit " + transaction + ": it was never staged or was aborted, "
                    + "so its " + transaction.legs() + " legs are lost");
        }
        batch.legs().recordInto(ledger);
        committed.add(transaction.id());
    }

    /** On restore: drops every batch {@code subtask} staged and nobody committed; the source replays those legs. */
    void abortStaged(int subtask) {
        staged.values().removeIf(batch -> batch.subtask() == subtask);
    }

    /** Batches staged and neither committed nor aborted yet. */
    int stagedCount() {
        return staged.size();
    }
}
