package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.windowing.ProcessWindowFunction;
import io.shepherd.api.windowing.SlidingEventTimeWindows;
import io.shepherd.api.windowing.TimeWindow;
import io.shepherd.api.windowing.TumblingEventTimeWindows;
import io.shepherd.api.windowing.WindowAssigner;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import io.shepherd.runtime.testing.ScriptedSource;
import io.shepherd.testkit.SeededRuns;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Which records are late is exact, not approximate: one source plays a seeded script of records
 * and watermarks, so every window subtask sees each record after exactly the watermarks sent before
 * it. A record is late when the watermark has passed every window it belongs to; it is dropped and
 * counted, and a record some of whose windows are still open joins only those.
 */
class LateRecordsTest {

    record Event(long key, long timestamp) implements Serializable {}

    /** "key window-start: count" for each window. */
    static final class CountPerWindow implements ProcessWindowFunction<Event, String, Long> {
        @Override
        public void process(Long key, TimeWindow window, Iterable<Event> events, Collector<String> out) {
            long count = 0;
            for (Event ignored : events) {
                count++;
            }
            out.collect(key + " " + window.start() + ": " + count);
        }
    }

    @Test
    void when_records_arrive_behind_the_watermark_then_exactly_the_late_ones_are_dropped_and_counted() {
        SeededRuns.of("late records", 10, 300).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            long size = 5 + random.nextInt(30);
            long slide = random.nextBoolean() ? size : Math.max(1, size / (2 + random.nextInt(3)));
            WindowAssigner assigner = slide == size ? TumblingEventTimeWindows.of(Duration.ofMillis(size))
                    : SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide));

            ScriptedSource.Builder<Event> script = ScriptedSource.script();
            Map<String, Long> windows = new TreeMap<>();
            long watermark = Long.MIN_VALUE;
            long late = 0;
            for (int i = 0, n = random.nextInt(300); i < n; i++) {
                if (random.nextInt(6) == 0) {
                    long next = (watermark == Long.MIN_VALUE ? 0 : watermark) + random.nextInt(25);
                    script.watermark(next);
                    watermark = Math.max(watermark, next);
                    continue;
                }
                // Around the watermark: some records far behind, some in windows it has partly passed.
                long base = watermark == Long.MIN_VALUE ? 0 : watermark;
                Event event = new Event(random.nextInt(3), base - 40 + random.nextInt(80));
                script.record(event, event.timestamp());
                boolean inAny = false;
                for (long start : starts(event.timestamp(), size, slide)) {
                    if (start + size - 1 > watermark) {
                        windows.merge(event.key() + " " + start, 1L, Long::sum);
                        inAny = true;
                    }
                }
                late += inAny ? 0 : 1;
            }
            List<String> expected = new ArrayList<>();
            windows.forEach((window, count) -> expected.add(window + ": " + count));

            StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1 + random.nextInt(3));
            CollectSink<String> sink = new CollectSink<>();
            env.fromSource(script.build(), "script")
                    .keyBy(Event::key).window(assigner).process(new CountPerWindow()).name("windows")
                    .sink(sink);
            try {
                JobResult result = Jobs.run(env, "late records");
                Multisets.Diff<String> diff = Multisets.diff(expected, sink.results());
                assertThat(diff.isEmpty()).as("windows of %d ms every %d ms: %s", size, slide, diff).isTrue();
                assertThat(result.metrics().operator("windows").lateRecords()).isEqualTo(late);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                sink.clear();
            }
        });
    }

    /** The starts of the windows of {@code size} every {@code slide} that hold {@code timestamp}. */
    private static List<Long> starts(long timestamp, long size, long slide) {
        List<Long> starts = new ArrayList<>();
        for (long start = Math.floorDiv(timestamp - size, slide) * slide; start <= timestamp; start += slide) {
            if (timestamp < start + size) {
                starts.add(start);
            }
        }
        return starts;
    }
}
