package io.shepherd.runtime.ack;

/**
 * Routes each ack message to the batch of the acker that owns its root. Ackers are partitioned by root id,
 * so every message about one tree, from any task, meets in one ledger.
 */
public final class AckRouter implements AckSink {
    private final AckBatch[] batches;

    public AckRouter(int ackers, int batchCapacity) {
        if (ackers < 1) {
            throw new IllegalArgumentException("ack mode needs at least one acker, got " + ackers);
        }
        batches = new AckBatch[ackers];
        for (int i = 0; i < ackers; i++) {
            batches[i] = new AckBatch(batchCapacity);
        }
    }

    /**
     * The acker, in {@code [0, ackers)}, that owns {@code root}. Root ids are uniformly random, so their top
     * 32 bits scaled to the acker count spread roots evenly, with a multiply instead of a division. The
     * ledger's own hash table hashes all 64 bits, so an acker's share of roots still fills its whole table.
     */
    public static int ackerFor(long root, int ackers) {
        return (int) (((root >>> 32) * ackers) >>> 32);
    }

    public int ackers() {
        return batches.length;
    }

    /** The messages gathered for acker {@code acker}; the caller sends and clears it. */
    public AckBatch batch(int acker) {
        return batches[acker];
    }

    /** Hands out acker {@code acker}'s batch, to be sent, and gathers its next messages in {@code empty}. */
    public AckBatch swap(int acker, AckBatch empty) {
        AckBatch full = batches[acker];
        batches[acker] = empty;
        return full;
    }

    @Override
    public void init(long root, long xor, int owner) {
        batches[ackerFor(root, batches.length)].init(root, xor, owner);
    }

    @Override
    public void ack(long root, long xor, int operator) {
        batches[ackerFor(root, batches.length)].ack(root, xor, operator);
    }

    @Override
    public void fail(long root, int operator) {
        batches[ackerFor(root, batches.length)].fail(root, operator);
    }

    @Override
    public void probe(long root, int owner) {
        batches[ackerFor(root, batches.length)].probe(root, owner);
    }
}
