package io.shepherd.runtime.state.snapshot;

import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.timers.KeyedTimerService;
import io.shepherd.runtime.timers.Timer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one subtask's state holds, deep-copied into canonical form ({@link TestValues#canonical}),
 * so two subtasks' states compare with {@code equals}. States and lists without entries are left
 * out: an empty state and a missing one restore the same.
 *
 * @param tables keyed state by name: key to value (a list or a map for those kinds)
 * @param lists operator lists by name
 */
record StateContents(
        Map<String, Map<Object, Object>> tables,
        Map<String, List<Object>> lists,
        Set<Timer> eventTimers,
        Set<Timer> processingTimers,
        long watermark) {

    static StateContents of(KeyedStateBackend keyed, OperatorStateBackend operatorState, KeyedTimerService timers) {
        Map<String, Map<Object, Object>> tables = new TreeMap<>();
        keyed.tables().forEach((name, table) -> addTable(tables, name, table.entries()));
        keyed.unclaimedTables().forEach((name, table) -> addTable(tables, name, table.contents()));
        Map<String, List<Object>> lists = new TreeMap<>();
        operatorState.lists().forEach((name, list) -> addList(lists, name, list.elements()));
        operatorState.unclaimedLists().forEach((name, list) -> addList(lists, name, list.contents()));
        return new StateContents(tables, lists, Set.copyOf(timers.eventTimers().timers()),
                Set.copyOf(timers.processingTimers().timers()), timers.currentWatermark());
    }

    /** How often each element occurs in each list, for comparing lists whose order may differ. */
    Map<String, Map<Object, Long>> listCounts() {
        Map<String, Map<Object, Long>> counts = new TreeMap<>();
        lists.forEach((name, elements) -> {
            Map<Object, Long> perElement = new HashMap<>(); // elements may be null, which groupingBy refuses
            elements.forEach(element -> perElement.merge(element, 1L, Long::sum));
            counts.put(name, perElement);
        });
        return counts;
    }

    private static void addTable(Map<String, Map<Object, Object>> tables, String name, Map<Object, Object> entries) {
        if (!entries.isEmpty()) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            entries.forEach((key, value) -> copy.put(TestValues.canonical(key), TestValues.canonical(value)));
            tables.merge(name, copy, (a, b) -> {
                throw new AssertionError("state '" + name + "' is both live and unclaimed");
            });
        }
    }

    private static void addList(Map<String, List<Object>> lists, String name, List<Object> elements) {
        if (!elements.isEmpty()) {
            lists.merge(name, elements.stream().map(TestValues::canonical).toList(), (a, b) -> {
                throw new AssertionError("list '" + name + "' is both live and unclaimed");
            });
        }
    }
}
