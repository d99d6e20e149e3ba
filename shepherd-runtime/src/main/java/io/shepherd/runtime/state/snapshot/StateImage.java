package io.shepherd.runtime.state.snapshot;

import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.state.StateSignature;
import io.shepherd.runtime.state.Unclaimed;
import io.shepherd.runtime.timers.KeyedTimerService;
import io.shepherd.runtime.timers.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One operator subtask's state as arrays it alone holds: what a snapshot takes from the live
 * backends and what a restore reads back. The arrays are never changed after they are filled.
 *
 * @param operator the operator's name, for messages
 * @param tables the keyed states, live and still unclaimed; empty for an operator without keys
 * @param lists the operator lists, live and still unclaimed
 * @param timers the timers and watermark, or null for an operator without a timer service
 */
record StateImage(String operator, List<TableImage> tables, List<ListImage> lists, TimersImage timers) {

    /** Copies the backends' contents; the values themselves are shared, as state values are immutable. */
    static StateImage copyOf(KeyedStateBackend keyed, OperatorStateBackend operatorState, KeyedTimerService timers) {
        List<TableImage> tables = new ArrayList<>();
        if (keyed != null) {
            keyed.tables().forEach((name, table) ->
                    tables.add(TableImage.copyOf(name, StateSignature.of(table.descriptor()), table.entries())));
            keyed.unclaimedTables().forEach((name, table) ->
                    tables.add(TableImage.copyOf(name, table.signature(), table.contents())));
        }
        List<ListImage> lists = new ArrayList<>();
        operatorState.lists().forEach((name, list) ->
                lists.add(new ListImage(name, StateSignature.of(list.descriptor()), list.elements().toArray())));
        for (Map.Entry<String, Unclaimed<List<Object>>> list : operatorState.unclaimedLists().entrySet()) {
            lists.add(new ListImage(list.getKey(), list.getValue().signature(), list.getValue().contents().toArray()));
        }
        TimersImage timerImage = timers == null ? null : new TimersImage(timers.currentWatermark(),
                timers.eventTimers().timers().toArray(Timer[]::new),
                timers.processingTimers().timers().toArray(Timer[]::new));
        return new StateImage(operatorState.operator(), tables, lists, timerImage);
    }

    boolean isEmpty() {
        return tables.stream().allMatch(table -> table.keys().length == 0)
                && lists.stream().allMatch(list -> list.elements().length == 0)
                && (timers == null || timers.isEmpty());
    }

    /**
     * One keyed state. {@code values[i]} belongs to {@code keys[i]}: the value itself, or for list
     * state the elements as an array, or for map state the map's keys and values alternating.
     */
    record TableImage(String name, StateSignature signature, Object[] keys, Object[] values) {

        static TableImage copyOf(String name, StateSignature signature, HashMap<Object, Object> entries) {
            Object[] keys = new Object[entries.size()];
            Object[] values = new Object[entries.size()];
            int i = 0;
            for (Map.Entry<Object, Object> entry : entries.entrySet()) {
                keys[i] = entry.getKey();
                values[i++] = StateContainers.detach(signature.kind(), entry.getValue());
            }
            return new TableImage(name, signature, keys, values);
        }
    }

    /** One operator list. */
    record ListImage(String name, StateSignature signature, Object[] elements) {}

    /** The timers of both kinds, and the watermark the timer service had seen. */
    record TimersImage(long watermark, Timer[] eventTimers, Timer[] processingTimers) {
        boolean isEmpty() {
            return watermark == Long.MIN_VALUE && eventTimers.length == 0 && processingTimers.length == 0;
        }
    }
}
