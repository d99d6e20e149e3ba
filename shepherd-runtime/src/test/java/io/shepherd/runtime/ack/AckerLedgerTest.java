package io.shepherd.runtime.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The acker's ledger, message by message (DESIGN.md part 3; docs/ack-mode.md, "Acker"). */
class AckerLedgerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long TIMEOUT_NS = 100 * MS;
    private static final int SOURCE = 7;
    private static final int MAP = 20;
    private static final int SINK = 30;
    private static final long ROOT = 0x1234_5678_9ABC_DEF0L;

    private final AckerLedger ledger = new AckerLedger(AckConfig.DEFAULT.withTreeTimeoutNs(TIMEOUT_NS), 4, 0);
    private final VerdictBatch out = new VerdictBatch(4);

    @Test
    void when_every_edge_of_a_chain_is_acked_then_the_root_completes_and_is_forgotten() {
        ledger.onInit(ROOT, 0xA, SOURCE, 0, out);
        ledger.onAck(ROOT, 0xA ^ 0xB, MAP, MS, out);
        assertThat(Verdict.drain(out)).isEmpty();

        ledger.onAck(ROOT, 0xB, SINK, 2 * MS, out);

        assertThat(Verdict.drain(out)).containsExactly(Verdict.completed(ROOT, SOURCE));
        assertThat(ledger.size()).isZero();
        assertThat(ledger.counters().completed).isEqualTo(1);
    }

    @Test
    void when_acks_overtake_the_init_then_the_root_completes_only_once_the_init_arrives() {
        ledger.onAck(ROOT, 0xA ^ 0xB, MAP, 0, out);
        ledger.onAck(ROOT, 0xB, SINK, MS, out);
        assertThat(ledger.state(ROOT)).isEqualTo(LedgerState.AWAITING_INIT);
        assertThat(Verdict.drain(out)).isEmpty();

        ledger.onInit(ROOT, 0xA, SOURCE, 2 * MS, out);

        assertThat(Verdict.drain(out)).containsExactly(Verdict.completed(ROOT, SOURCE));
    }

    @Test
    void when_a_whole_fan_out_is_acked_before_the_init_then_it_waits_for_the_init_to_complete() {
        // Record B fans out to C and D; all three acks beat the source's init to the acker.
        ledger.onAck(ROOT, 0xC, SINK, 0, out);
        ledger.onAck(ROOT, 0xB ^ 0xC ^ 0xD, MAP, 0, out);
        ledger.onAck(ROOT, 0xD, SINK, 0, out);
        assertThat(Verdict.drain(out)).isEmpty();
        assertThat(ledger.state(ROOT)).isEqualTo(LedgerState.AWAITING_INIT);

        ledger.onInit(ROOT, 0xB, SOURCE, MS, out);

        assertThat(Verdict.drain(out)).containsExactly(Verdict.completed(ROOT, SOURCE));
    }

    @Test
    void when_a_source_emits_no_record_for_a_root_then_the_init_completes_it_at_once() {
        ledger.onInit(ROOT, 0, SOURCE, 0, out);

        assertThat(Verdict.drain(out)).containsExactly(Verdict.completed(ROOT, SOURCE));
    }

    @Test
    void when_an_operator_fails_a_record_then_the_root_fails_at_once_and_its_late_acks_expire_unreported() {
        ledger.onInit(ROOT, 0xA ^ 0xB, SOURCE, 0, out);
        ledger.onFail(ROOT, MAP, MS, out);
        assertThat(Verdict.drain(out)).containsExactly(Verdict.failed(ROOT, SOURCE));
        assertThat(ledger.size()).isZero();

        ledger.onAck(ROOT, 0xB, SINK, 2 * MS, out);
        assertThat(ledger.state(ROOT)).isEqualTo(LedgerState.AWAITING_INIT);

        ledger.expire(2 * MS + TIMEOUT_NS + TIMEOUT_NS / 10, out);
        assertThat(Verdict.drain(out)).isEmpty();
        assertThat(ledger.size()).isZero();
        assertThat(ledger.counters().expiredWithoutInit).isEqualTo(1);
    }

    @Test
    void when_a_fail_overtakes_the_init_then_the_root_fails_when_the_init_says_whom_to_tell() {
        ledger.onFail(ROOT, MAP, 0, out);
        ledger.onAck(ROOT, 0xB, SINK, 0, out);
        assertThat(ledger.state(ROOT)).isEqualTo(LedgerState.FAILED_BEFORE_INIT);

        ledger.onInit(ROOT, 0xA, SOURCE, MS, out);

        assertThat(Verdict.drain(out)).containsExactly(Verdict.failed(ROOT, SOURCE));
        assertThat(ledger.size()).isZero();
    }

    @Test
    void when_a_tree_keeps_acking_slower_than_the_timeout_overall_then_it_is_not_timed_out() {
        ledger.onInit(ROOT, 0xA, SOURCE, 0, out);
        long nowNs = 0;
        long edge = 0xA;
        // Ten hops, each 80% of the timeout: the tree lives eight timeouts, progressing all along.
        for (int hop = 1; hop <= 10; hop++) {
            nowNs += TIMEOUT_NS * 8 / 10;
            ledger.expire(nowNs, out);
            long child = 0xA + hop;
            ledger.onAck(ROOT, edge ^ child, MAP + hop, nowNs, out);
            edge = child;
        }
        ledger.onAck(ROOT, edge, SINK, nowNs, out);

        assertThat(Verdict.drain(out)).containsExactly(Verdict.completed(ROOT, SOURCE));
        assertThat(ledger.counters().timedOut).isZero();
    }

    @Test
    void when_no_ack_arrives_for_the_timeout_then_the_root_times_out_naming_the_operator_that_acked_last() {
        ledger.onInit(ROOT, 0xA, SOURCE, 0, out);
        ledger.onAck(ROOT, 0xA ^ 0xB, MAP, 50 * MS, out);

        ledger.expire(50 * MS + TIMEOUT_NS - 1, out);
        assertThat(Verdict.drain(out)).isEmpty();

        // The wheel may report up to one tick late; well within a tenth of the timeout.
        ledger.expire(50 * MS + TIMEOUT_NS + TIMEOUT_NS / 10, out);
        assertThat(Verdict.drain(out)).containsExactly(Verdict.timedOut(ROOT, SOURCE, MAP));
        assertThat(ledger.size()).isZero();
    }

    @Test
    void when_a_source_probes_then_only_an_initialized_ledger_is_alive() {
        long early = ROOT + 1;
        long unseen = ROOT + 2;
        ledger.onInit(ROOT, 0xA, SOURCE, 0, out);
        ledger.onAck(early, 0xB, MAP, 0, out);

        ledger.onProbe(ROOT, SOURCE, out);
        ledger.onProbe(early, SOURCE, out);
        ledger.onProbe(unseen, SOURCE, out);

        assertThat(Verdict.drain(out)).extracting(Verdict::kind)
                .containsExactly(VerdictKind.ALIVE, VerdictKind.UNKNOWN, VerdictKind.UNKNOWN);
    }

    @Test
    void when_an_init_arrives_twice_then_the_second_is_ignored() {
        ledger.onInit(ROOT, 0xA, SOURCE, 0, out);
        ledger.onInit(ROOT, 0xA, SOURCE, 0, out);

        assertThat(Verdict.drain(out)).isEmpty();
        assertThat(ledger.counters().duplicateInits).isEqualTo(1);
        ledger.onAck(ROOT, 0xA, SINK, 0, out);
        assertThat(Verdict.drain(out)).containsExactly(Verdict.completed(ROOT, SOURCE));
    }

    @Test
    void when_a_batch_is_accepted_then_its_messages_apply_in_order() {
        AckBatch batch = new AckBatch(1);
        batch.ack(ROOT, 0xA ^ 0xB, MAP);
        batch.init(ROOT, 0xA, SOURCE);
        batch.probe(ROOT, SOURCE);
        batch.ack(ROOT, 0xB, SINK);
        batch.fail(ROOT + 1, MAP);

        ledger.accept(batch, 0, out);

        List<Verdict> verdicts = Verdict.drain(out);
        assertThat(verdicts).extracting(Verdict::kind).containsExactly(VerdictKind.ALIVE, VerdictKind.COMPLETED);
        assertThat(ledger.state(ROOT + 1)).isEqualTo(LedgerState.FAILED_BEFORE_INIT);
    }

    @Test
    void when_thousands_of_roots_are_open_at_once_then_the_ledger_grows_and_closes_them_all() {
        for (long root = 1; root <= 5_000; root++) {
            ledger.onInit(root, root * 31, SOURCE, 0, out);
        }
        assertThat(ledger.size()).isEqualTo(5_000);
        for (long root = 1; root <= 5_000; root++) {
            ledger.onAck(root, root * 31, SINK, MS, out);
        }
        assertThat(Verdict.drain(out)).hasSize(5_000).allMatch(verdict -> verdict.kind() == VerdictKind.COMPLETED);
        assertThat(ledger.size()).isZero();
        assertThat(ledger.nextExpiryNs()).isEqualTo(Long.MAX_VALUE);
    }
}
