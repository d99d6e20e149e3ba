package io.shepherd.runtime.ack;

import java.util.Arrays;

/**
 * The anchors of one record: for each root it descends from, the id of the edge it travels on (Storm's
 * message id). A record of a map, filter, flatMap or keyed operator has one; a record that a join or an
 * aggregation emitted from several inputs has one per distinct root among them.
 *
 * <p>Mutable and reusable: allocation-free once its arrays have grown to the most roots a record had.
 */
public final class Anchors {
    private long[] roots = new long[1];
    private long[] edges = new long[1];
    private int size;

    /** Anchors of a record with one root. */
    public static Anchors of(long root, long edge) {
        Anchors anchors = new Anchors();
        anchors.add(root, edge);
        return anchors;
    }

    public void clear() {
        size = 0;
    }

    /**
     * Anchors the record to {@code edge} of tree {@code root}. A record anchored twice to one root carries
     * the xor of both edges for it: acking that once reports each edge, which is what its two parents'
     * acks expect.
     */
    public void add(long root, long edge) {
        for (int i = 0; i < size; i++) {
            if (roots[i] == root) {
                edges[i] ^= edge;
                return;
            }
        }
        if (size == roots.length) {
            roots = Arrays.copyOf(roots, size * 2);
            edges = Arrays.copyOf(edges, size * 2);
        }
        roots[size] = root;
        edges[size] = edge;
        size++;
    }

    /** Makes these anchors a copy of {@code other}. */
    public void copyFrom(Anchors other) {
        clear();
        for (int i = 0; i < other.size; i++) {
            add(other.roots[i], other.edges[i]);
        }
    }

    public int size() {
        return size;
    }

    public long root(int index) {
        return roots[index];
    }

    public long edge(int index) {
        return edges[index];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(Long.toHexString(roots[i])).append(':')
                    .append(Long.toHexString(edges[i]));
        }
        return text.append('}').toString();
    }
}
