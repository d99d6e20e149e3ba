package io.shepherd.bench.state;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.state.MapState;
import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.runtime.state.KeyedStateBackend;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.state.snapshot.OperatorSnapshot;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The phases of an operator snapshot over a running count per key ({@code Long} to {@code Long}),
 * optionally with a small map state per key as well:
 * <ul>
 *   <li>{@code take}: the synchronous copy the task thread pays while a barrier passes;</li>
 *   <li>{@code hashMapClone}: the reference for {@code take}, a plain {@link HashMap#clone()} of the
 *       same table, i.e. what copying the tables as maps would cost;</li>
 *   <li>{@code writeTo}: serialization, which runs off the task thread;</li>
 *   <li>{@code readAndRestore}: reading the bytes and restoring them into fresh backends.</li>
 * </ul>
 * Time per operation for the whole state; divide by {@code keys} for the cost per key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OperatorSnapshotBenchmark {
    private static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Long.class);
    private static final MapStateDescriptor<String, Long> SEEN =
            new MapStateDescriptor<>("seen", String.class, Long.class);

    @Param({"10000", "1000000"})
    int keys;

    /** Whether each key also has a map state of four entries, whose maps the copy must copy too. */
    @Param({"false", "true"})
    boolean withMaps;

    private KeyedStateBackend keyed;
    private OperatorStateBackend operatorState;
    private OperatorSnapshot snapshot;
    private ByteOutput out;
    private byte[] bytes;

    @Setup
    public void setUp() {
        keyed = new KeyedStateBackend("bench");
        operatorState = new OperatorStateBackend("bench");
        ValueState<Long> count = keyed.valueState(COUNT);
        MapState<String, Long> seen = keyed.mapState(SEEN);
        for (long key = 0; key < keys; key++) {
            keyed.setCurrentKey(key);
            count.update(key * 31);
            if (withMaps) {
                for (int i = 0; i < 4; i++) {
                    seen.put("source-" + i, key + i);
                }
            }
        }
        keyed.setCurrentKey(null);
        snapshot = OperatorSnapshot.take(keyed, operatorState, null);
        out = new ByteOutput(1 << 20);
        snapshot.writeTo(out);
        bytes = out.toByteArray();
    }

    @Benchmark
    public OperatorSnapshot take() {
        return OperatorSnapshot.take(keyed, operatorState, null);
    }

    @Benchmark
    public Object hashMapClone() {
        return keyed.tables().get(COUNT.name()).entries().clone();
    }

    @Benchmark
    public int writeTo() {
        out.reset();
        snapshot.writeTo(out);
        return out.position();
    }

    @Benchmark
    public KeyedStateBackend readAndRestore() {
        KeyedStateBackend target = new KeyedStateBackend("bench");
        RestoredOperatorState.read(new ByteInput(bytes))
                .restoreInto(target, new OperatorStateBackend("bench"), null, 128, 0, 1);
        target.valueState(COUNT);
        return target;
    }
}
