package io.shepherd.runtime.ack;

/**
 * Where sources and operators put the messages bound for ackers. Implementations buffer them
 * ({@link AckBatch}) or route them by root to the acker that owns it ({@link AckRouter}); none may block.
 */
public interface AckSink {

    /** A source emitted root {@code root}; {@code xor} is the xor of the edge ids of its first records. */
    void init(long root, long xor, int owner);

    /** Operator {@code operator} is done with an input of tree {@code root}: input edge ^ children's edges. */
    void ack(long root, long xor, int operator);

    /** Operator {@code operator} failed an input of tree {@code root}. */
    void fail(long root, int operator);

    /** Source subtask {@code owner} asks whether the acker still tracks {@code root}. */
    void probe(long root, int owner);
}
