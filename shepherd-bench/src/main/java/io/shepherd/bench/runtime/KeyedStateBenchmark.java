package io.shepherd.bench.runtime;

import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.runtime.state.KeyedStateBackend;
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
 * One running-count update (read, add one, write) of a key chosen round robin: through the heap
 * keyed state backend, against a plain {@link HashMap} as the reference for what the abstraction costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyedStateBenchmark {
    @Param({"10000"})
    int keys;

    private Long[] keyObjects;
    private int next;
    private KeyedStateBackend backend;
    private ValueState<Long> count;
    private HashMap<Long, Long> reference;

    @Setup
    public void setUp() {
        keyObjects = new Long[keys];
        for (int i = 0; i < keys; i++) {
            keyObjects[i] = (long) i;
        }
        backend = new KeyedStateBackend("bench");
        count = backend.valueState(new ValueStateDescriptor<>("count", Long.class));
        reference = new HashMap<>();
    }

    @Benchmark
    public Long valueStateUpdate() {
        backend.setCurrentKey(nextKey());
        Long current = count.value();
        Long updated = current == null ? 1L : current + 1;
        count.update(updated);
        return updated;
    }

    @Benchmark
    public Long hashMapReference() {
        Long key = nextKey();
        Long current = reference.get(key);
        Long updated = current == null ? 1L : current + 1;
        reference.put(key, updated);
        return updated;
    }

    private Long nextKey() {
        Long key = keyObjects[next];
        next = next + 1 == keys ? 0 : next + 1;
        return key;
    }
}
