package io.shepherd.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.RestartStrategy;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.RichFunction;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.InjectedFailures;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import io.shepherd.runtime.testing.PacedSource;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.TransactionalCollectSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A job of two independent pipelines is two regions: a failure in one restores only that one,
 * from the latest checkpoint, while the other runs on untouched; both outputs stay exact.
 */
class RegionFailoverTest {
    private static final long RECORDS = 30_000;

    @Test
    void a_failure_restarts_only_its_own_region() throws Exception {
        Shared<InjectedFailures> failure = Shared.of(new InjectedFailures(List.of(RECORDS / 2)));
        Shared<AtomicInteger> healthyOpens = Shared.of(new AtomicInteger());
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.config().checkpointing().setInterval(Duration.ofMillis(20))
                .setRestartStrategy(RestartStrategy.fixedDelay(3, Duration.ZERO));
        TransactionalCollectSink<Long> failing = new TransactionalCollectSink<>();
        TransactionalCollectSink<Long> healthy = new TransactionalCollectSink<>();
        env.fromSource(new PacedSource(RECORDS, 50).holdingTailUntil(failure), "failing source")
                .map(v -> {
                    failure.get().check(v, failing::hasCommitted);
                    return v;
                })
                .sink(failing);
        env.fromSource(new PacedSource(RECORDS, 50), "healthy source")
                .map(new CountOpens(healthyOpens))
                .sink(healthy);

        JobResult result = Jobs.run(env, "two regions");

        assertThat(result.recoveries()).hasSize(1);
        assertThat(result.recoveries().get(0).failedTask()).contains("failing source");
        assertThat(result.recoveries().get(0).restoredCheckpoint()).as("restored from a checkpoint").isPositive();
        assertThat(healthyOpens.get().get()).as("subtasks of the healthy region opened").isEqualTo(2);
        List<Long> expected = new ArrayList<>();
        for (long v = 0; v < RECORDS; v++) {
            expected.add(v);
        }
        assertThat(Multisets.diff(expected, failing.committed()).isEmpty()).as("failed region's output").isTrue();
        assertThat(Multisets.diff(expected, healthy.committed()).isEmpty()).as("healthy region's output").isTrue();
    }

    private static final class CountOpens implements MapFunction<Long, Long>, RichFunction {
        private final Shared<AtomicInteger> opens;

        CountOpens(Shared<AtomicInteger> opens) {
            this.opens = opens;
        }

        @Override
        public void open(FunctionContext context) {
            opens.get().incrementAndGet();
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }
}
