package io.shepherd.testkit.net;

import static io.shepherd.testkit.time.SimTime.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.testkit.sim.SimScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeLifecycleTest {

    /** A node that counts messages in memory and, separately, on a "disk" the test keeps. */
    private static final class Counter implements Node<String> {
        final NodeContext<String> ctx;
        final Map<Integer, Integer> disk;
        int volatileCount;

        Counter(NodeContext<String> ctx, Map<Integer, Integer> disk) {
            this.ctx = ctx;
            this.disk = disk;
        }

        @Override
        public void onMessage(int from, String message) {
            volatileCount++;
            disk.merge(ctx.id(), 1, Integer::sum);
        }
    }

    private final SimScheduler sim = new SimScheduler(11);
    private final SimNetwork<String> net = new SimNetwork<>(sim, NetworkConditions.reliable());
    private final Map<Integer, Integer> disk = new HashMap<>();
    private final List<Counter> started = new ArrayList<>();

    NodeLifecycleTest() {
        net.addNode(1, ctx -> new Counter(ctx, disk));
        net.addNode(2, ctx -> {
            Counter counter = new Counter(ctx, disk);
            started.add(counter);
            return counter;
        });
    }

    private Counter counter2() {
        return (Counter) net.node(2).orElseThrow();
    }

    @Test
    void when_a_node_restarts_then_volatile_state_is_gone_and_durable_state_remains() {
        net.send(1, 2, "a");
        net.send(1, 2, "b");
        sim.runUntilQuiescent();
        assertThat(counter2().volatileCount).isEqualTo(2);

        net.crash(2);
        assertThat(net.isUp(2)).isFalse();
        assertThat(net.node(2)).isEmpty();
        net.restart(2);

        assertThat(net.incarnation(2)).isEqualTo(2);
        assertThat(counter2()).isNotSameAs(started.get(0));
        assertThat(counter2().volatileCount).isZero();
        assertThat(disk).containsEntry(2, 2);
        assertThat(net.stats().crashes()).isEqualTo(1);
        assertThat(net.stats().restarts()).isEqualTo(1);
    }

    @Test
    void when_a_node_crashes_then_messages_in_flight_to_it_are_lost_even_if_it_restarts_first() {
        net.send(1, 2, "in flight");
        net.crash(2);
        net.restart(2);
        sim.runUntilQuiescent();

        assertThat(counter2().volatileCount).isZero();
        assertThat(disk).doesNotContainKey(2);
        assertThat(net.stats().lostToCrash()).isEqualTo(1);
        assertThat(sim.trace().render()).contains("receiver crashed while it was in flight");
    }

    @Test
    void when_a_node_crashes_then_what_it_already_sent_still_arrives() {
        started.get(0).ctx.send(1, "last words");
        net.crash(2);
        sim.runUntilQuiescent();
        assertThat(disk).containsEntry(1, 1);
    }

    @Test
    void when_a_node_crashes_then_its_timers_never_fire_and_its_old_context_is_dead() {
        List<String> fired = new ArrayList<>();
        NodeContext<String> oldContext = started.get(0).ctx;
        oldContext.schedule(millis(5), "election timeout", () -> fired.add("old"));
        net.crash(2);
        assertThat(sim.pendingEvents()).as("a crashed node's timers do not keep the simulation busy").isZero();
        net.restart(2);
        counter2().ctx.schedule(millis(5), "election timeout", () -> fired.add("new"));

        sim.runUntilQuiescent();

        assertThat(fired).containsExactly("new");
        assertThatThrownBy(() -> oldContext.send(1, "zombie"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node 2 incarnation 1 has crashed");
        assertThat(sim.trace().render()).contains("node 2: election timeout");
    }

    @Test
    void when_a_timer_is_cancelled_by_its_node_then_it_does_not_fire() {
        List<String> fired = new ArrayList<>();
        var timer = started.get(0).ctx.schedule(millis(5), "retry", () -> fired.add("retry"));
        assertThat(timer.cancel()).isTrue();
        sim.runUntilQuiescent();
        assertThat(fired).isEmpty();
    }

    @Test
    void when_crashing_a_down_node_or_restarting_an_up_one_then_it_is_refused() {
        assertThatThrownBy(() -> net.restart(2)).isInstanceOf(IllegalStateException.class);
        net.crash(2);
        assertThatThrownBy(() -> net.crash(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> net.addNode(1, ctx -> (f, m) -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_nodes_draw_random_numbers_then_each_incarnation_has_its_own_stream() {
        long first = counter2().ctx.random().nextLong();
        net.crash(2);
        net.restart(2);
        long second = counter2().ctx.random().nextLong();
        assertThat(second).isNotEqualTo(first);

        SimScheduler replay = new SimScheduler(11);
        SimNetwork<String> again = new SimNetwork<>(replay, NetworkConditions.reliable());
        long[] drawn = new long[1];
        again.addNode(2, ctx -> {
            drawn[0] = ctx.random().nextLong();
            return (f, m) -> {};
        });
        assertThat(drawn[0]).isEqualTo(first);
    }
}
