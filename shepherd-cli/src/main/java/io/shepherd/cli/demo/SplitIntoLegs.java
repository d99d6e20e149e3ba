package io.shepherd.cli.demo;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FlatMapFunction;

/** Splits a transfer into its debit leg and its credit leg, which may land on different subtasks. */
public final class SplitIntoLegs implements FlatMapFunction<Transfer, Leg> {
    @Override
    public void flatMap(Transfer transfer, Collector<Leg> out) {
        out.collect(new Leg(transfer.txId(), Leg.DEBIT, transfer.from(), -transfer.amount()));
        out.collect(new Leg(transfer.txId(), Leg.CREDIT, transfer.to(), transfer.amount()));
    }
}
