package io.shepherd.runtime.ack;

import java.util.Arrays;

/**
 * One input record a task is working on, from its arrival until the task acks or fails it: the input's
 * anchors and, per root, the xor of the edges of the children anchored to it so far.
 *
 * <p>The ack a task owes for an input is, per root, the input's edge xor its children's edges: each child
 * edge then reaches the ledger twice (here, and when the child is acked), and the input edge twice (in its
 * parent's ack, and here). A source record is an input with no edge ({@link #resetRoot}); what it owes is
 * the init, the xor of its first edges.
 *
 * <pre>{@code
 * input.reset(root, edge);                       // a record arrives
 * for (Object child : children) {
 *     childAnchors.clear();
 *     input.anchor(childAnchors, ids);           // one fresh edge per child
 *     emit(child, childAnchors);
 * }
 * input.ack(acks, operatorId);                   // or input.fail(acks, operatorId) if it threw
 * }</pre>
 *
 * <p>Multi-anchoring: a join or an aggregation that emits one record from several held inputs calls
 * {@link #anchor} of each of them on the same child anchors, then acks each input once it is done with it.
 * Reusable, and allocation-free once grown to the widest input; not thread-safe.
 */
public final class AnchoredInput {
    private final Anchors anchors = new Anchors();
    private long[] childXors = new long[1];

    /** Starts on an input record with one root. */
    public void reset(long root, long edge) {
        anchors.clear();
        anchors.add(root, edge);
        childXors[0] = 0;
    }

    /** Starts on an input record with the given anchors (copied). */
    public void reset(Anchors input) {
        anchors.copyFrom(input);
        if (childXors.length < anchors.size()) {
            childXors = new long[anchors.size()];
        }
        Arrays.fill(childXors, 0, anchors.size(), 0);
    }

    /** Starts on a source record: root {@code root}, whose own edge is the init. */
    public void resetRoot(long root) {
        reset(root, 0);
    }

    /**
     * Anchors one child to this input: draws a fresh edge id and adds it to {@code child} for every root of
     * this input. Call it once per child, before the child is sent.
     */
    public void anchor(Anchors child, AckIds ids) {
        long edge = ids.next();
        for (int i = 0, n = anchors.size(); i < n; i++) {
            childXors[i] ^= edge;
            child.add(anchors.root(i), edge);
        }
    }

    /**
     * The fast path of {@link #anchor} for an input with exactly one root: draws a fresh edge for one child
     * and returns it; the child's anchor is that root and this edge.
     */
    public long anchorOneRoot(AckIds ids) {
        long edge = ids.next();
        childXors[0] ^= edge;
        return edge;
    }

    /** The xor of the edges of the children anchored so far to the input's first root. */
    public long childXor() {
        return childXors[0];
    }

    /** Reports this input done, with every child anchored to it: one ack per root. */
    public void ack(AckSink out, int operator) {
        for (int i = 0, n = anchors.size(); i < n; i++) {
            out.ack(anchors.root(i), anchors.edge(i) ^ childXors[i], operator);
        }
    }

    /** Reports this input failed: every tree it belongs to fails. */
    public void fail(AckSink out, int operator) {
        for (int i = 0, n = anchors.size(); i < n; i++) {
            out.fail(anchors.root(i), operator);
        }
    }

    /** Registers the source record started with {@link #resetRoot}, with the edges of its first records. */
    public void init(AckSink out, int owner) {
        if (anchors.size() != 1 || anchors.edge(0) != 0) {
            throw new IllegalStateException("init is for a source record started with resetRoot(root), but this"
                    + " input has anchors " + anchors);
        }
        out.init(anchors.root(0), childXors[0], owner);
    }

    /** This input's anchors; read-only. */
    public Anchors anchors() {
        return anchors;
    }
}
