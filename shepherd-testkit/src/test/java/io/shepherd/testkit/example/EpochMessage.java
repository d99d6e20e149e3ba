package io.shepherd.testkit.example;

/**
 * The messages of the example epoch election: a writer asks the journal nodes for their promises,
 * proposes the next epoch, and wins it with grants from a majority (the shape of the quorum journal's
 * {@code newEpoch} in DESIGN.md, part 8).
 */
sealed interface EpochMessage {

    /** Writer to journal node: what is the highest epoch you have promised? */
    record AskPromise(int attempt) implements EpochMessage {}

    /** Journal node to writer: the highest epoch promised so far. */
    record Promise(int attempt, long promised) implements EpochMessage {}

    /** Writer to journal node: promise me {@code epoch}. */
    record Propose(long epoch) implements EpochMessage {}

    /** Journal node to writer: {@code epoch} is yours; I will refuse it and anything lower to others. */
    record Grant(long epoch) implements EpochMessage {}

    /** Journal node to writer: I have already promised {@code promised}, which is at least {@code epoch}. */
    record Refuse(long epoch, long promised) implements EpochMessage {}

    /** A message addressed to a node: what a state machine returns for its glue to send. */
    record Outgoing(int to, EpochMessage message) {}
}
