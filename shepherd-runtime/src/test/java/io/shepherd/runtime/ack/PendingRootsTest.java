package io.shepherd.runtime.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A source subtask's pending roots (DESIGN.md part 3; docs/ack-mode.md, "Source"). */
class PendingRootsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int OWNER = 3;
    private static final AckConfig CONFIG = AckConfig.DEFAULT.withMaxPending(3).withMaxUncommitted(5)
            .withBackstopNs(100 * MS).withProbeRetryNs(20 * MS);

    private final PendingRoots pending = new PendingRoots(OWNER, CONFIG, 0, new AckIds(7), 0);
    private final AckBatch probes = new AckBatch(4);

    @Test
    void when_max_pending_roots_are_in_flight_then_the_source_may_not_emit_until_one_completes() {
        long first = pending.emit(0, "a", 0);
        pending.emit(1, "b", 0);
        pending.emit(2, "c", 0);

        assertThat(pending.canEmit()).isFalse();
        assertThatThrownBy(() -> pending.emit(3, "d", 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 roots pending (max 3)");

        pending.onCompleted(first, MS);
        assertThat(pending.canEmit()).isTrue();
        assertThat(pending.pending()).isEqualTo(2);
    }

    @Test
    void when_roots_complete_out_of_order_then_the_committed_position_is_the_first_unfinished_one() {
        long a = pending.emit(10, "a", 0);
        long b = pending.emit(11, "b", 0);
        long c = pending.emit(12, "c", 0);

        pending.onCompleted(b, MS);
        pending.onCompleted(c, MS);
        assertThat(pending.committedPosition()).isEqualTo(0);

        pending.onCompleted(a, MS);
        assertThat(pending.committedPosition()).isEqualTo(13);
    }

    @Test
    void when_one_root_is_stuck_then_the_source_stops_at_max_uncommitted_even_under_max_pending() {
        pending.emit(0, "stuck", 0);
        for (int position = 1; position < 5; position++) {
            pending.onCompleted(pending.emit(position, "r" + position, 0), MS);
        }
        assertThat(pending.pending()).isEqualTo(1);
        assertThat(pending.canEmit()).as("five records sit past the committed position").isFalse();
    }

    @Test
    void when_a_root_fails_then_its_record_is_replayed_under_a_fresh_root_and_the_old_root_is_ignored() {
        long root = pending.emit(0, "a", 0);
        pending.onFailed(root);
        assertThat(pending.hasReplay()).isTrue();
        assertThat(pending.pending()).as("a record waiting for its replay still counts").isEqualTo(1);

        long replay = pending.replayNext(5 * MS);
        assertThat(replay).isNotEqualTo(root).isNotZero();
        assertThat(pending.recordOf(replay)).isEqualTo("a");
        assertThat(pending.positionOf(replay)).isZero();
        assertThat(pending.attemptsOf(replay)).isEqualTo(2);
        assertThat(pending.replayNext(5 * MS)).isEqualTo(PendingRoots.NO_ROOT);

        pending.onCompleted(root, 6 * MS);
        assertThat(pending.pending()).as("a late verdict for the old root").isEqualTo(1);
        pending.onCompleted(replay, 7 * MS);
        assertThat(pending.pending()).isZero();
        assertThat(pending.counters().replayed).isEqualTo(1);
        assertThat(pending.counters().ignoredVerdicts).isEqualTo(1);
        assertThat(pending.committedPosition()).isEqualTo(1);
        // From the replay's emit (5 ms) to its completion (7 ms), within the histogram's precision.
        var latency = pending.counters().completeLatencyUs;
        assertThat(latency.getTotalCount()).isEqualTo(1);
        assertThat(latency.valuesAreEquivalent(latency.getMaxValue(), 2_000)).isTrue();
    }

    @Test
    void when_verdicts_come_in_a_batch_then_each_is_applied_and_the_timeout_names_the_operator() {
        long a = pending.emit(0, "a", 0);
        long b = pending.emit(1, "b", 0);
        long c = pending.emit(2, "c", 0);
        VerdictBatch verdicts = new VerdictBatch(2);
        verdicts.completed(a, OWNER);
        verdicts.timedOut(b, OWNER, 42);
        verdicts.unknown(c, OWNER);
        verdicts.completed(a, OWNER);

        pending.accept(verdicts, MS);

        SourceAckCounters counters = pending.counters();
        assertThat(counters.completed).isEqualTo(1);
        assertThat(counters.timedOut).isEqualTo(1);
        assertThat(counters.lastTimeoutOperator).isEqualTo(42);
        assertThat(counters.unknownToAcker).isEqualTo(1);
        assertThat(counters.ignoredVerdicts).isEqualTo(1);
        assertThat(pending.recordOf(pending.replayNext(MS))).isEqualTo("b");
        assertThat(pending.recordOf(pending.replayNext(MS))).isEqualTo("c");
    }

    @Test
    void when_nothing_is_heard_of_a_root_for_the_backstop_then_its_acker_is_probed_until_it_answers() {
        long root = pending.emit(0, "a", 0);
        pending.expire(99 * MS, probes);
        assertThat(probes.isEmpty()).isTrue();

        pending.expire(110 * MS, probes);
        assertThat(probes.size()).isEqualTo(1);
        assertThat(probes.kind(0)).isEqualTo(AckKind.PROBE);
        assertThat(probes.root(0)).isEqualTo(root);
        assertThat(probes.task(0)).isEqualTo(OWNER);
        assertThat(pending.stateOf(root)).isEqualTo(PendingState.PROBING);

        // The answer is lost: probe again after the retry time.
        probes.clear();
        pending.expire(135 * MS, probes);
        assertThat(probes.size()).isEqualTo(1);
    }

    @Test
    void when_the_acker_says_a_slow_tree_is_alive_then_it_is_not_replayed_and_the_wait_starts_over() {
        long root = pending.emit(0, "a", 0);
        pending.expire(110 * MS, probes);
        pending.onAlive(root, 115 * MS);
        probes.clear();

        pending.expire(200 * MS, probes);
        assertThat(probes.isEmpty()).as("heard of it at 115 ms; the next probe is due at 215 ms").isTrue();
        assertThat(pending.stateOf(root)).isEqualTo(PendingState.IN_FLIGHT);
        pending.expire(220 * MS, probes);
        assertThat(probes.size()).isEqualTo(1);
        assertThat(pending.hasReplay()).isFalse();
    }

    @Test
    void when_the_acker_does_not_know_a_probed_root_then_the_record_is_replayed() {
        long root = pending.emit(0, "a", 0);
        pending.expire(110 * MS, probes);
        pending.onUnknown(root);

        assertThat(pending.hasReplay()).isTrue();
        assertThat(pending.stateOf(root)).isNull();
        // A replayed record is not probed under its old root any more.
        probes.clear();
        pending.expire(500 * MS, probes);
        assertThat(probes.isEmpty()).isTrue();
    }
}
