package io.shepherd.testkit.net;

/**
 * Starts a node: called when it is added to the network and again on every restart.
 *
 * <p>This is where a test decides what survives a crash. State the factory reads from an object the
 * test keeps across incarnations (a map standing in for the node's disk, or a simulated disk) is
 * durable; state the new {@link Node} builds for itself is volatile. Recovery logic, such as replaying
 * a log or re-arming timeouts, runs here, with the context of the new incarnation.
 */
@FunctionalInterface
public interface NodeFactory<M> {

    Node<M> start(NodeContext<M> context);
}
