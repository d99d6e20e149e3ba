package io.shepherd.testkit.net;

import io.shepherd.common.Clock;
import io.shepherd.testkit.sim.Timer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One life of a node, from a start to the next crash: its context, its {@link Node} and its timers.
 */
final class Incarnation<M> implements NodeContext<M> {

    /** A timer of this incarnation; it forgets itself when it runs or is cancelled. */
    private final class NodeTimer implements Timer, Runnable {
        private final Runnable action;
        private Timer event;

        NodeTimer(Runnable action) {
            this.action = action;
        }

        @Override
        public void run() {
            timers.remove(this);
            action.run();
        }

        @Override
        public boolean cancel() {
            timers.remove(this);
            return event.cancel();
        }

        @Override
        public boolean isPending() {
            return event.isPending();
        }

        @Override
        public long dueNs() {
            return event.dueNs();
        }
    }

    /** A node timer's trace label, e.g. {@code node 3: election timeout}. */
    private record TimerLabel(int node, Object label) {
        @Override
        public String toString() {
            return "node " + node + ": " + label;
        }
    }

    private final SimNetwork<M> network;
    private final int id;
    private final int number;
    private final SplittableRandom random;
    private final Set<NodeTimer> timers = new LinkedHashSet<>();
    private Node<M> node;
    private boolean alive = true;

    Incarnation(SimNetwork<M> network, int id, int number) {
        this.network = network;
        this.id = id;
        this.number = number;
        this.random = network.scheduler().random("node " + id + " incarnation " + number);
    }

    void start(NodeFactory<M> factory) {
        Node<M> started = factory.start(this);
        if (started == null) {
            throw new IllegalStateException("the factory of node " + id + " returned no node");
        }
        node = started;
    }

    /** Ends this life: its timers are cancelled and its node is dropped with all its volatile state. */
    void kill() {
        alive = false;
        node = null;
        for (NodeTimer timer : new ArrayList<>(timers)) {
            timer.cancel();
        }
    }

    Node<M> node() {
        return node;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int incarnation() {
        return number;
    }

    @Override
    public Clock clock() {
        return network.scheduler().clock();
    }

    @Override
    public SplittableRandom random() {
        requireAlive();
        return random;
    }

    @Override
    public void send(int to, M message) {
        requireAlive();
        network.route(id, to, message);
    }

    @Override
    public Timer schedule(long delayNs, Object label, Runnable action) {
        requireAlive();
        NodeTimer timer = new NodeTimer(action);
        timer.event = network.scheduler().schedule(delayNs, new TimerLabel(id, label), timer);
        timers.add(timer);
        return timer;
    }

    private void requireAlive() {
        if (!alive) {
            throw new IllegalStateException("node " + id + " incarnation " + number
                    + " has crashed; code of a crashed process must not run (is the test holding an old instance?)");
        }
    }
}
