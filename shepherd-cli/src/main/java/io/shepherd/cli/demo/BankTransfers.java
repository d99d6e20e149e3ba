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
 * Operators carry uids, so their state keeps its identity across checkpoints and savepoints.
 */
public final class BankTransfers {
    public static final String JOB_NAME = "bank-transfers";

    private BankTransfers() {}

    /** Adds the job to {@code env}; the sink records into {@code ledger}. */
    public static void build(StreamEnvironment env, DemoSpec spec, LegLedger ledger) {
        env.fromSource(new TransferSource(spec.seed(), spec.accounts(), spec.transfers()), "transfers")
                .uid("transfers")
                .flatMap(new SplitIntoLegs())
                .name("split-legs")
                .uid("split-legs")
                .keyBy(Leg::account)
                .process(new BalanceFunction(spec.openingBalance()))
                .name("balances")
                .uid("balances")
                .sink(new AppliedLegsSink(ledger.id()))
                .name("applied-legs")
                .uid("applied-legs");
    }
}
