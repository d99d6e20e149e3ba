package io.shepherd.cli.demo;

import io.shepherd.api.StreamEnvironment;

/**
 * The demo's job: seeded transfers are split into a debit and a credit leg, keyed by account,
 * applied to a running balance in keyed state, and every applied leg is recorded by the sink.
 *
 * <pre>
 * transfers ──flatMap──▶ legs ──keyBy(account)──▶ balances (ValueState&lt;Long&gt;) ──▶ applied-legs
 * </pre>
 *
 * Operators carry uids, so their state keeps its identity across checkpoints and savepoints. The
 * source is replayable (its position is operator state) and the sink commits in two phases, so with
 * aligned or unaligned checkpoints every leg reaches the ledger exactly once through failures. In ack
 * mode the source emits a transfer again when its tree fails or times out, so no leg is lost, but the
 * leg that had already been applied is applied again.
 */
public final class BankTransfers {
    public static final String JOB_NAME = "bank-transfers";
    static final String SOURCE = "transfers";
    static final String SPLIT = "split-legs";
    static final String BALANCES = "balances";
    static final String SINK = "applied-legs";

    private BankTransfers() {}

    /** Adds the job to {@code env}; the sink records into {@code ledger}, and {@code failures} may fail any task. */
    public static void build(StreamEnvironment env, DemoSpec spec, LegLedger ledger, FailureInjector failures) {
        env.fromSource(new TransferSource(spec.seed(), spec.accounts(), spec.transfers(), failures.id()), SOURCE)
                .uid(SOURCE)
                .flatMap(new SplitIntoLegs(failures.id()))
                .name(SPLIT)
                .uid(SPLIT)
                .keyBy(Leg::account)
                .process(new BalanceFunction(spec.openingBalance(), failures.id()))
                .name(BALANCES)
                .uid(BALANCES)
                .sink(new AppliedLegsSink(ledger.id(), failures.id()))
                .name(SINK)
                .uid(SINK);
    }
}
