package io.shepherd.runtime.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
    private final TimerQueue queue = new TimerQueue();

    @Test
    void when_timers_are_due_then_they_come_out_in_timestamp_order_and_only_up_to_the_time() {
        queue.register(30, "a");
        queue.register(10, "b");
        queue.register(20, "a");
        assertThat(queue.nextTimestamp()).isEqualTo(10);
        assertThat(drain(20)).containsExactly(new Timer(10, "b"), new Timer(20, "a"));
        assertThat(queue.size()).isOne();
        assertThat(drain(29)).isEmpty();
        assertThat(drain(Long.MAX_VALUE)).containsExactly(new Timer(30, "a"));
        assertThat(queue.nextTimestamp()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void when_the_same_key_and_time_is_registered_twice_then_it_fires_once() {
        queue.register(5, "a");
        queue.register(5, "a");
        queue.register(5, "b");
        assertThat(queue.size()).isEqualTo(2);
        assertThat(drain(5)).containsExactlyInAnyOrder(new Timer(5, "a"), new Timer(5, "b"));
    }

    @Test
    void when_a_timer_is_deleted_then_it_does_not_fire_and_can_be_registered_again() {
        queue.register(5, "a");
        queue.register(7, "a");
        queue.delete(5, "a");
        assertThat(queue.nextTimestamp()).isEqualTo(7);
        queue.register(5, "a");
        queue.delete(5, "a");
        queue.register(5, "a");
        assertThat(drain(10)).containsExactly(new Timer(5, "a"), new Timer(7, "a"));
        queue.register(5, "a");
        assertThat(drain(10)).containsExactly(new Timer(5, "a"));
    }

    @Test
    void when_random_registrations_and_deletions_interleave_then_the_queue_matches_a_sorted_set() {
        SplittableRandom random = new SplittableRandom(42);
        TreeSet<Timer> model = new TreeSet<>((x, y) -> x.timestamp() != y.timestamp()
                ? Long.compare(x.timestamp(), y.timestamp())
                : ((String) x.key()).compareTo((String) y.key()));
        long now = 0;
        for (int step = 0; step < 5_000; step++) {
            long timestamp = now + random.nextInt(50);
            String key = "k" + random.nextInt(5);
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    queue.register(timestamp, key);
                    model.add(new Timer(timestamp, key));
                }
                case 2 -> {
                    queue.delete(timestamp, key);
                    model.remove(new Timer(timestamp, key));
                }
                default -> {
                    now += random.nextInt(20);
                    List<Timer> fired = drain(now);
                    List<Timer> due = new ArrayList<>(model.headSet(new Timer(now, "~"), true));
                    model.removeAll(due);
                    assertThat(fired).extracting(Timer::timestamp).isSorted();
                    assertThat(fired).containsExactlyInAnyOrderElementsOf(due);
                }
            }
            assertThat(queue.size()).isEqualTo(model.size());
        }
    }

    private List<Timer> drain(long time) {
        List<Timer> fired = new ArrayList<>();
        for (Timer timer = queue.pollDue(time); timer != null; timer = queue.pollDue(time)) {
            fired.add(timer);
        }
        return fired;
    }
}
