package io.shepherd.cli.demo;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * Feeds a ledger the way a correct run would (every leg once, with the balance it leaves), except
 * where a test says to drop or double a leg: the tampered results the verifier must catch.
 */
final class LedgerFeeds {
    private LedgerFeeds() {}

    /**
     * @param drop leg ids not to record
     * @param twice leg ids to record a second time (applied to the balance again, as a replay would)
     */
    static void feed(DemoSpec spec, LegLedger ledger, LongPredicate drop, LongPredicate twice) {
        long[] balances = new long[spec.accounts()];
        Arrays.fill(balances, spec.openingBalance());
        for (long txId = 0; txId < spec.transfers(); txId++) {
            Transfer transfer = TransferGenerator.transfer(spec.seed(), spec.accounts(), txId);
            apply(ledger, balances, new Leg(txId, Leg.DEBIT, transfer.from(), -transfer.amount()), drop, twice);
            apply(ledger, balances, new Leg(txId, Leg.CREDIT, transfer.to(), transfer.amount()), drop, twice);
        }
    }

    private static void apply(LegLedger ledger, long[] balances, Leg leg, LongPredicate drop, LongPredicate twice) {
        if (drop.test(leg.id())) {
            return;
        }
        int times = twice.test(leg.id()) ? 2 : 1;
        for (int i = 0; i < times; i++) {
            balances[leg.account()] += leg.delta();
            ledger.record(new AppliedLeg(leg.id(), leg.account(), balances[leg.account()]));
        }
    }
}
