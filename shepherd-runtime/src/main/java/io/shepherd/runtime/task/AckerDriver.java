package io.shepherd.runtime.task;

import io.shepherd.runtime.ack.AckBatch;
import io.shepherd.runtime.ack.AckerCounters;
import io.shepherd.runtime.ack.AckerLedger;
import io.shepherd.runtime.ack.VerdictBatch;
import io.shepherd.runtime.ack.VerdictSink;
import io.shepherd.runtime.channel.BatchExchange;
import java.util.List;

/**
 * An acker task's work (ack mode): takes batches of ack messages from every task, applies them to its
 * {@link AckerLedger}, and sends each verdict to the owner of its root, batched per owner. Ends once every
 * task has ended its exchange.
 *
 * <p>While a verdict batch cannot go (its owner is behind), it takes no more acks: the tasks sending them
 * then stop taking input. Owners read verdicts before anything else on every call, so this never closes a
 * cycle.
 */
final class AckerDriver implements VerdictSink {
    /** Ack batches one call takes at most, so that tasks sharing a thread take turns. */
    private static final int MAX_BATCHES_PER_CALL = 8;

    private final AckerLedger ledger;
    private final List<BatchExchange<AckBatch>> inputs;
    private final List<BatchExchange<VerdictBatch>> outputs;
    private final VerdictBatch[] open;
    private int next;

    /**
     * @param inputs from every task, in task order
     * @param outputs to every owner, by owner id
     */
    AckerDriver(AckerLedger ledger, List<BatchExchange<AckBatch>> inputs, List<BatchExchange<VerdictBatch>> outputs) {
        this.ledger = ledger;
        this.inputs = inputs;
        this.outputs = outputs;
        this.open = new VerdictBatch[outputs.size()];
        for (int owner = 0; owner < open.length; owner++) {
            open[owner] = outputs.get(owner).emptyBatch();
        }
    }

    AckerCounters counters() {
        return ledger.counters();
    }

    /** Returns whether it did any work, or {@link ProgressState#DONE}. */
    ProgressState call(long nowNs) {
        if (!sendVerdicts()) {
            return ProgressState.NO_PROGRESS;
        }
        int taken = 0;
        for (int i = 0; i < inputs.size() && taken < MAX_BATCHES_PER_CALL; i++) {
            BatchExchange<AckBatch> input = inputs.get(next);
            for (AckBatch batch = input.receive(); batch != null; batch = input.receive()) {
                ledger.accept(batch, nowNs, this);
                batch.clear();
                input.recycle(batch);
                if (++taken == MAX_BATCHES_PER_CALL) {
                    break;
                }
            }
            next = next + 1 == inputs.size() ? 0 : next + 1;
        }
        if (ledger.nextExpiryNs() <= nowNs) {
            ledger.expire(nowNs, this);
        }
        boolean sent = sendVerdicts();
        if (taken == 0 && sent && allInputsFinished()) {
            outputs.forEach(BatchExchange::end);
            return ProgressState.DONE;
        }
        return taken > 0 ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
    }

    private boolean allInputsFinished() {
        for (BatchExchange<AckBatch> input : inputs) {
            if (!input.isFinished()) {
                return false;
            }
        }
        return true;
    }

    /** Sends every non-empty verdict batch; true when none is left waiting. */
    private boolean sendVerdicts() {
        boolean clear = true;
        for (int owner = 0; owner < open.length; owner++) {
            VerdictBatch batch = open[owner];
            if (batch.isEmpty()) {
                continue;
            }
            BatchExchange<VerdictBatch> output = outputs.get(owner);
            if (output.send(batch)) {
                open[owner] = output.emptyBatch();
            } else {
                clear = false;
            }
        }
        return clear;
    }

    @Override
    public void completed(long root, int owner) {
        open[owner].completed(root, owner);
    }

    @Override
    public void failed(long root, int owner) {
        open[owner].failed(root, owner);
    }

    @Override
    public void timedOut(long root, int owner, int lastOperator) {
        open[owner].timedOut(root, owner, lastOperator);
    }

    @Override
    public void alive(long root, int owner) {
        open[owner].alive(root, owner);
    }

    @Override
    public void unknown(long root, int owner) {
        open[owner].unknown(root, owner);
    }
}
