package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.AckBatch;
import io.shepherd.runtime.ack.Anchors;
import io.shepherd.runtime.ack.VerdictBatch;
import java.util.ArrayList;
import java.util.List;

/** What the simulated tasks send each other: records with their anchors, ack batches and verdict batches. */
sealed interface SimMessage {

    /** One anchor of a record, as a value. */
    record Anchor(long root, long edge) {
        @Override
        public String toString() {
            return Long.toHexString(root) + ":" + Long.toHexString(edge);
        }
    }

    /** A data record: its values (a pair operator's output carries two) and its anchors. */
    record Data(List<String> values, List<Anchor> lineage) implements SimMessage {
        static Data of(List<String> values, Anchors anchors) {
            List<Anchor> lineage = new ArrayList<>();
            for (int i = 0; i < anchors.size(); i++) {
                lineage.add(new Anchor(anchors.root(i), anchors.edge(i)));
            }
            return new Data(List.copyOf(values), List.copyOf(lineage));
        }

        Anchors anchors() {
            Anchors anchors = new Anchors();
            lineage.forEach(anchor -> anchors.add(anchor.root(), anchor.edge()));
            return anchors;
        }
    }

    /** Messages for one acker; the batch is never touched again once sent. */
    record ToAcker(AckBatch acks) implements SimMessage {}

    /** Verdicts for one source subtask; the batch is never touched again once sent. */
    record ToSource(VerdictBatch verdicts) implements SimMessage {}
}
