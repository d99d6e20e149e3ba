package io.shepherd.runtime.partition;

/** Every receiver; the record object itself is shared, which is why emitted records must not be mutated. */
public final class BroadcastPartitioner implements Partitioner {
    @Override
    public int select(Object record) {
        return ALL;
    }
}
