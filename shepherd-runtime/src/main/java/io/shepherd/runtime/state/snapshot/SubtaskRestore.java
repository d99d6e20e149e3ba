package io.shepherd.runtime.state.snapshot;

import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.state.StateSignature;
import io.shepherd.runtime.state.snapshot.StateImage.ListImage;
import io.shepherd.runtime.state.snapshot.StateImage.TableImage;
import io.shepherd.runtime.state.snapshot.StateImage.TimersImage;
import io.shepherd.runtime.timers.KeyedTimerService;
import io.shepherd.runtime.timers.Timer;
import io.shepherd.runtime.timers.TimerQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts one new subtask's share of restored state into its backends; the rules are in
 * {@link RestoredOperatorState}'s class comment.
 */
final class SubtaskRestore {
    private final String operator;
    private final KeyOwnership ownership;
    /** A single old subtask's state: every key in it must belong to this subtask. */
    private final boolean everyKeyOwned;

    SubtaskRestore(String operator, KeyOwnership ownership, boolean everyKeyOwned) {
        this.operator = operator;
        this.ownership = ownership;
        this.everyKeyOwned = everyKeyOwned;
    }

    void keyedState(List<StateImage> parts, KeyedStateBackend keyed) {
        if (keyed == null) {
            requireNoKeyedEntries(parts);
            return;
        }
        Map<String, TableShare> shares = new LinkedHashMap<>();
        for (StateImage part : parts) {
            for (TableImage table : part.tables()) {
                TableShare share = shares.computeIfAbsent(table.name(), name -> new TableShare(table.signature()));
                requireSameSignature(table.name(), share.signature(), table.signature());
                addOwnedEntries(table, share.entries());
            }
        }
        shares.forEach((name, share) -> keyed.restore(name, share.signature(), share.entries()));
    }

    private void requireNoKeyedEntries(List<StateImage> parts) {
        for (StateImage part : parts) {
            for (TableImage table : part.tables()) {
                if (table.keys().length > 0) {
                    throw new IllegalStateException("the snapshot of operator '" + operator + "' holds keyed state '"
                            + table.name() + "', but the operator restored from it has no keyed state; "
                            + "was keyBy removed before it?");
                }
            }
        }
    }

    /** @param own the subtask's own old state when the parallelism did not change, else null */
    void timers(List<StateImage> parts, KeyedTimerService timers, StateImage own) {
        long lowestWatermark = Long.MAX_VALUE;
        boolean restoredAny = false;
        for (StateImage part : parts) {
            TimersImage image = part.timers();
            if (image == null) {
                continue;
            }
            if (timers == null) {
                if (image.isEmpty()) {
                    continue;
                }
                throw new IllegalStateException("the snapshot of operator '" + operator + "' holds timers, but the "
                        + "operator restored from it has none; was keyBy removed before it?");
            }
            restoredAny = true;
            lowestWatermark = Math.min(lowestWatermark, image.watermark());
            addOwnedTimers(image.eventTimers(), timers.eventTimers());
            addOwnedTimers(image.processingTimers(), timers.processingTimers());
        }
        if (restoredAny) {
            timers.advanceWatermark(own != null && own.timers() != null ? own.timers().watermark() : lowestWatermark);
        }
    }

    void listsAsTheyWere(StateImage own, OperatorStateBackend operatorState) {
        for (ListImage list : own.lists()) {
            operatorState.restore(list.name(), list.signature(), new ArrayList<>(Arrays.asList(list.elements())));
        }
    }

    /** Element j of each list, counted over the old subtasks in order, to subtask j mod the parallelism. */
    void listsRoundRobin(List<StateImage> parts, OperatorStateBackend operatorState) {
        Map<String, ListShare> shares = new LinkedHashMap<>();
        for (StateImage part : parts) {
            for (ListImage list : part.lists()) {
                ListShare share = shares.computeIfAbsent(list.name(), name -> new ListShare(list.signature()));
                requireSameSignature(list.name(), share.signature, list.signature());
                for (Object element : list.elements()) {
                    if (share.dealt++ % ownership.parallelism() == ownership.subtask()) {
                        share.elements.add(element);
                    }
                }
            }
        }
        shares.forEach((name, share) -> operatorState.restore(name, share.signature, share.elements));
    }

    private void addOwnedEntries(TableImage table, HashMap<Object, Object> entries) {
        for (int i = 0; i < table.keys().length; i++) {
            Object key = table.keys()[i];
            if (requireOwned(key, "keyed state '" + table.name() + "'")) {
                Object value = StateContainers.attach(table.signature().kind(), table.values()[i]);
                if (entries.put(key, value) != null) {
                    throw new IllegalStateException("key " + key + " of keyed state '" + table.name() + "' of operator '"
                            + operator + "' is stored twice; give the snapshot of each old subtask once");
                }
            }
        }
    }

    private void addOwnedTimers(Timer[] stored, TimerQueue queue) {
        for (Timer timer : stored) {
            if (requireOwned(timer.key(), "a timer")) {
                queue.register(timer.timestamp(), timer.key());
            }
        }
    }

    private boolean requireOwned(Object key, String where) {
        if (ownership.owns(key)) {
            return true;
        }
        if (everyKeyOwned) {
            throw new IllegalStateException("the snapshot of operator '" + operator + "' holds key " + key + " in "
                    + where + ", which " + ownership + " does not own: the snapshot is another subtask's, or the "
                    + "parallelism changed. To restore at another parallelism, merge the snapshots of all old subtasks");
        }
        return false;
    }

    private void requireSameSignature(String name, StateSignature first, StateSignature other) {
        if (!first.equals(other)) {
            throw new IllegalStateException("the snapshots of operator '" + operator + "' disagree on state '" + name
                    + "': " + first + " in one, " + other + " in another");
        }
    }

    /** The entries of one keyed state this subtask gets. */
    private record TableShare(StateSignature signature, HashMap<Object, Object> entries) {
        TableShare(StateSignature signature) {
            this(signature, new HashMap<>());
        }
    }

    /** The elements of one operator list this subtask gets, and how many of the list were dealt so far. */
    private static final class ListShare {
        final StateSignature signature;
        final List<Object> elements = new ArrayList<>();
        long dealt;

        ListShare(StateSignature signature) {
            this.signature = signature;
        }
    }
}
