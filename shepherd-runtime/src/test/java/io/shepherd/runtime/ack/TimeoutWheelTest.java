package io.shepherd.runtime.ack;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.testkit.SeededRuns;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeoutWheelTest {

    private static final long TICK_NS = 10;

    @Test
    void when_deadlines_are_set_moved_and_cancelled_at_random_then_each_fires_on_time_and_once() {
        SeededRuns.of("timeout wheel against a map of deadlines", 200, 5_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int handles = 50;
            long nowNs = random.nextLong(-1_000_000, 1_000_000);
            TimeoutWheel wheel = new TimeoutWheel(TICK_NS, 16, handles, nowNs);
            // The model: a deadline fires at the first poll in its tick or later, and a deadline already
            // past fires at the first poll of a tick not polled yet.
            long firstUnpolledTickNs = Math.floorDiv(nowNs, TICK_NS) * TICK_NS;
            Map<Integer, Long> fireAtNs = new HashMap<>();
            Map<Integer, Long> dueNs = new HashMap<>();
            for (int step = 0; step < 2_000; step++) {
                int handle = random.nextInt(handles);
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        // Mostly within a turn (160 ns), sometimes several turns ahead or already past.
                        long due = nowNs + random.nextLong(-50, random.nextInt(10) == 0 ? 1_000 : 150);
                        wheel.schedule(handle, due);
                        dueNs.put(handle, due);
                        fireAtNs.put(handle, ceilToTick(Math.max(due, firstUnpolledTickNs)));
                    }
                    case 2 -> {
                        wheel.cancel(handle);
                        fireAtNs.remove(handle);
                        dueNs.remove(handle);
                    }
                    default -> {
                        nowNs += random.nextInt(10) == 0 ? random.nextLong(200, 2_000) : random.nextLong(0, 30);
                        pollAndCheck(wheel, fireAtNs, dueNs, nowNs);
                        firstUnpolledTickNs = (Math.floorDiv(nowNs, TICK_NS) + 1) * TICK_NS;
                    }
                }
                assertThat(wheel.size()).isEqualTo(fireAtNs.size());
                assertThat(wheel.nextPollNs())
                        .isLessThanOrEqualTo(fireAtNs.values().stream().min(Long::compare).orElse(Long.MAX_VALUE));
            }
        });
    }

    private static void pollAndCheck(TimeoutWheel wheel, Map<Integer, Long> fireAtNs, Map<Integer, Long> dueNs,
            long nowNs) {
        for (int handle = wheel.pollDue(nowNs); handle != TimeoutWheel.NONE; handle = wheel.pollDue(nowNs)) {
            assertThat(fireAtNs).as("handle %d fired without a deadline", handle).containsKey(handle);
            assertThat(dueNs.remove(handle)).as("handle %d fired before its deadline", handle)
                    .isLessThanOrEqualTo(nowNs);
            assertThat(fireAtNs.remove(handle)).as("handle %d fired early at %d", handle, nowNs)
                    .isLessThanOrEqualTo(nowNs);
            assertThat(wheel.isScheduled(handle)).isFalse();
        }
        fireAtNs.forEach((handle, fireAt) -> assertThat(fireAt)
                .as("handle %d due to fire at %d still waits at %d", handle, fireAt, nowNs)
                .isGreaterThan(nowNs));
    }

    private static long ceilToTick(long timeNs) {
        return -Math.floorDiv(-timeNs, TICK_NS) * TICK_NS;
    }

    @Test
    void when_nothing_was_polled_for_many_turns_then_one_poll_finds_every_deadline() {
        TimeoutWheel wheel = new TimeoutWheel(TICK_NS, 8, 4, 0);
        wheel.schedule(0, 15);
        wheel.schedule(1, 75);
        wheel.schedule(2, 1_000_000);

        assertThat(wheel.pollDue(10_000)).isIn(0, 1);
        assertThat(wheel.pollDue(10_000)).isIn(0, 1);
        assertThat(wheel.pollDue(10_000)).isEqualTo(TimeoutWheel.NONE);
        assertThat(wheel.isScheduled(2)).isTrue();
        assertThat(wheel.pollDue(1_000_000)).isEqualTo(2);
    }
}
