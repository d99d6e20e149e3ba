package io.shepherd.connectors;

import io.shepherd.api.source.SourceOutput;
import java.util.ArrayList;
import java.util.List;

/** Collects what a source reader emits, in order. */
public final class ListOutput<T> implements SourceOutput<T> {
    private final List<T> records = new ArrayList<>();

    @Override
    public void collect(T record) {
        records.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
    }

    public List<T> records() {
        return records;
    }

    public int size() {
        return records.size();
    }
}
