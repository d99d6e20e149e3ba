package io.shepherd.runtime.state.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.runtime.timers.Timer;
import io.shepherd.testkit.SeededRuns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of restoring at another parallelism: state taken from every subtask of an
 * operator at parallelism p1 (each key in the subtask that owns it), merged, and restored at every
 * p2 from 1 to 4. A failure names its seed; replay it with {@code -Dshepherd.seed=N}.
 */
class RescalingPropertyTest {

    @Test
    void when_state_is_restored_at_another_parallelism_then_every_key_lands_once_in_the_subtask_that_owns_it() {
        SeededRuns.of("rescaled keyed state and timers", 60, 3_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int maxParallelism = 4 + random.nextInt(60);
            OperatorWorld before = new OperatorWorld(maxParallelism, 1 + random.nextInt(4));
            before.fill(random, random.nextInt(300));
            before.mutate(random, random.nextInt(60));
            RestoredOperatorState merged = snapshotAll(before);

            for (int parallelism = 1; parallelism <= 4; parallelism++) {
                OperatorWorld after = new OperatorWorld(maxParallelism, parallelism);
                after.restore(merged);
                after.claimAll();
                assertThat(keyedUnion(after)).isEqualTo(keyedUnion(before));
                assertThat(timerUnion(after, true)).isEqualTo(timerUnion(before, true));
                assertThat(timerUnion(after, false)).isEqualTo(timerUnion(before, false));
                assertEveryKeyIsInItsOwner(after);
            }
        });
    }

    @Test
    void when_the_parallelism_changes_then_operator_list_elements_are_dealt_round_robin_and_none_is_lost() {
        SeededRuns.of("rescaled operator lists", 60, 3_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            OperatorWorld before = new OperatorWorld(128, 1 + random.nextInt(4));
            before.fill(random, random.nextInt(300));
            RestoredOperatorState merged = snapshotAll(before);

            for (int parallelism = 1; parallelism <= 4; parallelism++) {
                OperatorWorld after = new OperatorWorld(128, parallelism);
                after.restore(merged);
                after.claimAll();
                if (parallelism == before.parallelism) {
                    for (int i = 0; i < parallelism; i++) {
                        assertThat(after.contents(i).lists()).isEqualTo(before.contents(i).lists());
                    }
                } else {
                    assertThat(listCounts(after)).isEqualTo(listCounts(before));
                    assertDealtEvenly(after, listLengths(before));
                }
            }
        });
    }

    @Test
    void when_the_parallelism_changes_then_each_subtask_gets_the_lowest_old_watermark_else_its_own() {
        SeededRuns.of("rescaled watermarks", 30, 1_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            OperatorWorld before = new OperatorWorld(128, 1 + random.nextInt(4));
            long lowest = Long.MAX_VALUE;
            for (int i = 0; i < before.parallelism; i++) {
                before.timers[i].advanceWatermark(random.nextLong(-100, 100));
                lowest = Math.min(lowest, before.timers[i].currentWatermark());
            }
            RestoredOperatorState merged = snapshotAll(before);

            for (int parallelism = 1; parallelism <= 4; parallelism++) {
                OperatorWorld after = new OperatorWorld(128, parallelism);
                after.restore(merged);
                for (int i = 0; i < parallelism; i++) {
                    long expected = parallelism == before.parallelism ? before.timers[i].currentWatermark() : lowest;
                    assertThat(after.timers[i].currentWatermark()).isEqualTo(expected);
                }
            }
        });
    }

    private static RestoredOperatorState snapshotAll(OperatorWorld world) {
        List<RestoredOperatorState> parts = new ArrayList<>();
        for (int i = 0; i < world.parallelism; i++) {
            parts.add(OperatorWorld.throughBytes(world.snapshot(i)));
        }
        return RestoredOperatorState.merge(parts);
    }

    /** Every subtask's keyed state in one map per state; fails if two subtasks hold the same key. */
    private static Map<String, Map<Object, Object>> keyedUnion(OperatorWorld world) {
        Map<String, Map<Object, Object>> union = new TreeMap<>();
        for (int i = 0; i < world.parallelism; i++) {
            world.contents(i).tables().forEach((name, entries) -> entries.forEach((key, value) -> {
                Object previous = union.computeIfAbsent(name, n -> new HashMap<>()).put(key, value);
                assertThat(previous).as("key %s of state '%s' is in two subtasks", key, name).isNull();
            }));
        }
        return union;
    }

    private static Set<Timer> timerUnion(OperatorWorld world, boolean eventTime) {
        Set<Timer> union = new HashSet<>();
        for (int i = 0; i < world.parallelism; i++) {
            StateContents contents = world.contents(i);
            union.addAll(eventTime ? contents.eventTimers() : contents.processingTimers());
        }
        return union;
    }

    private static void assertEveryKeyIsInItsOwner(OperatorWorld world) {
        for (int i = 0; i < world.parallelism; i++) {
            StateContents contents = world.contents(i);
            List<Object> keys = new ArrayList<>();
            contents.tables().values().forEach(entries -> keys.addAll(entries.keySet()));
            contents.eventTimers().forEach(timer -> keys.add(timer.key()));
            contents.processingTimers().forEach(timer -> keys.add(timer.key()));
            for (Object key : keys) {
                assertThat(world.owner(key)).as("owner of key %s, found in subtask %d", key, i).isEqualTo(i);
            }
        }
    }

    /** Each list's elements over all subtasks, as counts per element. */
    private static Map<String, Map<Object, Long>> listCounts(OperatorWorld world) {
        Map<String, Map<Object, Long>> union = new TreeMap<>();
        for (int i = 0; i < world.parallelism; i++) {
            world.contents(i).listCounts().forEach((name, counts) -> counts.forEach((element, count) ->
                    union.computeIfAbsent(name, n -> new HashMap<>()).merge(element, count, Long::sum)));
        }
        return union;
    }

    private static Map<String, Integer> listLengths(OperatorWorld world) {
        Map<String, Integer> lengths = new TreeMap<>();
        for (int i = 0; i < world.parallelism; i++) {
            world.contents(i).lists().forEach((name, elements) -> lengths.merge(name, elements.size(), Integer::sum));
        }
        return lengths;
    }

    /** Round robin: subtask i holds ceil((n - i) / parallelism) of a list's n elements. */
    private static void assertDealtEvenly(OperatorWorld world, Map<String, Integer> lengths) {
        lengths.forEach((name, total) -> {
            for (int i = 0; i < world.parallelism; i++) {
                List<Object> elements = world.contents(i).lists().getOrDefault(name, List.of());
                int expected = Math.max(0, (total - i + world.parallelism - 1) / world.parallelism);
                assertThat(elements).as("list '%s' in subtask %d of %d", name, i, world.parallelism).hasSize(expected);
            }
        });
    }
}
