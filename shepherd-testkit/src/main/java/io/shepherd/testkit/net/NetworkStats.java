package io.shepherd.testkit.net;

/**
 * Counts of what the network did to messages and nodes, so that a test can check that its faults
 * were really exercised (a chaos test in which nothing was ever dropped proves little).
 *
 * <p>Every message sent is counted once as sent; each copy of it then ends as exactly one of
 * delivered, dropped, blocked or lost to a crash, or is still in flight.
 */
public final class NetworkStats {

    long sent;
    long delivered;
    long dropped;
    long blocked;
    long duplicated;
    long lostToCrash;
    long crashes;
    long restarts;

    /** Messages handed to the network. */
    public long sent() {
        return sent;
    }

    /** Copies handed to a live node. */
    public long delivered() {
        return delivered;
    }

    /** Messages lost to the drop rate. */
    public long dropped() {
        return dropped;
    }

    /** Copies lost because a partition cut their link when sent or when due. */
    public long blocked() {
        return blocked;
    }

    /** Messages sent twice. */
    public long duplicated() {
        return duplicated;
    }

    /** Copies lost because their receiver crashed while they were in flight. */
    public long lostToCrash() {
        return lostToCrash;
    }

    public long crashes() {
        return crashes;
    }

    public long restarts() {
        return restarts;
    }

    @Override
    public String toString() {
        return "sent " + sent + ", delivered " + delivered + ", dropped " + dropped + ", blocked " + blocked
                + ", duplicated " + duplicated + ", lost to crash " + lostToCrash + ", crashes " + crashes
                + ", restarts " + restarts;
    }
}
