package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.partition.KeyGroups;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.ScriptedSource;
import io.shepherd.testkit.SeededRuns;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Event-time timers fire when the watermark passes them, in timestamp order, with their key's
 * context, and deleted timers do not fire. A seeded script of records (each setting or deleting a
 * timer) and watermarks runs through a keyed process function; each subtask's output must be
 * exactly what a sequential replay of its keys' part of the script produces.
 */
class TimerOrderTest {
    private static final int KEYS = 6;

    /** A record that sets (or deletes) its key's timer at {@code timerAt}. */
    record Event(long key, long timerAt, boolean delete) implements Serializable {}

    static final class Timers extends KeyedProcessFunction<Long, Event, String> {
        private transient int subtask;

        @Override
        public void open(FunctionContext context) {
            subtask = context.subtaskIndex();
        }

        @Override
        public void processElement(Event event, Context<Long> context, Collector<String> out) {
            if (event.delete()) {
                context.timerService().deleteEventTimeTimer(event.timerAt());
            } else {
                context.timerService().registerEventTimeTimer(event.timerAt());
            }
            out.collect(subtask + " " + (event.delete() ? "del " : "set ") + event.key() + "@" + event.timerAt());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<Long> context, Collector<String> out) {
            out.collect(subtask + " fire " + context.currentKey() + "@" + timestamp + " " + context.timeDomain());
        }
    }

    @Test
    void when_the_watermark_advances_then_due_timers_fire_in_timestamp_order_per_subtask() {
        SeededRuns.of("event-time timer order", 10, 300).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int parallelism = 1 + random.nextInt(3);
            ScriptedSource.Builder<Event> script = ScriptedSource.script();
            List<Object> steps = new ArrayList<>();
            long watermark = 0;
            for (int i = 0, n = random.nextInt(200); i < n; i++) {
                if (random.nextInt(5) == 0) {
                    watermark += random.nextInt(30);
                    script.watermark(watermark);
                    steps.add(watermark);
                } else {
                    // Timers anywhere around the watermark, some already due; a few deletions.
                    Event event = new Event(random.nextInt(KEYS), watermark - 10 + random.nextInt(60),
                            random.nextInt(6) == 0);
                    script.record(event, watermark + 1);
                    steps.add(event);
                }
            }
            StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(parallelism);
            env.config().setBatchSize(1 + random.nextInt(8));
            CollectSink<String> sink = new CollectSink<>();
            env.fromSource(script.build(), "script").keyBy(Event::key).process(new Timers()).sink(sink);
            try {
                Jobs.run(env, "timers");
                for (int subtask = 0; subtask < parallelism; subtask++) {
                    String prefix = subtask + " ";
                    List<String> actual = sink.results().stream().filter(line -> line.startsWith(prefix)).toList();
                    assertThat(tiesSorted(actual)).as("subtask %d of %d", subtask, parallelism)
                            .containsExactlyElementsOf(tiesSorted(replay(steps, subtask, parallelism)));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                sink.clear();
            }
        });
    }

    /**
     * What one subtask must output: its keys' records in order, and at each watermark that moves
     * forward (and at the end) its due timers in timestamp order.
     */
    private static List<String> replay(List<Object> steps, int subtask, int parallelism) {
        Comparator<long[]> byTime = Comparator.<long[]>comparingLong(t -> t[0]).thenComparingLong(t -> t[1]);
        TreeSet<long[]> timers = new TreeSet<>(byTime);
        List<String> out = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Object step : steps) {
            if (step instanceof Event event) {
                if (KeyGroups.subtaskOfKey(event.key(), 128, parallelism) != subtask) {
                    continue;
                }
                long[] timer = {event.timerAt(), event.key()};
                if (event.delete()) {
                    timers.remove(timer);
                } else {
                    timers.add(timer);
                }
                out.add(subtask + " " + (event.delete() ? "del " : "set ") + event.key() + "@" + event.timerAt());
            } else if ((Long) step > watermark) {
                // Only a watermark that advances reaches the operator.
                watermark = (Long) step;
                fire(timers, watermark, subtask, out);
            }
        }
        fire(timers, Long.MAX_VALUE, subtask, out);
        return out;
    }

    /** Timers due at the same instant may fire in any key order: sorts each such run of firings. */
    private static List<String> tiesSorted(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        int start = 0;
        while (start < sorted.size()) {
            int end = start + 1;
            if (sorted.get(start).contains(" fire ")) {
                String instant = instant(sorted.get(start));
                while (end < sorted.size() && sorted.get(end).contains(" fire ")
                        && instant(sorted.get(end)).equals(instant)) {
                    end++;
                }
                sorted.subList(start, end).sort(null);
            }
            start = end;
        }
        return sorted;
    }

    private static String instant(String firing) {
        return firing.substring(firing.indexOf('@'));
    }

    private static void fire(TreeSet<long[]> timers, long watermark, int subtask, List<String> out) {
        while (!timers.isEmpty() && timers.first()[0] <= watermark) {
            long[] timer = timers.pollFirst();
            out.add(subtask + " fire " + timer[1] + "@" + timer[0] + " EVENT_TIME");
        }
    }
}
