package io.shepherd.runtime.ack;

import java.util.ArrayList;
import java.util.List;

/** One verdict as a value, for assertions. */
record Verdict(VerdictKind kind, long root, int owner, int operator) {

    static Verdict completed(long root, int owner) {
        return new Verdict(VerdictKind.COMPLETED, root, owner, AckerLedger.NO_OPERATOR);
    }

    static Verdict failed(long root, int owner) {
        return new Verdict(VerdictKind.FAILED, root, owner, AckerLedger.NO_OPERATOR);
    }

    static Verdict timedOut(long root, int owner, int operator) {
        return new Verdict(VerdictKind.TIMED_OUT, root, owner, operator);
    }

    /** Takes every verdict out of {@code batch}, clearing it. */
    static List<Verdict> drain(VerdictBatch batch) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            verdicts.add(new Verdict(batch.kind(i), batch.root(i), batch.owner(i), batch.operator(i)));
        }
        batch.clear();
        return verdicts;
    }
}
