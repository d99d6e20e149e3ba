package io.shepherd.runtime.ack;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random tuple trees of a few roots, processed by simulated operators through {@link AnchoredInput}: chains,
 * fan-outs, leaves that emit nothing, and fan-ins where one record is anchored to two inputs of the same or
 * of different roots. What comes out is every message the ackers would get, in the order they were made.
 */
final class RandomTrees {
    static final int SOURCE = 1;

    /** One message to the ledger, as a value. */
    record Message(AckKind kind, long root, long value, int task) {
        void applyTo(AckerLedger ledger, long nowNs, VerdictSink out) {
            switch (kind) {
                case INIT -> ledger.onInit(root, value, task, nowNs, out);
                case ACK -> ledger.onAck(root, value, task, nowNs, out);
                case FAIL -> ledger.onFail(root, task, nowNs, out);
                case PROBE -> ledger.onProbe(root, task, out);
            }
        }
    }

    private RandomTrees() {}

    /** The messages of {@code roots} trees of up to about {@code maxRecords} records in all. */
    static List<Message> generate(SplittableRandom random, int roots, int maxRecords) {
        AckIds ids = new AckIds(random.split());
        AckBatch batch = new AckBatch(64);
        List<Anchors> toProcess = new ArrayList<>();
        for (int r = 0; r < roots; r++) {
            AnchoredInput source = new AnchoredInput();
            source.resetRoot(ids.next());
            // A source may emit nothing for a root (a record its reader skipped): the init alone completes it.
            int first = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < first; i++) {
                toProcess.add(child(source, ids));
            }
            source.init(batch, SOURCE);
        }
        int made = toProcess.size();
        while (!toProcess.isEmpty()) {
            AnchoredInput input = take(toProcess, random);
            int operator = 10 + random.nextInt(5);
            if (!toProcess.isEmpty() && random.nextInt(4) == 0) {
                // Fan-in: one output anchored to this input and another one, as a join would emit it.
                AnchoredInput other = take(toProcess, random);
                Anchors joined = new Anchors();
                input.anchor(joined, ids);
                other.anchor(joined, ids);
                toProcess.add(joined);
                made++;
                other.ack(batch, operator);
            } else {
                int children = made >= maxRecords ? 0 : random.nextInt(4);
                for (int i = 0; i < children; i++) {
                    toProcess.add(child(input, ids));
                }
                made += children;
            }
            input.ack(batch, operator);
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            messages.add(new Message(batch.kind(i), batch.root(i), batch.value(i), batch.task(i)));
        }
        return messages;
    }

    private static Anchors child(AnchoredInput parent, AckIds ids) {
        Anchors anchors = new Anchors();
        parent.anchor(anchors, ids);
        return anchors;
    }

    private static AnchoredInput take(List<Anchors> records, SplittableRandom random) {
        AnchoredInput input = new AnchoredInput();
        input.reset(records.remove(random.nextInt(records.size())));
        return input;
    }
}
