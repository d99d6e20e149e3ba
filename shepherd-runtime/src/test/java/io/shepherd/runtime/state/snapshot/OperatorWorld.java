package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ReducingStateDescriptor;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.windowing.TimeWindow;
import io.shepherd.common.Clock;
import io.shepherd.runtime.partition.KeyGroups;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.timers.KeyedTimerService;
import io.shepherd.runtime.timers.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The state backends of every subtask of one keyed operator, changed at random through the same
 * state API operators use. Each key's state and timers live in the subtask that owns the key, as
 * the key partitioner would route its records.
 */
final class OperatorWorld {
    static final String OPERATOR = "counts";
    static final ValueStateDescriptor<Object> VALUE = new ValueStateDescriptor<>("value", Object.class);
    static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Long.class);
    static final ListStateDescriptor<Object> LIST = new ListStateDescriptor<>("list", Object.class);
    static final MapStateDescriptor<Object, Object> MAP = new MapStateDescriptor<>("map", Object.class, Object.class);
    static final MapStateDescriptor<TimeWindow, Object> WINDOWS =
            new MapStateDescriptor<>("windows", TimeWindow.class, Object.class);
    static final ReducingStateDescriptor<Long> MAX = new ReducingStateDescriptor<>("max", Math::max, Long.class);
    static final ListStateDescriptor<Long> OFFSETS = new ListStateDescriptor<>("offsets", Long.class);
    static final ListStateDescriptor<Object> PENDING = new ListStateDescriptor<>("pending", Object.class);

    final int maxParallelism;
    final int parallelism;
    final KeyedStateBackend[] keyed;
    final OperatorStateBackend[] operatorState;
    final KeyedTimerService[] timers;

    OperatorWorld(int maxParallelism, int parallelism) {
        this.maxParallelism = maxParallelism;
        this.parallelism = parallelism;
        this.keyed = new KeyedStateBackend[parallelism];
        this.operatorState = new OperatorStateBackend[parallelism];
        this.timers = new KeyedTimerService[parallelism];
        for (int i = 0; i < parallelism; i++) {
            keyed[i] = new KeyedStateBackend(OPERATOR);
            operatorState[i] = new OperatorStateBackend(OPERATOR);
            timers[i] = new KeyedTimerService(keyed[i], Clock.system());
        }
    }

    /** Random writes, as a running job makes them. */
    void fill(SplittableRandom random, int operations) {
        for (int i = 0; i < operations; i++) {
            write(random);
        }
    }

    /** Random writes and removals of every kind. */
    void mutate(SplittableRandom random, int operations) {
        for (int i = 0; i < operations; i++) {
            if (random.nextBoolean()) {
                write(random);
            } else {
                remove(random);
            }
        }
    }

    OperatorSnapshot snapshot(int subtask) {
        return OperatorSnapshot.take(keyed[subtask], operatorState[subtask], timers[subtask]);
    }

    void restore(RestoredOperatorState state) {
        for (int i = 0; i < parallelism; i++) {
            state.restoreInto(keyed[i], operatorState[i], timers[i], maxParallelism, i, parallelism);
        }
    }

    /** Asks for every state by descriptor, as an operator's open() would, which adopts restored state. */
    void claimAll() {
        for (int i = 0; i < parallelism; i++) {
            keyed[i].valueState(VALUE);
            keyed[i].valueState(COUNT);
            keyed[i].listState(LIST);
            keyed[i].mapState(MAP);
            keyed[i].mapState(WINDOWS);
            keyed[i].reducingState(MAX);
            operatorState[i].listState(OFFSETS);
            operatorState[i].listState(PENDING);
        }
    }

    StateContents contents(int subtask) {
        return StateContents.of(keyed[subtask], operatorState[subtask], timers[subtask]);
    }

    int owner(Object key) {
        return KeyGroups.subtaskOfKey(key, maxParallelism, parallelism);
    }

    /** Writes the snapshot and reads it back, checking that reading consumes exactly what was written. */
    static RestoredOperatorState throughBytes(OperatorSnapshot snapshot) {
        return RestoredOperatorState.read(new ByteInput(bytesOf(snapshot)));
    }

    static byte[] bytesOf(OperatorSnapshot snapshot) {
        ByteOutput out = new ByteOutput(64);
        snapshot.writeTo(out);
        return out.toByteArray();
    }

    private void write(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind >= 8) {
            writeOperatorList(random, random.nextInt(parallelism));
            return;
        }
        Object key = TestValues.key(random);
        int subtask = owner(key);
        KeyedStateBackend state = keyed[subtask];
        state.setCurrentKey(key);
        try {
            switch (kind) {
                case 0 -> state.valueState(VALUE).update(TestValues.value(random, 2, false));
                case 1 -> state.valueState(COUNT).update(random.nextLong());
                case 2 -> state.listState(LIST).add(TestValues.value(random, 2, true));
                case 3 -> state.mapState(MAP).put(TestValues.key(random), TestValues.value(random, 2, true));
                case 4 -> state.mapState(WINDOWS).put(window(random), TestValues.value(random, 1, true));
                case 5 -> state.reducingState(MAX).add(random.nextLong(1000));
                case 6 -> timers[subtask].registerEventTimeTimer(random.nextLong(-10, 1000));
                default -> timers[subtask].registerProcessingTimeTimer(random.nextLong(1000));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            state.setCurrentKey(null);
        }
    }

    private void remove(SplittableRandom random) {
        int subtask = random.nextInt(parallelism);
        switch (random.nextInt(6)) {
            case 0 -> clearSomeEntry(random, subtask);
            case 1 -> removeSomeMapEntry(random, subtask);
            case 2 -> deleteSomeTimer(random, subtask);
            case 3 -> timers[subtask].advanceWatermark(timers[subtask].currentWatermark() == Long.MIN_VALUE
                    ? random.nextLong(-10, 500)
                    : timers[subtask].currentWatermark() + random.nextLong(100));
            case 4 -> (random.nextBoolean() ? operatorState[subtask].listState(OFFSETS)
                    : operatorState[subtask].listState(PENDING)).clear();
            default -> replaceSomeList(random, subtask);
        }
    }

    private void writeOperatorList(SplittableRandom random, int subtask) {
        if (random.nextBoolean()) {
            operatorState[subtask].listState(OFFSETS).add(random.nextLong());
        } else {
            operatorState[subtask].listState(PENDING).add(TestValues.value(random, 2, true));
        }
    }

    private void clearSomeEntry(SplittableRandom random, int subtask) {
        Object key = someKey(random, subtask);
        if (key != null) {
            keyed[subtask].setCurrentKey(key);
            keyed[subtask].valueState(VALUE).clear();
            keyed[subtask].reducingState(MAX).clear();
            keyed[subtask].setCurrentKey(null);
        }
    }

    private void removeSomeMapEntry(SplittableRandom random, int subtask) {
        Object key = someKey(random, subtask);
        if (key == null) {
            return;
        }
        keyed[subtask].setCurrentKey(key);
        MapState<Object, Object> map = keyed[subtask].mapState(MAP);
        for (Map.Entry<Object, Object> entry : map.entries()) {
            map.remove(entry.getKey());
            break;
        }
        keyed[subtask].setCurrentKey(null);
    }

    private void replaceSomeList(SplittableRandom random, int subtask) {
        Object key = someKey(random, subtask);
        if (key != null) {
            keyed[subtask].setCurrentKey(key);
            ListState<Object> list = keyed[subtask].listState(LIST);
            list.update(random.nextBoolean() ? List.of() : List.of(TestValues.value(random, 1, false)));
            keyed[subtask].setCurrentKey(null);
        }
    }

    private void deleteSomeTimer(SplittableRandom random, int subtask) {
        boolean eventTime = random.nextBoolean();
        List<Timer> live = new ArrayList<>(
                (eventTime ? timers[subtask].eventTimers() : timers[subtask].processingTimers()).timers());
        if (live.isEmpty()) {
            return;
        }
        Timer timer = live.get(random.nextInt(live.size()));
        keyed[subtask].setCurrentKey(timer.key());
        if (eventTime) {
            timers[subtask].deleteEventTimeTimer(timer.timestamp());
        } else {
            timers[subtask].deleteProcessingTimeTimer(timer.timestamp());
        }
        keyed[subtask].setCurrentKey(null);
    }

    /** A key that has some state in the subtask, or null. */
    private Object someKey(SplittableRandom random, int subtask) {
        List<Object> keys = new ArrayList<>();
        keyed[subtask].tables().values().forEach(table -> keys.addAll(table.entries().keySet()));
        return keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
    }

    private static TimeWindow window(SplittableRandom random) {
        long start = random.nextLong(20) * 10;
        return new TimeWindow(start, start + 10);
    }
}
