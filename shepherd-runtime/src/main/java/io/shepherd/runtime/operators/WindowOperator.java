package io.shepherd.runtime.operators;

import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.windowing.AggregateFunction;
import io.shepherd.api.windowing.ProcessWindowFunction;
import io.shepherd.api.windowing.TimeWindow;
import io.shepherd.api.windowing.WindowAssigner;
import io.shepherd.runtime.timers.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keyed event-time windows. Each record is folded into the accumulator of each of its windows
 * (kept in keyed state, so windows are checkpointed like any state); an event-time timer at the
 * window's last timestamp fires it once: the result goes to the emitter and the window is dropped.
 * A record all of whose windows the watermark has passed is late: dropped and counted.
 */
final class WindowOperator extends KeyedOperator {
    private final WindowAssigner assigner;
    private final AggregateFunction<Object, Object, Object> aggregate;
    private final ProcessWindowFunction<Object, Object, Object> emitter;
    private final TimestampedCollector collector = new TimestampedCollector(this);
    private MapState<TimeWindow, Object> windows;

    @SuppressWarnings("unchecked")
    WindowOperator(
            OperatorContext context,
            KeySelector<?, ?> keySelector,
            WindowAssigner assigner,
            AggregateFunction<?, ?, ?> aggregate,
            ProcessWindowFunction<?, ?, ?> emitter) {
        super(context, keySelector);
        this.assigner = assigner;
        this.aggregate = (AggregateFunction<Object, Object, Object>) aggregate;
        this.emitter = (ProcessWindowFunction<Object, Object, Object>) emitter;
    }

    @Override
    public void open() {
        windows = keys.mapState(new MapStateDescriptor<>("windows", TimeWindow.class, Object.class));
    }

    @Override
    protected void processKeyed(Object record, long timestamp) throws Exception {
        if (timestamp == NO_TIMESTAMP) {
            throw new IllegalStateException("record has no event timestamp; windows need "
                    + "assignTimestampsAndWatermarks(...) upstream of '" + context.operatorName() + "'");
        }
        boolean inAnyWindow = false;
        for (TimeWindow window : assigner.assignWindows(timestamp)) {
            if (window.maxTimestamp() <= timers.currentWatermark()) {
                continue;
            }
            inAnyWindow = true;
            Object accumulator = windows.contains(window) ? windows.get(window) : aggregate.createAccumulator();
            windows.put(window, aggregate.add(record, accumulator));
            timers.registerEventTimeTimer(window.maxTimestamp());
        }
        if (!inAnyWindow) {
            context.counters().lateRecords++;
        }
    }

    @Override
    protected void onTimer(Timer timer, boolean eventTime) throws Exception {
        List<Map.Entry<TimeWindow, Object>> due = new ArrayList<>();
        for (Map.Entry<TimeWindow, Object> entry : windows.entries()) {
            if (entry.getKey().maxTimestamp() == timer.timestamp()) {
                due.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        for (Map.Entry<TimeWindow, Object> entry : due) {
            TimeWindow window = entry.getKey();
            windows.remove(window);
            collector.setTimestamp(window.maxTimestamp());
            emitter.process(timer.key(), window, List.of(aggregate.getResult(entry.getValue())), collector);
        }
    }
}
