package io.shepherd.cli.demo;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.TwoPhaseCommitSink;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import java.util.List;

/**
 * Records every applied leg in the run's {@link LegLedger}, exactly once through failures: a
 * two-phase-commit sink whose writer buffers legs, stages them in the ledger's
 * {@link LegTransactions} when a checkpoint's barrier passes, and whose committer records them
 * into the ledger when that checkpoint completes. Legs written after the last checkpoint of a
 * failed attempt are never seen; the source replays them. Before each leg the writer lets the
 * run's {@link FailureInjector} fail it.
 *
 * <p>The sink carries only ids: each subtask's writer is a deserialized copy and finds the ledger
 * and the injector in their process-wide registries.
 */
public final class AppliedLegsSink implements TwoPhaseCommitSink<AppliedLeg, LegTransaction> {
    private final String ledgerId;
    private final String injectorId;

    /**
     * @param ledgerId the run's {@link LegLedger}
     * @param injectorId the run's {@link FailureInjector}
     */
    public AppliedLegsSink(String ledgerId, String injectorId) {
        this.ledgerId = ledgerId;
        this.injectorId = injectorId;
    }

    @Override
    public TwoPhaseCommitWriter<AppliedLeg, LegTransaction> createWriter(FunctionContext context) {
        return new Writer(LegLedger.lookup(ledgerId).transactions(), FailureInjector.lookup(injectorId),
                context.subtaskIndex());
    }

    @Override
    public Committer<LegTransaction> createCommitter(FunctionContext context) {
        return new LegCommitter(LegLedger.lookup(ledgerId).transactions(), context.subtaskIndex());
    }

    private static final class Writer implements TwoPhaseCommitWriter<AppliedLeg, LegTransaction> {
        private final LegTransactions transactions;
        private final FailureInjector failures;
        private final int subtask;
        private LegBatch open = new LegBatch();

        Writer(LegTransactions transactions, FailureInjector failures, int subtask) {
            this.transactions = transactions;
            this.failures = failures;
            this.subtask = subtask;
        }

        @Override
        public void write(AppliedLeg leg) {
            failures.check(FailureSite.SINK, leg.txId());
            open.add(leg);
        }

        @Override
        public List<LegTransaction> preCommit(long checkpointId) {
            if (open.isEmpty()) {
                return List.of();
            }
            LegTransaction transaction = transactions.stage(subtask, open);
            open = new LegBatch();
            return List.of(transaction);
        }
    }

    private record LegCommitter(LegTransactions transactions, int subtask) implements Committer<LegTransaction> {
        @Override
        public void commit(List<LegTransaction> committables) {
            committables.forEach(transactions::commit);
        }

        @Override
        public void abortUncommitted() {
            transactions.abortStaged(subtask);
        }
    }
}
