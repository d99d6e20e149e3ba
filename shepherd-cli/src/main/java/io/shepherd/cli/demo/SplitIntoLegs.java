package io.shepherd.cli.demo;

import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FlatMapFunction;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.RichFunction;

/**
 * Splits a transfer into its debit leg and its credit leg, which may land on different subtasks. Before
 * each transfer it lets the run's {@link FailureInjector} fail it.
 */
public final class SplitIntoLegs implements FlatMapFunction<Transfer, Leg>, RichFunction {
    private final String injectorId;
    private transient FailureInjector failures;

    /** @param injectorId the run's {@link FailureInjector} */
    public SplitIntoLegs(String injectorId) {
        this.injectorId = injectorId;
    }

    @Override
    public void open(FunctionContext context) {
        failures = FailureInjector.lookup(injectorId);
    }

    @Override
    public void flatMap(Transfer transfer, Collector<Leg> out) {
        failures.check(FailureSite.SPLIT, transfer.txId());
        out.collect(new Leg(transfer.txId(), Leg.DEBIT, transfer.from(), -transfer.amount()));
        out.collect(new Leg(transfer.txId(), Leg.CREDIT, transfer.to(), transfer.amount()));
    }
}
