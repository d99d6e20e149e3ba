package io.shepherd.cli.demo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;

/**
 * What the demo's sink saw: which legs were applied (once or more often), legs it should never have
 * seen, and each account's balance after the last leg applied to it.
 *
 * <p>Legs reach it through {@linkplain #transactions() transactions}: the sink stages what it wrote
 * when a checkpoint passes, and the staged legs are recorded here only when that checkpoint's
 * commit makes them visible, so a failure never shows legs that the restore will replay.
 *
 * <p>Sink writers are deserialized copies, one per subtask, so they cannot hold a ledger
 * themselves: ledgers live in a process-wide {@link Registry} ({@link #open}, {@link #lookup})
 * under an id the sink carries.
 *
 * <p>Memory is two bits per leg (applied, applied again) and one long per account, so millions of
 * transfers fit in a few megabytes while the lists of lost and doubled legs stay exact. Thread-safe.
 *
 * <p>The final balances rely on the job's shape: all legs of an account go through one balance
 * subtask, in order, and on to the sink subtask it is chained to, whose commits come in checkpoint
 * order, so the last write per account is the state's final value.
 */
public final class LegLedger implements AutoCloseable {
    private static final Registry<LegLedger> OPEN = new Registry<>("leg ledger");

    private final String id;
    private final long legsExpected;
    private final ConcurrentBitSet applied;
    private final ConcurrentBitSet doubled;
    private final AtomicLong extraApplications = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLongArray finalBalances;
    private final LegTransactions transactions = new LegTransactions(this);

    private LegLedger(String id, long transfers, int accounts, long openingBalance) {
        this.id = id;
        this.legsExpected = transfers * 2;
        this.applied = new ConcurrentBitSet(legsExpected);
        this.doubled = new ConcurrentBitSet(legsExpected);
        this.finalBalances = new AtomicLongArray(accounts);
        for (int account = 0; account < accounts; account++) {
            finalBalances.set(account, openingBalance);
        }
    }

    /** A new ledger for a run of {@code transfers} transfers, registered until {@link #close}. */
    public static LegLedger open(long transfers, int accounts, long openingBalance) {
        return OPEN.register(id -> new LegLedger(id, transfers, accounts, openingBalance));
    }

    /** The open ledger with this id; a sink writer's way back to it. */
    public static LegLedger lookup(String id) {
        return OPEN.lookup(id);
    }

    public String id() {
        return id;
    }

    /** Where the sink stages legs until they are committed into this ledger. */
    public LegTransactions transactions() {
        return transactions;
    }

    /** Records that a leg was applied and left its account at {@code balanceAfter}. */
    public void record(AppliedLeg leg) {
        record(leg.legId(), leg.account(), leg.balanceAfter());
    }

    /** Records that leg {@code legId} was applied and left {@code account} at {@code balanceAfter}. */
    public void record(long legId, int account, long balanceAfter) {
        if (legId < 0 || legId >= legsExpected || account < 0 || account >= finalBalances.length()) {
            unexpected.incrementAndGet();
            return;
        }
        if (!applied.add(legId)) {
            doubled.add(legId);
            extraApplications.incrementAndGet();
        }
        finalBalances.set(account, balanceAfter);
    }

    public long legsExpected() {
        return legsExpected;
    }

    /** Every application recorded, doubles and unexpected legs included. */
    public long legsApplied() {
        return applied.cardinality() + extraApplications.get() + unexpected.get();
    }

    /** Applications beyond the first of the same leg. */
    public long extraApplications() {
        return extraApplications.get();
    }

    /** Legs that do not belong to the run (an id or account out of range). */
    public long unexpectedLegs() {
        return unexpected.get();
    }

    public boolean wasApplied(long legId) {
        return applied.contains(legId);
    }

    /** Each expected leg that was never applied, in id order. */
    public void forEachLost(LongConsumer action) {
        for (long legId = applied.nextClearBit(0); legId >= 0; legId = applied.nextClearBit(legId + 1)) {
            action.accept(legId);
        }
    }

    /** Each leg applied more than once, in id order. */
    public void forEachDoubled(LongConsumer action) {
        for (long legId = doubled.nextSetBit(0); legId >= 0; legId = doubled.nextSetBit(legId + 1)) {
            action.accept(legId);
        }
    }

    public int accounts() {
        return finalBalances.length();
    }

    /** The balance the last applied leg left the account at; the opening balance if none was. */
    public long finalBalance(int account) {
        return finalBalances.get(account);
    }

    /** Unregisters the ledger; sinks that still write to it fail. */
    @Override
    public void close() {
        OPEN.remove(id);
    }
}
