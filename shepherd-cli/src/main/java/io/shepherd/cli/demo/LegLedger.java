package io.shepherd.cli.demo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;

/**
 * What the demo's sink saw: which legs were applied (once or more often), legs it should never have
 * seen, and each account's balance after the last leg applied to it.
 *
 * <p>Sink writers are deserialized copies, one per subtask, so they cannot hold a ledger
 * themselves: ledgers live in a process-wide registry ({@link #open}, {@link #lookup}) under an id
 * the sink carries, like {@code CollectSink}'s results. That limits the demo to the embedded engine.
 *
 * <p>Memory is two bits per leg (applied, applied again) and one long per account, so millions of
 * transfers fit in a few megabytes while the lists of lost and doubled legs stay exact. Thread-safe.
 *
 * <p>The final balances rely on the job's shape: all legs of an account go through one balance
 * subtask, in order, and on to the sink subtask it is chained to, so the last write per account is
 * the state's final value.
 */
public final class LegLedger implements AutoCloseable {
    private static final ConcurrentHashMap<String, LegLedger> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong();

    private final String id;
    private final long legsExpected;
    private final ConcurrentBitSet applied;
    private final ConcurrentBitSet doubled;
    private final AtomicLong extraApplications = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLongArray finalBalances;

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
        String id = "ledger-" + NEXT_ID.incrementAndGet();
        LegLedger ledger = new LegLedger(id, transfers, accounts, openingBalance);
        OPEN.put(id, ledger);
        return ledger;
    }

    /** The open ledger with this id; a sink writer's way back to it. */
    public static LegLedger lookup(String id) {
        LegLedger ledger = OPEN.get(id);
        if (ledger == null) {
            throw new IllegalStateException("no open leg ledger '" + id + "' in this JVM: the demo's sink records"
                    + " into memory and runs only on the embedded engine, while its run is open");
        }
        return ledger;
    }

    public String id() {
        return id;
    }

    /** Records that a leg was applied and left its account at {@code balanceAfter}. */
    public void record(AppliedLeg leg) {
        long legId = leg.legId();
        if (legId < 0 || legId >= legsExpected || leg.account() < 0 || leg.account() >= finalBalances.length()) {
            unexpected.incrementAndGet();
            return;
        }
        if (!applied.add(legId)) {
            doubled.add(legId);
            extraApplications.incrementAndGet();
        }
        finalBalances.set(leg.account(), leg.balanceAfter());
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
