package io.shepherd.runtime.testing;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.TwoPhaseCommitSink;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory two-phase-commit sink: records become visible in {@link #committed()} only when the
 * engine commits them, and a repeated commit of the same transaction is a no-op — so a test sees
 * exactly what an exactly-once sink would have made visible.
 */
public final class TransactionalCollectSink<T> implements TwoPhaseCommitSink<T, TransactionalCollectSink.Transaction> {
    private final Shared<Map<String, List<Object>>> transactions = Shared.of(new ConcurrentHashMap<>());

    /** One pre-committed batch of records. */
    public record Transaction(String id, List<Object> records) implements Serializable {}

    /** Whether anything was committed yet: cheap enough to ask per record. */
    public boolean hasCommitted() {
        return !transactions.get().isEmpty();
    }

    /** Every committed record, in no particular order. */
    @SuppressWarnings("unchecked")
    public List<T> committed() {
        List<T> all = new ArrayList<>();
        transactions.get().values().forEach(records -> records.forEach(r -> all.add((T) r)));
        return all;
    }

    @Override
    public TwoPhaseCommitWriter<T, Transaction> createWriter(FunctionContext context) {
        return new TwoPhaseCommitWriter<>() {
            private List<Object> open = new ArrayList<>();

            @Override
            public void write(T record) {
                open.add(record);
            }

            @Override
            public List<Transaction> preCommit(long checkpointId) {
                if (open.isEmpty()) {
                    return List.of();
                }
                Transaction transaction = new Transaction(UUID.randomUUID().toString(), open);
                open = new ArrayList<>();
                return List.of(transaction);
            }
        };
    }

    @Override
    public Committer<Transaction> createCommitter(FunctionContext context) {
        return new Committer<>() {
            @Override
            public void commit(List<Transaction> committables) {
                committables.forEach(t -> transactions.get().putIfAbsent(t.id(), List.copyOf(t.records())));
            }

            @Override
            public void abortUncommitted() {}
        };
    }
}
