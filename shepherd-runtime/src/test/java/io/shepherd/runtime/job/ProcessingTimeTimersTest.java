package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.ProcessFunction;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.ManualClock;
import io.shepherd.runtime.testing.ScriptedSource;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.ShepherdThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Processing-time timers follow the executor's clock, not the machine's: with a clock the test
 * moves by hand, a timer fires once the clock reaches it and not a millisecond sooner, in
 * timestamp order, with its key.
 *
 * <p>"Not sooner" is observed with probes: a task fires due processing-time timers before it takes
 * input, so a timer that fired early would reach the sink before the probe sent after the clock moved.
 */
class ProcessingTimeTimersTest {

    /** Key k sets a timer (k + 1) * 100 ms ahead of the clock; a negative key is a probe, passed on. */
    static final class Reminder extends KeyedProcessFunction<Long, Long, String> {
        @Override
        public void processElement(Long key, Context<Long> context, Collector<String> out) {
            if (key < 0) {
                out.collect("probe " + -key);
                return;
            }
            long now = context.timerService().currentProcessingTime();
            context.timerService().registerProcessingTimeTimer(now + (key + 1) * 100);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<Long> context, Collector<String> out) {
            out.collect("key " + context.currentKey() + " at +" + (timestamp - ManualClock.EPOCH_MILLIS) + " "
                    + context.timeDomain());
        }
    }

    /** Appends the event timestamp a record carries; a processing-time timer's output carries none. */
    static final class ShowTimestamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context context, Collector<String> out) {
            long timestamp = context.timestamp();
            out.collect(value + (timestamp == Long.MIN_VALUE ? "" : " @" + timestamp));
        }
    }

    @Test
    void when_the_clock_reaches_processing_time_timers_then_they_fire_in_order_and_no_sooner() throws Exception {
        ManualClock clock = new ManualClock();
        List<Shared<CountDownLatch>> gates = List.of(
                Shared.of(new CountDownLatch(1)), Shared.of(new CountDownLatch(1)), Shared.of(new CountDownLatch(1)));
        ScriptedSource<Long> keys = ScriptedSource.<Long>script()
                .record(2L, 0).record(0L, 0).record(1L, 0).record(0L, 0)
                .waitFor(gates.get(0)).record(-1L, 0)
                .waitFor(gates.get(1)).record(-2L, 0)
                .waitFor(gates.get(2))
                .build();
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor(clock)).setParallelism(1);
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(keys, "keys").keyBy(k -> k).process(new Reminder()).name("reminders")
                .process(new ShowTimestamp())
                .sink(sink);
        JobClient job = env.executeAsync("processing time");
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> job.metrics().operator("reminders").recordsIn() == 4);
            clock.advanceMillis(99);
            gates.get(0).get().countDown();
            awaitOutput(sink, 1);
            assertThat(sink.results()).as("nothing is due at +99").containsExactly("probe 1 @0");

            clock.advanceMillis(1);
            awaitOutput(sink, 2);
            assertThat(sink.results()).containsExactly("probe 1 @0", "key 0 at +100 PROCESSING_TIME");

            clock.advanceMillis(199);
            gates.get(1).get().countDown();
            awaitOutput(sink, 4);
            assertThat(sink.results()).as("at +299 only the timer at +200 is due").containsExactly(
                    "probe 1 @0", "key 0 at +100 PROCESSING_TIME", "key 1 at +200 PROCESSING_TIME", "probe 2 @0");

            clock.advanceMillis(1);
            awaitOutput(sink, 5);
            assertThat(sink.results().get(4)).isEqualTo("key 2 at +300 PROCESSING_TIME");

            gates.get(2).get().countDown();
            assertThat(job.await(Duration.ofSeconds(30)).status()).isEqualTo(JobStatus.FINISHED);
            assertThat(sink.results()).as("key 0's second record set the same timer: it fired once").hasSize(5);
            ShepherdThreads.assertNoneAlive();
        } finally {
            gates.forEach(gate -> gate.get().countDown());
            job.cancel();
            gates.forEach(Shared::release);
            sink.clear();
        }
    }

    private static void awaitOutput(CollectSink<String> sink, int size) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                .until(() -> sink.results().size() >= size);
    }
}
