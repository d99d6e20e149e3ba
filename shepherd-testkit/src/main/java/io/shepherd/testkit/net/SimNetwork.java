package io.shepherd.testkit.net;

import io.shepherd.testkit.sim.SimScheduler;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A simulated network of nodes addressed by int ids, with the faults real networks and processes have.
 *
 * <p><b>Messages.</b> {@link NodeContext#send} (or {@link #send} from the test) hands a message to the
 * router, which decides its fate at once from the seeded random: blocked if a partition cuts the link,
 * dropped with the drop rate in force, otherwise delivered once or (with the duplicate rate) twice,
 * each copy after a latency within the link's bounds (see {@link NetworkConditions}). Each copy is an
 * event on the scheduler; when it is due it is blocked if a partition now cuts the link, and lost if
 * its receiver has crashed since it was sent, even if the receiver has restarted since: a restarted
 * process does not receive what was sent to its previous life. Copies already sent by a node that
 * then crashes are still delivered, as packets on the wire would be.
 *
 * <p><b>Processes.</b> {@link #crash} ends a node's incarnation: its {@link Node} and every field in it
 * are gone and its timers are cancelled. {@link #restart} starts a new incarnation through the node's
 * {@link NodeFactory}, which decides what was durable. Every message and every crash is recorded in the
 * scheduler's trace, and counted in {@link #stats()}.
 *
 * <p>Single-threaded, like the scheduler it runs on.
 *
 * @param <M> the type of the messages; their {@code toString} is what traces show, so records read well
 */
public final class SimNetwork<M> {

    private final SimScheduler scheduler;
    private final SplittableRandom random;
    private final Map<Integer, NodeSlot<M>> nodes = new TreeMap<>();
    private final ActiveFaults faults = new ActiveFaults();
    private final Links links = new Links();
    private final NetworkStats stats = new NetworkStats();
    private NetworkConditions conditions;

    public SimNetwork(SimScheduler scheduler, NetworkConditions conditions) {
        this.scheduler = scheduler;
        this.random = scheduler.random("network");
        this.conditions = conditions;
    }

    public SimScheduler scheduler() {
        return scheduler;
    }

    /** Adds node {@code id} and starts its first incarnation now. */
    public void addNode(int id, NodeFactory<M> factory) {
        if (nodes.containsKey(id)) {
            throw new IllegalArgumentException("node " + id + " is already on the network");
        }
        NodeSlot<M> slot = new NodeSlot<>(this, id, factory);
        nodes.put(id, slot);
        slot.start();
    }

    /** The ids of all nodes, up or down, in ascending order. */
    public SortedSet<Integer> nodeIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(nodes.keySet()));
    }

    public boolean isUp(int id) {
        return slot(id).isUp();
    }

    /** The number of node {@code id}'s present (or last) incarnation: 1 until its first restart. */
    public int incarnation(int id) {
        return slot(id).number();
    }

    /** The live instance of node {@code id}, for invariants to inspect; empty while it is down. */
    public Optional<Node<M>> node(int id) {
        return Optional.ofNullable(slot(id).node());
    }

    /** Crashes node {@code id} now; see the class description for what is lost. */
    public void crash(int id) {
        NodeSlot<M> slot = slot(id);
        if (!slot.isUp()) {
            throw new IllegalStateException("node " + id + " is already down");
        }
        scheduler.note("crash node " + id + " (incarnation " + slot.number() + ")");
        stats.crashes++;
        slot.kill();
    }

    /** Starts a new incarnation of the crashed node {@code id} now. */
    public void restart(int id) {
        NodeSlot<M> slot = slot(id);
        if (slot.isUp()) {
            throw new IllegalStateException("node " + id + " is up; crash it before restarting it");
        }
        scheduler.note("restart node " + id + " (incarnation " + (slot.number() + 1) + ")");
        stats.restarts++;
        slot.start();
    }

    /** Sends a message from outside the nodes, e.g. a client request injected by the test. */
    public void send(int from, int to, M message) {
        route(from, to, message);
    }

    public NetworkConditions conditions() {
        return conditions;
    }

    /** Replaces the conditions of every link without an override of its own. */
    public void setConditions(NetworkConditions conditions) {
        this.conditions = conditions;
    }

    /** Gives the link {@code from -> to} conditions of its own; null removes them. */
    public void setLinkConditions(int from, int to, NetworkConditions linkConditions) {
        links.override(from, to, linkConditions);
    }

    /** Cuts every link between the two sides, both ways, until healed; other nodes are unaffected. */
    public NetworkFault partition(Collection<Integer> side, Collection<Integer> other) {
        return note(faults.partition(new TreeSet<>(side), new TreeSet<>(other), false));
    }

    /** Cuts every link from {@code from} to {@code to}, leaving the reverse direction open. */
    public NetworkFault partitionOneWay(Collection<Integer> from, Collection<Integer> to) {
        return note(faults.partition(new TreeSet<>(from), new TreeSet<>(to), true));
    }

    /** Raises the drop and duplicate rates of every link to at least the given ones, until healed. */
    public NetworkFault degrade(double dropRate, double duplicateRate) {
        return note(faults.degrade(dropRate, duplicateRate));
    }

    /** Heals every partition and degradation. */
    public void healAll() {
        scheduler.note("heal all network faults");
        faults.healAll();
    }

    /** Live counts of what happened to messages and nodes. */
    public NetworkStats stats() {
        return stats;
    }

    void route(int from, int to, M message) {
        NodeSlot<M> receiver = slot(to);
        stats.sent++;
        NetworkConditions link = links.conditions(from, to, conditions);
        // Draw every number whatever the outcome, so that changing one rate does not reshuffle the rest.
        boolean drop = random.nextDouble() < faults.dropRate(link.dropRate());
        boolean duplicate = random.nextDouble() < faults.duplicateRate(link.duplicateRate());
        if (faults.blocks(from, to)) {
            stats.blocked++;
            scheduler.note(new Transit.Lost(from, to, message, "partitioned when sent"));
        } else if (drop) {
            stats.dropped++;
            scheduler.note(new Transit.Lost(from, to, message, "dropped"));
        } else {
            dispatch(from, receiver, message, link, false);
            if (duplicate) {
                stats.duplicated++;
                dispatch(from, receiver, message, link, true);
            }
        }
    }

    private void dispatch(int from, NodeSlot<M> receiver, M message, NetworkConditions link, boolean duplicate) {
        int to = receiver.id();
        long latencyNs = link.latencyMinNs() == link.latencyMaxNs()
                ? link.latencyMinNs()
                : random.nextLong(link.latencyMinNs(), link.latencyMaxNs() + 1);
        long arrivalNs = links.arrivalNs(from, to, scheduler.nowNs(), latencyNs, link.reordering());
        int sentTo = receiver.isUp() ? receiver.number() : -1;
        scheduler.scheduleAt(arrivalNs, new Transit.Delivery(from, to, message, duplicate),
                () -> deliver(from, receiver, sentTo, message));
    }

    private void deliver(int from, NodeSlot<M> receiver, int sentToIncarnation, M message) {
        int to = receiver.id();
        if (!receiver.isUp() || receiver.number() != sentToIncarnation) {
            stats.lostToCrash++;
            scheduler.note(new Transit.Lost(from, to, message, "receiver crashed while it was in flight"));
        } else if (faults.blocks(from, to)) {
            stats.blocked++;
            scheduler.note(new Transit.Lost(from, to, message, "partitioned while in flight"));
        } else {
            stats.delivered++;
            receiver.node().onMessage(from, message);
        }
    }

    private NetworkFault note(NetworkFault fault) {
        scheduler.note(fault);
        return fault;
    }

    private NodeSlot<M> slot(int id) {
        NodeSlot<M> slot = nodes.get(id);
        if (slot == null) {
            throw new IllegalArgumentException("no node " + id + " on the network; nodes are " + nodes.keySet());
        }
        return slot;
    }
}
