package io.shepherd.testing;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** Functions over payments used by the harness's tests: correct ones, and ones with typical bugs. */
final class Payments {
    private Payments() {}

    record Payment(String user, long amount) implements Serializable {}

    /**
     * A user's running total in event time: a payment counts once the watermark has passed its
     * timestamp, and then the new total is emitted. A user idle for {@link #IDLE_MS} of processing
     * time after a payment gets an "idle" notice. Correct: all it knows is in keyed state, and a
     * timer at t only uses payments at t.
     */
    static final class EventTimeTotals extends KeyedProcessFunction<String, Payment, String> {
        static final long IDLE_MS = 1_000;
        static final MapStateDescriptor<Long, Long> PENDING =
                new MapStateDescriptor<>("pending", Long.class, Long.class);
        static final ValueStateDescriptor<Long> TOTAL = new ValueStateDescriptor<>("total", Long.class);
        static final ValueStateDescriptor<Long> IDLE_TIMER = new ValueStateDescriptor<>("idle-timer", Long.class);

        private transient MapState<Long, Long> pending;
        private transient ValueState<Long> total;
        private transient ValueState<Long> idleTimer;

        @Override
        public void open(FunctionContext context) {
            pending = context.getMapState(PENDING);
            total = context.getState(TOTAL);
            idleTimer = context.getState(IDLE_TIMER);
        }

        @Override
        public void processElement(Payment payment, Context<String> context, Collector<String> out) {
            long at = context.timestamp();
            Long sum = pending.get(at);
            pending.put(at, (sum == null ? 0 : sum) + payment.amount());
            context.timerService().registerEventTimeTimer(at);

            Long previous = idleTimer.value();
            if (previous != null) {
                context.timerService().deleteProcessingTimeTimer(previous);
            }
            long idleAt = context.timerService().currentProcessingTime() + IDLE_MS;
            context.timerService().registerProcessingTimeTimer(idleAt);
            idleTimer.update(idleAt);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> context, Collector<String> out) {
            if (context.timeDomain() == TimeDomain.PROCESSING_TIME) {
                idleTimer.clear();
                out.collect(context.currentKey() + " idle");
                return;
            }
            Long due = pending.get(timestamp);
            pending.remove(timestamp);
            long sum = (total.value() == null ? 0 : total.value()) + due;
            total.update(sum);
            out.collect(context.currentKey() + " total " + sum);
        }
    }

    /** Counts payments per user — in a map held in a field. Right until the job restarts. */
    static final class CountsInAField extends KeyedProcessFunction<String, Payment, String> {
        private final Map<String, Long> counts = new HashMap<>();

        @Override
        public void processElement(Payment payment, Context<String> context, Collector<String> out) {
            long count = counts.merge(payment.user(), 1L, Long::sum);
            out.collect(payment.user() + " #" + count);
        }
    }

    /** Counts payments per user — in one field, which every user of the subtask shares. */
    static final class CounterSharedByKeys extends KeyedProcessFunction<String, Payment, String> {
        private long count;

        @Override
        public void processElement(Payment payment, Context<String> context, Collector<String> out) {
            count++;
            out.collect(payment.user() + " #" + count);
        }
    }

    /** Counts payments per user in keyed state: the fix for both of the above. */
    static final class CountsInState extends KeyedProcessFunction<String, Payment, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Payment payment, Context<String> context, Collector<String> out) {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(payment.user() + " #" + next);
        }
    }

    /**
     * At each payment's event time, emits the user's total — of every payment processed so far,
     * including those later than the timer. What it emits depends on where the watermarks fell.
     */
    static final class TotalAtTimerOfEverythingSeen extends KeyedProcessFunction<String, Payment, String> {
        private transient ValueState<Long> total;

        @Override
        public void open(FunctionContext context) {
            total = context.getState(new ValueStateDescriptor<>("total", Long.class));
        }

        @Override
        public void processElement(Payment payment, Context<String> context, Collector<String> out) {
            total.update((total.value() == null ? 0 : total.value()) + payment.amount());
            context.timerService().registerEventTimeTimer(context.timestamp());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> context, Collector<String> out) {
            out.collect(context.currentKey() + " total " + total.value());
        }
    }
}
