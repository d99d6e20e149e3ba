package io.shepherd.cli.demo;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;

/**
 * Records every applied leg in the run's {@link LegLedger}. The sink carries only the ledger's id:
 * each subtask's writer is a deserialized copy and finds the ledger in the process-wide registry.
 */
public final class AppliedLegsSink implements Sink<AppliedLeg> {
    private final String ledgerId;

    public AppliedLegsSink(String ledgerId) {
        this.ledgerId = ledgerId;
    }

    @Override
    public SinkWriter<AppliedLeg> createWriter(FunctionContext context) {
        LegLedger ledger = LegLedger.lookup(ledgerId);
        return ledger::record;
    }
}
