package io.shepherd.connectors.writeahead;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An idempotent target in memory, for tests and demos in one JVM: it keeps each record under its
 * {@code (subtask, sequence)}, so a record sent again replaces itself, and counts what it received.
 * Copies of the target (one per subtask, or after serialization) share their records through a
 * process-wide table under the target's id; {@link #clear()} frees them.
 *
 * <p>A sequence sent again with a different record is refused: that would be a sink that numbered two
 * records alike, which is exactly what idempotent delivery cannot survive.
 */
public final class InMemoryTarget<T> implements IdempotentTarget<T> {
    private static final long serialVersionUID = 1L;

    private record Key(int subtask, long sequence) {}

    private static final class Store {
        final Map<Key, Object> records = new ConcurrentHashMap<>();
        final AtomicLong deliveries = new AtomicLong();
        final AtomicLong redeliveries = new AtomicLong();
    }

    private static final Map<String, Store> STORES = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public InMemoryTarget() {
        STORES.put(id, new Store());
    }

    @Override
    public void write(long checkpointId, List<SequencedRecord<T>> records) {
        Store store = store();
        for (SequencedRecord<T> record : records) {
            Object previous = store.records.put(new Key(record.subtask(), record.sequence()), record.value());
            store.deliveries.incrementAndGet();
            if (previous != null) {
                store.redeliveries.incrementAndGet();
                if (!Objects.equals(previous, record.value())) {
                    throw new IllegalStateException("in-memory target: subtask " + record.subtask() + " sent sequence "
                            + record.sequence() + " for '" + record.value() + "' after it was '" + previous + "'");
                }
            }
        }
    }

    /** The records held, ordered by subtask and sequence. */
    @SuppressWarnings("unchecked")
    public List<T> records() {
        List<Map.Entry<Key, Object>> entries = new ArrayList<>(store().records.entrySet());
        entries.sort(Map.Entry.comparingByKey(
                Comparator.comparingInt(Key::subtask).thenComparingLong(Key::sequence)));
        List<T> records = new ArrayList<>(entries.size());
        entries.forEach(entry -> records.add((T) entry.getValue()));
        return records;
    }

    /** How many records were received in all, repeats included. */
    public long deliveries() {
        return store().deliveries.get();
    }

    /** How many records were received that the target held already: the repeats an idempotent write absorbed. */
    public long redeliveries() {
        return store().redeliveries.get();
    }

    /** Forgets the records. */
    public void clear() {
        STORES.remove(id);
    }

    private Store store() {
        Store store = STORES.get(id);
        if (store == null) {
            throw new IllegalStateException("this in-memory target was cleared; create a new one per job");
        }
        return store;
    }

    @Override
    public String toString() {
        return "InMemoryTarget{" + id + "}";
    }
}
