package io.shepherd.testkit.disk;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One simulated directory: the names it holds now, the names it holds on the medium, and the name
 * changes in between, in order. A rename is one change, so it is atomic. Not thread-safe;
 * {@link SimulatedDisk} guards it.
 */
final class SimDirectory {

    /** A name change not yet synced: {@code from} removed (if not null), {@code to} bound to {@code file} (if not null). */
    private record Change(String from, String to, SimFile file) {

        void applyTo(TreeMap<String, SimFile> names) {
            if (from != null) {
                names.remove(from);
            }
            if (to != null) {
                names.put(to, file);
            }
        }
    }

    private TreeMap<String, SimFile> current = new TreeMap<>();
    private final TreeMap<String, SimFile> durable = new TreeMap<>();
    private final List<Change> pending = new ArrayList<>();
    private int syncs;

    SimFile get(String name) {
        return current.get(name);
    }

    boolean isDurable(String name, SimFile file) {
        return durable.get(name) == file;
    }

    List<String> names() {
        return new ArrayList<>(current.keySet());
    }

    Iterable<SimFile> files() {
        return current.values();
    }

    int syncs() {
        return syncs;
    }

    int unsyncedChanges() {
        return pending.size();
    }

    void link(String name, SimFile file) {
        record(new Change(null, name, file));
    }

    void unlink(String name) {
        record(new Change(name, null, null));
    }

    void rename(String from, String to) {
        record(new Change(from, to, current.get(from)));
    }

    private void record(Change change) {
        change.applyTo(current);
        pending.add(change);
    }

    void sync() {
        pending.forEach(change -> change.applyTo(durable));
        pending.clear();
        syncs++;
    }

    /** A power loss: a random prefix of the unsynced name changes reaches the medium, in order. */
    void powerLoss(SplittableRandom random) {
        int kept = random.nextInt(pending.size() + 1);
        for (int i = 0; i < kept; i++) {
            pending.get(i).applyTo(durable);
        }
        pending.clear();
        current = new TreeMap<>(durable);
    }
}
