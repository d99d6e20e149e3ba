package io.shepherd.testkit.net;

/** A node id's place on the network, across its incarnations. */
final class NodeSlot<M> {

    private final SimNetwork<M> network;
    private final int id;
    private final NodeFactory<M> factory;
    private Incarnation<M> current;
    private int number;

    NodeSlot(SimNetwork<M> network, int id, NodeFactory<M> factory) {
        this.network = network;
        this.id = id;
        this.factory = factory;
    }

    int id() {
        return id;
    }

    int number() {
        return number;
    }

    boolean isUp() {
        return current != null;
    }

    Node<M> node() {
        return current == null ? null : current.node();
    }

    void start() {
        number++;
        Incarnation<M> incarnation = new Incarnation<>(network, id, number);
        current = incarnation;
        incarnation.start(factory);
    }

    void kill() {
        current.kill();
        current = null;
    }
}
