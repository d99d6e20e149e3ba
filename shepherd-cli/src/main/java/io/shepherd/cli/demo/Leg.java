package io.shepherd.cli.demo;

import java.io.Serializable;

/**
 * One side of a transfer, applied to one account: the debit takes the amount from {@code from},
 * the credit adds it to {@code to}. A transfer is whole only when both of its legs are applied.
 *
 * @param txId the transfer this leg belongs to
 * @param side {@link #DEBIT} or {@link #CREDIT}
 * @param account the account the leg changes
 * @param delta the change of that account's balance: negative for a debit
 */
public record Leg(long txId, int side, int account, long delta) implements Serializable {
    public static final int DEBIT = 0;
    public static final int CREDIT = 1;

    /** The leg's id, unique in a run: {@code txId * 2 + side}. */
    public long id() {
        return id(txId, side);
    }

    public static long id(long txId, int side) {
        return txId * 2 + side;
    }

    /** How a leg id reads to a person: {@code "tx 42 debit"}. */
    public static String describe(long legId) {
        return "tx " + (legId >> 1) + ((legId & 1) == DEBIT ? " debit" : " credit");
    }
}
