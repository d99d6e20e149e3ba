package io.shepherd.runtime.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchoredInputTest {

    private static final int OPERATOR = 5;
    private final AckIds ids = new AckIds(42);
    private final AckBatch acks = new AckBatch(4);

    @Test
    void when_an_operator_emits_children_then_its_ack_is_the_input_edge_xor_every_child_edge() {
        AnchoredInput input = new AnchoredInput();
        input.reset(100, 0xE);
        Anchors first = new Anchors();
        Anchors second = new Anchors();
        input.anchor(first, ids);
        input.anchor(second, ids);
        input.ack(acks, OPERATOR);

        assertThat(first.size()).isEqualTo(1);
        assertThat(first.root(0)).isEqualTo(100);
        assertThat(first.edge(0)).isNotEqualTo(second.edge(0)).isNotZero();
        assertThat(acks.size()).isEqualTo(1);
        assertThat(acks.kind(0)).isEqualTo(AckKind.ACK);
        assertThat(acks.value(0)).isEqualTo(0xE ^ first.edge(0) ^ second.edge(0));
        assertThat(acks.task(0)).isEqualTo(OPERATOR);
    }

    @Test
    void when_a_join_emits_from_inputs_of_two_roots_then_the_child_carries_an_edge_for_each_and_both_inputs_ack() {
        AnchoredInput left = new AnchoredInput();
        AnchoredInput right = new AnchoredInput();
        left.reset(100, 0xA);
        right.reset(200, 0xB);
        Anchors joined = new Anchors();
        left.anchor(joined, ids);
        right.anchor(joined, ids);
        left.ack(acks, OPERATOR);
        right.ack(acks, OPERATOR);

        assertThat(List.of(joined.root(0), joined.root(1))).containsExactly(100L, 200L);
        assertThat(acks.root(0)).isEqualTo(100);
        assertThat(acks.value(0)).isEqualTo(0xA ^ joined.edge(0));
        assertThat(acks.root(1)).isEqualTo(200);
        assertThat(acks.value(1)).isEqualTo(0xB ^ joined.edge(1));
    }

    @Test
    void when_a_join_emits_from_two_inputs_of_one_root_then_the_child_carries_one_edge_cancelling_both() {
        AnchoredInput left = new AnchoredInput();
        AnchoredInput right = new AnchoredInput();
        left.reset(100, 0xA);
        right.reset(100, 0xB);
        Anchors joined = new Anchors();
        left.anchor(joined, ids);
        right.anchor(joined, ids);
        left.ack(acks, OPERATOR);
        right.ack(acks, OPERATOR);

        assertThat(joined.size()).isEqualTo(1);
        // The two acks and the child's own edge reported back: A ^ B, the two input edges, is what is left.
        assertThat(acks.value(0) ^ acks.value(1) ^ joined.edge(0)).isEqualTo(0xA ^ 0xB);
    }

    @Test
    void when_an_input_of_several_roots_is_failed_or_anchored_then_every_root_is_told() {
        Anchors input = new Anchors();
        input.add(100, 0xA);
        input.add(200, 0xB);
        AnchoredInput anchored = new AnchoredInput();
        anchored.reset(input);
        Anchors child = new Anchors();
        anchored.anchor(child, ids);
        anchored.fail(acks, OPERATOR);

        assertThat(child.size()).isEqualTo(2);
        assertThat(child.edge(0)).isEqualTo(child.edge(1));
        assertThat(acks.size()).isEqualTo(2);
        assertThat(acks.kind(0)).isEqualTo(AckKind.FAIL);
        assertThat(List.of(acks.root(0), acks.root(1))).containsExactly(100L, 200L);
    }

    @Test
    void when_a_source_record_is_registered_then_the_init_carries_the_xor_of_its_first_edges() {
        AnchoredInput source = new AnchoredInput();
        source.resetRoot(300);
        Anchors first = new Anchors();
        Anchors second = new Anchors();
        source.anchor(first, ids);
        source.anchor(second, ids);
        source.init(acks, 9);

        assertThat(acks.kind(0)).isEqualTo(AckKind.INIT);
        assertThat(acks.value(0)).isEqualTo(first.edge(0) ^ second.edge(0));
        assertThat(acks.task(0)).isEqualTo(9);
    }

    @Test
    void when_init_is_called_on_an_operator_input_then_it_is_refused() {
        AnchoredInput input = new AnchoredInput();
        input.reset(100, 0xA);
        assertThatThrownBy(() -> input.init(acks, 9)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resetRoot");
    }
}
