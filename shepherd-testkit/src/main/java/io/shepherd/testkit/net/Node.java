package io.shepherd.testkit.net;

/**
 * One incarnation of a simulated process: what a node does when a message reaches it.
 *
 * <p>A node is usually thin glue around a pure protocol state machine: it hands the message and the
 * clock's reading to the machine, and turns the machine's actions into {@link NodeContext#send} and
 * {@link NodeContext#schedule} calls. The instance lives until its node crashes; a restart builds a new
 * one through the {@link NodeFactory}, so anything kept in its fields is volatile state and is lost.
 *
 * @param <M> the type of the messages the simulated network carries
 */
@FunctionalInterface
public interface Node<M> {

    /** Handles one message from node {@code from}; runs as an event of the scheduler. */
    void onMessage(int from, M message);
}
