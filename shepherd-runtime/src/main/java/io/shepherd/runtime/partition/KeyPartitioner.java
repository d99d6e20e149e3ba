package io.shepherd.runtime.partition;

import io.shepherd.api.functions.KeySelector;

/** By key group of the record's key, so that a key's records always meet its state. */
public final class KeyPartitioner implements Partitioner {
    private final KeySelector<Object, Object> keySelector;
    private final String consumer;
    private final int maxParallelism;
    private final int receivers;

    /** @param consumer the keyed operator's name, for the error when a key is null */
    @SuppressWarnings("unchecked")
    public KeyPartitioner(KeySelector<?, ?> keySelector, String consumer, int maxParallelism, int receivers) {
        this.keySelector = (KeySelector<Object, Object>) keySelector;
        this.consumer = consumer;
        this.maxParallelism = maxParallelism;
        this.receivers = receivers;
    }

    @Override
    public int select(Object record) throws Exception {
        return subtaskOf(key(record));
    }

    /** The record's key, never null. */
    public Object key(Object record) throws Exception {
        return NullKeyException.requireKey(keySelector.getKey(record), consumer, record);
    }

    public int subtaskOf(Object key) {
        return KeyGroups.subtaskOfKey(key, maxParallelism, receivers);
    }
}
