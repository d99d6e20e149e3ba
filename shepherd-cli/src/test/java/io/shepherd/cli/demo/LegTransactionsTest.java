package io.shepherd.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LegTransactionsTest {
    private static final long OPENING = 1_000;

    @Test
    void when_legs_are_staged_then_the_ledger_sees_them_only_once_committed() {
        try (LegLedger ledger = LegLedger.open(10, 4, OPENING)) {
            LegTransaction transaction = ledger.transactions().stage(0, batch(leg(0, 1, 990), leg(1, 2, 1_010)));

            assertThat(ledger.legsApplied()).isZero();
            assertThat(ledger.finalBalance(1)).isEqualTo(OPENING);
            ledger.transactions().commit(transaction);

            assertThat(ledger.legsApplied()).isEqualTo(2);
            assertThat(ledger.wasApplied(0)).isTrue();
            assertThat(ledger.finalBalance(1)).isEqualTo(990);
            assertThat(ledger.finalBalance(2)).isEqualTo(1_010);
            assertThat(transaction.legs()).isEqualTo(2);
        }
    }

    @Test
    void when_a_transaction_is_committed_again_then_nothing_is_applied_twice() {
        try (LegLedger ledger = LegLedger.open(10, 4, OPENING)) {
            LegTransaction transaction = ledger.transactions().stage(0, batch(leg(4, 3, 995)));
            ledger.transactions().commit(transaction);
            ledger.transactions().commit(transaction);

            assertThat(ledger.legsApplied()).isEqualTo(1);
            assertThat(ledger.extraApplications()).isZero();
        }
    }

    @Test
    void when_a_subtask_aborts_then_only_its_uncommitted_batches_go() {
        try (LegLedger ledger = LegLedger.open(10, 4, OPENING)) {
            LegTransactions transactions = ledger.transactions();
            LegTransaction committed = transactions.stage(0, batch(leg(0, 1, 990)));
            transactions.commit(committed);
            LegTransaction abandoned = transactions.stage(0, batch(leg(2, 1, 980)));
            LegTransaction otherSubtask = transactions.stage(1, batch(leg(3, 2, 1_020)));

            transactions.abortStaged(0);

            assertThat(transactions.stagedCount()).isEqualTo(1);
            transactions.commit(otherSubtask);
            transactions.commit(committed);
            assertThat(ledger.wasApplied(2)).isFalse();
            assertThat(ledger.legsApplied()).isEqualTo(2);
            assertThatThrownBy(() -> transactions.commit(abandoned))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot commit " + abandoned)
                    .hasMessageContaining("its 1 legs are lost");
        }
    }

    @Test
    void when_a_batch_outgrows_its_first_arrays_then_every_leg_is_kept_in_order() {
        try (LegLedger ledger = LegLedger.open(5_000, 3, OPENING)) {
            LegBatch batch = new LegBatch();
            for (long legId = 0; legId < 10_000; legId++) {
                batch.add(leg(legId, (int) (legId % 3), legId));
            }
            ledger.transactions().commit(ledger.transactions().stage(0, batch));

            assertThat(ledger.legsApplied()).isEqualTo(10_000);
            assertThat(ledger.finalBalance(0)).isEqualTo(9_999);
            assertThat(ledger.finalBalance(2)).isEqualTo(9_998);
        }
    }

    private static AppliedLeg leg(long legId, int account, long balanceAfter) {
        return new AppliedLeg(legId, account, balanceAfter);
    }

    private static LegBatch batch(AppliedLeg... legs) {
        LegBatch batch = new LegBatch();
        for (AppliedLeg leg : legs) {
            batch.add(leg);
        }
        return batch;
    }
}
