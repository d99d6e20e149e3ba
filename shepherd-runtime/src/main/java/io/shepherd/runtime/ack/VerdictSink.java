package io.shepherd.runtime.ack;

/**
 * Where an acker puts what it tells source subtasks. Implementations buffer the verdicts per owner (see
 * {@link VerdictBatch}); none may block.
 */
public interface VerdictSink {

    void completed(long root, int owner);

    void failed(long root, int owner);

    /**
     * No ack for {@code root} reached the acker for the tree timeout. {@code lastOperator} is the operator
     * whose ack reached the acker last ({@link AckerLedger#NO_OPERATOR} if only the init did): the tree is
     * stuck there, or in an operator its children were sent to.
     */
    void timedOut(long root, int owner, int lastOperator);

    void alive(long root, int owner);

    void unknown(long root, int owner);
}
