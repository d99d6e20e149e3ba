package io.shepherd.cli.demo;

import java.util.List;

/**
 * What the verifier found, against the reference computed from the seed.
 *
 * @param legsExpected two per transfer
 * @param legsApplied every application the sink recorded, doubles and unexpected legs included
 * @param lost expected legs never applied
 * @param duplicated applications beyond the first of the same leg
 * @param unexpected applied legs that belong to no transfer of the run
 * @param balanceMismatches accounts whose final balance differs from the reference
 * @param moneyDrift the sum of all final balances minus the sum of all opening balances: transfers
 *     only move money, so anything but 0 means money was created or destroyed
 * @param lostLegs the first lost legs, by id ({@link Leg#describe})
 * @param duplicatedLegs the first doubled legs, by id
 * @param mismatchedBalances the first wrong balances, "account N: X, expected Y"
 */
public record Verification(
        long legsExpected,
        long legsApplied,
        long lost,
        long duplicated,
        long unexpected,
        long balanceMismatches,
        long moneyDrift,
        List<String> lostLegs,
        List<String> duplicatedLegs,
        List<String> mismatchedBalances) {

    /** How many examples of each kind of error are kept. */
    public static final int EXAMPLES = 10;

    public Verification {
        lostLegs = List.copyOf(lostLegs);
        duplicatedLegs = List.copyOf(duplicatedLegs);
        mismatchedBalances = List.copyOf(mismatchedBalances);
    }

    /** Whether the output keeps the promise of {@code guarantee}. */
    public boolean satisfies(Guarantee guarantee) {
        if (unexpected != 0) {
            return false;
        }
        return switch (guarantee) {
            case EXACTLY_ONCE -> lost == 0 && duplicated == 0 && balanceMismatches == 0 && moneyDrift == 0;
            case AT_LEAST_ONCE -> lost == 0;
            case AT_MOST_ONCE -> duplicated == 0;
        };
    }
}
