package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.DataStream;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.time.WatermarkStrategy;
import io.shepherd.api.windowing.ProcessWindowFunction;
import io.shepherd.api.windowing.TimeWindow;
import io.shepherd.api.windowing.TumblingEventTimeWindows;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.ScriptedSource;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.ShepherdThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Watermarks through a running job: combined as the minimum over inputs, and what is behind them is late. */
class EventTimeTest {

    /** Describes a window as "start:[records]", records sorted so the text does not depend on arrival order. */
    static final class Describe implements ProcessWindowFunction<String, String, String> {
        @Override
        public void process(String key, TimeWindow window, Iterable<String> elements,
                Collector<String> out) {
            List<String> sorted = new ArrayList<>();
            elements.forEach(sorted::add);
            sorted.sort(null);
            out.collect(window.start() + ":" + sorted);
        }
    }

    private static DataStream<String> windowed(DataStream<String> input, long sizeMs) {
        return input.keyBy(record -> "all")
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(sizeMs)))
                .process(new Describe()).name("windows");
    }

    @Test
    void when_a_fast_and_a_slow_input_are_unioned_then_windows_wait_for_the_slow_one() throws Exception {
        Shared<CountDownLatch> release = Shared.of(new CountDownLatch(1));
        ScriptedSource.Builder<String> fast = ScriptedSource.script();
        for (long t = 0; t < 30; t++) {
            fast.record("f" + t, t);
        }
        // A watermark far ahead, then a marker: once the marker is in, the watermark was seen.
        fast.watermark(5_000).record("marker", 6_000);
        ScriptedSource<String> slow = ScriptedSource.<String>script()
                .record("s5", 5).waitFor(release).record("s7", 7).build();
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        CollectSink<String> sink = new CollectSink<>();
        DataStream<String> union = env.fromSource(fast.build(), "fast").union(env.fromSource(slow, "slow"));
        windowed(union, 10).sink(sink);
        JobClient job = env.executeAsync("fast and slow");
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> job.metrics().operator("windows").recordsIn() == 32);
            // The slow input has no watermark yet, so the combined watermark has not moved: nothing fired.
            assertThat(sink.results()).isEmpty();
            release.get().countDown();
            JobResult result = job.await(Duration.ofSeconds(30));
            assertThat(sink.results()).containsExactlyInAnyOrder(
                    "0:[f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, s5, s7]",
                    "10:[f10, f11, f12, f13, f14, f15, f16, f17, f18, f19]",
                    "20:[f20, f21, f22, f23, f24, f25, f26, f27, f28, f29]",
                    "6000:[marker]");
            assertThat(result.metrics().operator("windows").lateRecords()).isZero();
            ShepherdThreads.assertNoneAlive();
        } finally {
            release.get().countDown();
            job.cancel();
            release.release();
            sink.clear();
        }
    }

    @Test
    void when_records_are_behind_the_watermark_for_all_their_windows_then_they_are_dropped_and_counted_late()
            throws Exception {
        ScriptedSource<String> source = ScriptedSource.<String>script()
                .record("a", 1_000)
                .watermark(1_500)
                .record("b", 1_200) // its window [1000, 2000) is still open
                .record("late-c", 400)
                .record("late-d", 999) // the last instant of [0, 1000), which the watermark passed
                .record("e", 2_500)
                .build();
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        CollectSink<String> sink = new CollectSink<>();
        windowed(env.fromSource(source, "events"), 1_000).sink(sink);
        try {
            JobResult result = Jobs.run(env, "late records");
            assertThat(sink.results()).containsExactlyInAnyOrder("1000:[a, b]", "2000:[e]");
            assertThat(result.metrics().operator("windows").lateRecords()).isEqualTo(2);
            assertThat(result.metrics().operator("windows").recordsIn()).isEqualTo(5);
        } finally {
            sink.clear();
        }
    }

    @Test
    void when_parallel_inputs_advance_at_different_speeds_then_no_record_is_late() throws Exception {
        // Four source subtasks, each with its own watermarks every millisecond: a window fires only
        // once the slowest subtask has passed it, so every window gets all of its 100 records.
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(4);
        env.config().setWatermarkIntervalMs(1).setBatchSize(3).setChannelCapacityBatches(2);
        CollectSink<String> sink = new CollectSink<>();
        List<Long> numbers = new ArrayList<>();
        for (long i = 0; i < 4_000; i++) {
            numbers.add(i);
        }
        DataStream<String> stamped = env.fromCollection(numbers)
                .assignTimestampsAndWatermarks(WatermarkStrategy.forMonotonousTimestamps((Long i) -> i))
                .map(i -> Long.toString(i));
        windowed(stamped, 100).setParallelism(2).sink(sink).setParallelism(2);
        try {
            JobResult result = Jobs.run(env, "parallel watermarks");
            assertThat(result.metrics().operator("windows").lateRecords()).isZero();
            assertThat(sink.results()).hasSize(40).allSatisfy(w -> assertThat(w.split(",")).hasSize(100));
        } finally {
            sink.clear();
        }
    }
}
