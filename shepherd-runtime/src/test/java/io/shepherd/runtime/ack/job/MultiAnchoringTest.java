package io.shepherd.runtime.ack.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.ack.Anchoring;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Explicit multi-anchoring: a join holds the first record of a pair and emits the pair anchored to both. A
 * pair that fails downstream fails both source records, which are emitted again and joined again; a pair
 * is complete only once it is written.
 */
class MultiAnchoringTest {
    private static final long PAIRS = 1_000;

    @Test
    void when_a_joined_pair_fails_downstream_then_both_its_records_are_emitted_again() throws Exception {
        InjectedFaults faults = new InjectedFaults();
        List<Long> expected = new ArrayList<>();
        for (long k = 0; k < PAIRS; k++) {
            expected.add(pairOf(k));
            if (k % 10 == 0) {
                faults.throwOnce("after-join", pairOf(k));
            }
        }
        InjectedFaults.Handle f = InjectedFaults.share(faults);
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.config().acking().enable().setMaxPending(128).setTreeTimeout(Duration.ofSeconds(30));
        CollectSink<Long> sink = new CollectSink<>();
        env.fromCollection(LongStream.range(0, 2 * PAIRS).boxed().toList())
                .keyBy(v -> v / 2)
                .process(new PairJoin())
                .map(pair -> {
                    f.strike("after-join", pair);
                    return pair;
                })
                .sink(sink);
        JobResult result = Jobs.run(env, "acked join");
        f.release();

        Multisets.Diff<Long> diff = Multisets.diff(expected, sink.results());
        assertThat(diff.missing()).as("pairs lost: %s", diff.missing()).isEmpty();
        assertThat(faults.thrown.get()).isEqualTo(PAIRS / 10);
        assertThat(result.metrics().acking().failed()).as("each failed pair fails both its source records")
                .isEqualTo(2 * PAIRS / 10);
        assertThat(result.metrics().acking().timedOut()).as("held records are released, never left to time out")
                .isZero();
        assertThat(result.metrics().acking().completed()).isEqualTo(2 * PAIRS);
        sink.clear();
    }

    /**
     * Pair {@code k}: records {@code 2k} and {@code 2k + 1}, as one number. Partners are emitted close together
     * (by different source subtasks): a join holds its first records against their sources' max pending, so
     * partners further apart than that would stall it until its trees time out.
     */
    private static long pairOf(long k) {
        return 2 * k * 1_000_000 + 2 * k + 1;
    }

    /** Joins the two records of a key: holds the first, emits the pair anchored to both, then releases it. */
    private static final class PairJoin extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<Waiting> waiting;

        record Waiting(long value, Anchoring.Held held) implements Serializable {}

        @Override
        public void open(FunctionContext context) {
            waiting = context.getState(new ValueStateDescriptor<>("waiting", Waiting.class));
        }

        @Override
        public void processElement(Long value, Context<Long> context, Collector<Long> out) throws Exception {
            Anchoring<Long> anchoring = context.anchoring();
            Waiting first = waiting.value();
            if (first == null) {
                waiting.update(new Waiting(value, anchoring.hold()));
                return;
            }
            long low = Math.min(first.value(), value);
            long high = Math.max(first.value(), value);
            anchoring.collect(low * 1_000_000 + high, first.held());
            anchoring.release(first.held());
            waiting.clear();
        }
    }
}
