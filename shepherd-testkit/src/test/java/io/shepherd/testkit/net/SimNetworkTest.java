package io.shepherd.testkit.net;

import static io.shepherd.testkit.time.SimTime.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.testkit.sim.SimScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimNetworkTest {

    /** What each node received, as "from:message@time", across all its incarnations. */
    private final List<String> received = new ArrayList<>();

    private SimNetwork<String> network(long seed, NetworkConditions conditions, int... ids) {
        SimScheduler sim = new SimScheduler(seed);
        SimNetwork<String> net = new SimNetwork<>(sim, conditions);
        for (int id : ids) {
            net.addNode(id, ctx -> (from, message) -> received.add(from + "->" + ctx.id() + ":" + message));
        }
        return net;
    }

    @Test
    void when_a_message_is_sent_then_it_arrives_once_within_the_latency_bounds() {
        SimNetwork<String> net = network(1, NetworkConditions.reliable().withLatency(millis(2), millis(4)), 1, 2);
        net.scheduler().schedule(millis(10), "send", () -> net.send(1, 2, "hello"));

        net.scheduler().runUntil("delivered", () -> !received.isEmpty());

        assertThat(received).containsExactly("1->2:hello");
        assertThat(net.scheduler().nowNs()).isBetween(millis(12), millis(14));
        net.scheduler().runUntilQuiescent();
        assertThat(net.stats().sent()).isEqualTo(1);
        assertThat(net.stats().delivered()).isEqualTo(1);
    }

    @Test
    void when_links_are_fifo_then_messages_arrive_in_send_order_despite_random_latency() {
        SimNetwork<String> net = network(2, NetworkConditions.reliable().withLatency(0, millis(50)), 1, 2);
        for (int i = 0; i < 200; i++) {
            net.send(1, 2, "m" + i);
        }
        net.scheduler().runUntilQuiescent();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("1->2:m" + i);
        }
        assertThat(received).isEqualTo(expected);
    }

    @Test
    void when_reordering_is_allowed_then_later_messages_overtake_earlier_ones() {
        SimNetwork<String> net = network(
                3, NetworkConditions.reliable().withLatency(0, millis(50)).withReordering(true), 1, 2);
        for (int i = 0; i < 200; i++) {
            net.send(1, 2, "m" + i);
        }
        net.scheduler().runUntilQuiescent();

        assertThat(received).hasSize(200).isNotEqualTo(received.stream().sorted().toList());
        assertThat(received.get(0)).isNotEqualTo("1->2:m0");
    }

    @Test
    void when_links_drop_and_duplicate_then_about_the_asked_share_is_lost_or_doubled() {
        SimNetwork<String> net = network(
                4, NetworkConditions.reliable().withDropRate(0.2).withDuplicateRate(0.1), 1, 2);
        for (int i = 0; i < 5_000; i++) {
            net.send(1, 2, "m" + i);
        }
        net.scheduler().runUntilQuiescent();

        NetworkStats stats = net.stats();
        assertThat(stats.dropped()).isBetween(850L, 1_150L);
        assertThat(stats.duplicated()).isBetween(300L, 500L);
        assertThat(stats.delivered()).isEqualTo(stats.sent() - stats.dropped() + stats.duplicated());
        assertThat(received).hasSize((int) stats.delivered());
        assertThat(net.scheduler().trace().render()).containsAnyOf("(duplicate)", ": dropped");
    }

    @Test
    void when_partitioned_then_no_message_crosses_either_way_until_healed() {
        SimNetwork<String> net = network(5, NetworkConditions.reliable(), 1, 2, 3);
        NetworkFault cut = net.partition(Set.of(1), Set.of(2, 3));
        net.send(1, 2, "a");
        net.send(3, 1, "b");
        net.send(2, 3, "inside");
        net.scheduler().runUntilQuiescent();
        assertThat(received).containsExactly("2->3:inside");
        assertThat(net.stats().blocked()).isEqualTo(2);

        cut.heal();
        assertThat(cut.isActive()).isFalse();
        net.send(1, 2, "after heal");
        net.scheduler().runUntilQuiescent();
        assertThat(received).containsExactly("2->3:inside", "1->2:after heal");
    }

    @Test
    void when_partitioned_one_way_then_only_that_direction_is_cut() {
        SimNetwork<String> net = network(6, NetworkConditions.reliable(), 1, 2);
        net.partitionOneWay(Set.of(1), Set.of(2));
        net.send(1, 2, "lost");
        net.send(2, 1, "arrives");
        net.scheduler().runUntilQuiescent();
        assertThat(received).containsExactly("2->1:arrives");
    }

    @Test
    void when_a_partition_starts_while_a_message_is_in_flight_then_the_message_is_lost() {
        SimNetwork<String> net = network(7, NetworkConditions.reliable().withLatency(millis(10), millis(10)), 1, 2);
        net.send(1, 2, "in flight");
        net.scheduler().schedule(millis(5), "cut", () -> net.partition(Set.of(1), Set.of(2)));
        net.scheduler().runUntilQuiescent();
        assertThat(received).isEmpty();
        assertThat(net.scheduler().trace().render()).contains("lost 1->2 in flight: partitioned while in flight");
    }

    @Test
    void when_degraded_then_the_higher_rate_applies_until_healed() {
        SimNetwork<String> net = network(8, NetworkConditions.reliable(), 1, 2);
        NetworkFault storm = net.degrade(1.0, 0.0);
        net.send(1, 2, "dropped");
        storm.heal();
        net.send(1, 2, "kept");
        net.scheduler().runUntilQuiescent();
        assertThat(received).containsExactly("1->2:kept");
    }

    @Test
    void when_a_link_has_its_own_conditions_then_only_that_link_uses_them() {
        SimNetwork<String> net = network(9, NetworkConditions.reliable(), 1, 2, 3);
        net.setLinkConditions(1, 2, NetworkConditions.reliable().withDropRate(1.0));
        net.send(1, 2, "lossy link");
        net.send(2, 1, "reverse link");
        net.send(1, 3, "other link");
        net.scheduler().runUntilQuiescent();
        assertThat(received).containsExactlyInAnyOrder("2->1:reverse link", "1->3:other link");
    }

    @Test
    void when_sending_to_an_unknown_node_then_it_is_refused_with_the_known_ids() {
        SimNetwork<String> net = network(10, NetworkConditions.reliable(), 1, 2);
        assertThatThrownBy(() -> net.send(1, 9, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no node 9")
                .hasMessageContaining("[1, 2]");
    }
}
