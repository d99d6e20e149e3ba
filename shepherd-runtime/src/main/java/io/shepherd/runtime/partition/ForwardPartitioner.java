package io.shepherd.runtime.partition;

/** The one receiver the sender is wired to. */
public final class ForwardPartitioner implements Partitioner {
    @Override
    public int select(Object record) {
        return 0;
    }
}
