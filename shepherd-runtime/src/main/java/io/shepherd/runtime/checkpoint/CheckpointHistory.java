package io.shepherd.runtime.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The most recent checkpoints and their status, bounded; the oldest entries drop out first. */
final class CheckpointHistory {

    private final LinkedHashMap<Long, CheckpointHistoryEntry> entries;

    CheckpointHistory(int capacity) {
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CheckpointHistoryEntry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Adds or replaces the entry of {@code entry.id()}, keeping its place in trigger order. */
    void record(CheckpointHistoryEntry entry) {
        entries.put(entry.id(), entry);
    }

    List<CheckpointHistoryEntry> newestFirst() {
        List<CheckpointHistoryEntry> list = new ArrayList<>(entries.values());
        Collections.reverse(list);
        return list;
    }
}
