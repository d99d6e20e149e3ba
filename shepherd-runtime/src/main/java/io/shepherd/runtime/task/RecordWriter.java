package io.shepherd.runtime.task;

import io.shepherd.runtime.channel.OutputChannel;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.operators.OperatorFailure;
import io.shepherd.runtime.operators.Output;
import io.shepherd.runtime.partition.KeyPartitioner;
import io.shepherd.runtime.partition.NullKeyException;
import io.shepherd.runtime.partition.Partitioner;
import java.util.ArrayDeque;

/**
 * Sends one task's output over one edge: partitions records into a batch per receiving channel,
 * and sends a batch when it is full, when {@link #flushOpenBatches} is called, or before an event.
 *
 * <p>A channel that refuses an element does not stop the record being emitted: the element waits
 * in that channel's pending queue, in order. The task takes no new input while anything is
 * pending ({@link #sendPending}), which is how backpressure reaches the sources while memory stays
 * bounded by one input batch's worth of output.
 *
 * <p>In ack mode every record sent is anchored, in its batch, to the record the task is processing
 * ({@link TaskAcking#addChild}); a broadcast record is a child per channel.
 */
public final class RecordWriter implements Output {
    private final OutputChannel[] channels;
    private final Partitioner partitioner;
    /** The partitioner when it is by key: its keys travel with the records, so the receiver need not compute them again. */
    private final KeyPartitioner keyPartitioner;
    private final String edgeName;
    private final int subtask;
    private final int batchSize;
    /** Ack mode: anchors each record sent; null otherwise. */
    private final TaskAcking acking;
    private final RecordBatch[] open;
    private final ArrayDeque<Object>[] pending;
    /** Elements put into each channel so far, pending ones included: the sequence a barrier sent ahead carries. */
    private final long[] sent;
    private int pendingCount;

    /** @param edgeName names the receiving operator in errors (a key selector belongs to it) */
    @SuppressWarnings("unchecked")
    public RecordWriter(OutputChannel[] channels, Partitioner partitioner, String edgeName, int subtask, int batchSize) {
        this(channels, partitioner, edgeName, subtask, batchSize, null);
    }

    /** @param acking in ack mode, the task whose records are anchored; null otherwise */
    RecordWriter(OutputChannel[] channels, Partitioner partitioner, String edgeName, int subtask, int batchSize,
            TaskAcking acking) {
        this.acking = acking;
        this.channels = channels;
        this.partitioner = partitioner;
        this.keyPartitioner = partitioner instanceof KeyPartitioner byKey ? byKey : null;
        this.edgeName = edgeName;
        this.subtask = subtask;
        this.batchSize = batchSize;
        this.open = new RecordBatch[channels.length];
        this.pending = new ArrayDeque[channels.length];
        this.sent = new long[channels.length];
        for (int i = 0; i < channels.length; i++) {
            open[i] = newBatch();
            pending[i] = new ArrayDeque<>();
        }
    }

    @Override
    public void emit(Object record, long timestamp) {
        if (acking != null) {
            emitAnchored(record, timestamp);
            return;
        }
        if (keyPartitioner != null) {
            Object key = keyOf(record);
            int target = keyPartitioner.subtaskOf(key);
            if (open[target].add(record, timestamp, key)) {
                sendOpen(target);
            }
            return;
        }
        int target = select(record);
        if (target == Partitioner.ALL) {
            for (int i = 0; i < channels.length; i++) {
                add(i, record, timestamp);
            }
        } else {
            add(target, record, timestamp);
        }
    }

    private void emitAnchored(Object record, long timestamp) {
        Object key = null;
        int target;
        if (keyPartitioner != null) {
            key = keyOf(record);
            target = keyPartitioner.subtaskOf(key);
        } else {
            target = select(record);
        }
        if (target == Partitioner.ALL) {
            for (int i = 0; i < channels.length; i++) {
                addAnchored(i, record, timestamp, key);
            }
        } else {
            addAnchored(target, record, timestamp, key);
        }
    }

    private void addAnchored(int channel, Object record, long timestamp, Object key) {
        if (acking.addChild(open[channel], record, timestamp, key)) {
            sendOpen(channel);
        }
    }

    private int select(Object record) {
        try {
            return partitioner.select(record);
        } catch (Exception e) {
            throw new IllegalStateException("partitioner " + partitioner + " failed", e);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        broadcastEvent(new StreamEvent.Watermark(watermark));
    }

    /** Sends an event on every channel, after the records emitted before it. */
    public void broadcastEvent(StreamEvent event) {
        for (int i = 0; i < channels.length; i++) {
            flushOpen(i);
            send(i, event);
        }
    }

    /**
     * Sends a checkpoint barrier on every channel: in its place after the records emitted before
     * it, or ahead of everything queued and pending, carrying how many elements it overtakes.
     */
    public void broadcastBarrier(StreamEvent.CheckpointBarrier barrier, boolean ahead) {
        if (!ahead) {
            broadcastEvent(barrier);
            return;
        }
        for (int i = 0; i < channels.length; i++) {
            flushOpen(i);
            channels[i].offerPriority(barrier.withSequence(sent[i]));
        }
    }

    /** Sends an event ahead of everything queued and pending on every channel. */
    public void broadcastAhead(StreamEvent event) {
        for (OutputChannel channel : channels) {
            channel.offerPriority(event);
        }
    }

    /** Sends every partly filled batch now. */
    public void flushOpenBatches() {
        for (int i = 0; i < channels.length; i++) {
            flushOpen(i);
        }
    }

    /** Offers waiting elements again; returns true when nothing is left waiting. */
    public boolean sendPending() {
        if (pendingCount == 0) {
            return true;
        }
        for (int i = 0; i < channels.length; i++) {
            ArrayDeque<Object> queue = pending[i];
            while (!queue.isEmpty() && channels[i].offer(queue.peekFirst())) {
                queue.pollFirst();
                pendingCount--;
            }
        }
        return pendingCount == 0;
    }

    public boolean hasPending() {
        return pendingCount != 0;
    }

    private Object keyOf(Object record) {
        try {
            return keyPartitioner.key(record);
        } catch (NullKeyException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailure(edgeName + " (key selector)", subtask, record, e);
        }
    }

    private void add(int channel, Object record, long timestamp) {
        if (open[channel].add(record, timestamp)) {
            sendOpen(channel);
        }
    }

    private void flushOpen(int channel) {
        if (!open[channel].isEmpty()) {
            sendOpen(channel);
        }
    }

    private void sendOpen(int channel) {
        send(channel, open[channel]);
        open[channel] = newBatch();
    }

    private RecordBatch newBatch() {
        RecordBatch batch = new RecordBatch(batchSize, keyPartitioner != null, acking != null);
        if (acking != null && acking.delegatedOwner() >= 0) {
            batch.delegateInits(acking.delegatedOwner());
        }
        return batch;
    }

    private void send(int channel, Object element) {
        sent[channel]++;
        if (pending[channel].isEmpty() && channels[channel].offer(element)) {
            return;
        }
        pending[channel].addLast(element);
        pendingCount++;
    }
}
