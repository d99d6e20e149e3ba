package io.shepherd.runtime.partition;

/** Round robin; each sender starts at its own index so that senders do not move in lock step. */
public final class RebalancePartitioner implements Partitioner {
    private final int receivers;
    private int next;

    public RebalancePartitioner(int receivers, int senderIndex) {
        this.receivers = receivers;
        this.next = senderIndex % receivers;
    }

    @Override
    public int select(Object record) {
        int chosen = next;
        next = chosen + 1 == receivers ? 0 : chosen + 1;
        return chosen;
    }
}
