package io.shepherd.cli.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a run's output against a reference computed without the engine: the transfers are
 * regenerated from the seed and applied to plain per-account balances in one loop. It finds every
 * lost and every doubled leg by id, every wrong final balance, and whether money was conserved.
 */
public final class DemoVerifier {
    private DemoVerifier() {}

    public static Verification verify(DemoSpec spec, LegLedger ledger) {
        if (ledger.legsExpected() != spec.legsExpected() || ledger.accounts() != spec.accounts()) {
            throw new IllegalArgumentException("the ledger was opened for " + ledger.legsExpected() / 2
                    + " transfers over " + ledger.accounts() + " accounts, not for " + spec);
        }
        long[] expected = referenceBalances(spec);

        long[] lost = {0};
        List<String> lostLegs = new ArrayList<>();
        ledger.forEachLost(legId -> {
            lost[0]++;
            addExample(lostLegs, Leg.describe(legId));
        });
        List<String> duplicatedLegs = new ArrayList<>();
        ledger.forEachDoubled(legId -> addExample(duplicatedLegs, Leg.describe(legId)));

        long mismatches = 0;
        long finalTotal = 0;
        List<String> mismatchedBalances = new ArrayList<>();
        for (int account = 0; account < spec.accounts(); account++) {
            long actual = ledger.finalBalance(account);
            finalTotal += actual;
            if (actual != expected[account]) {
                mismatches++;
                addExample(mismatchedBalances, "account " + account + ": " + actual + ", expected " + expected[account]);
            }
        }
        long openingTotal = spec.openingBalance() * spec.accounts();
        return new Verification(
                spec.legsExpected(),
                ledger.legsApplied(),
                lost[0],
                ledger.extraApplications(),
                ledger.unexpectedLegs(),
                mismatches,
                finalTotal - openingTotal,
                lostLegs,
                duplicatedLegs,
                mismatchedBalances);
    }

    /** Every account's balance after all transfers, computed in a plain loop from the seed. */
    static long[] referenceBalances(DemoSpec spec) {
        long[] balances = new long[spec.accounts()];
        Arrays.fill(balances, spec.openingBalance());
        for (long txId = 0; txId < spec.transfers(); txId++) {
            Transfer transfer = TransferGenerator.transfer(spec.seed(), spec.accounts(), txId);
            balances[transfer.from()] -= transfer.amount();
            balances[transfer.to()] += transfer.amount();
        }
        return balances;
    }

    private static void addExample(List<String> examples, String example) {
        if (examples.size() < Verification.EXAMPLES) {
            examples.add(example);
        }
    }
}
