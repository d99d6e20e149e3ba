package io.shepherd.runtime.task;

import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.operators.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a task's chain: fans records and watermarks out to every outgoing edge. The
 * dead-letter edge is not part of the fan-out (error handlers write to it directly) but is
 * flushed, drained and ended with the others.
 */
public final class TaskOutputs implements Output {
    private final RecordWriter[] main;
    private final RecordWriter[] all;

    public TaskOutputs(List<RecordWriter> main, RecordWriter deadLetters) {
        this.main = main.toArray(new RecordWriter[0]);
        List<RecordWriter> every = new ArrayList<>(main);
        if (deadLetters != null) {
            every.add(deadLetters);
        }
        this.all = every.toArray(new RecordWriter[0]);
    }

    @Override
    public void emit(Object record, long timestamp) {
        for (RecordWriter writer : main) {
            writer.emit(record, timestamp);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        for (RecordWriter writer : main) {
            writer.emitWatermark(watermark);
        }
    }

    /** Ends every edge, dead letters included. */
    public void endAll() {
        for (RecordWriter writer : all) {
            writer.broadcastEvent(StreamEvent.EndOfPartition.INSTANCE);
        }
    }

    /** Sends a checkpoint barrier on every edge, dead letters included; ahead of queued output when unaligned. */
    public void broadcastBarrier(StreamEvent.CheckpointBarrier barrier, boolean ahead) {
        for (RecordWriter writer : all) {
            writer.broadcastBarrier(barrier, ahead);
        }
    }

    /** Sends an event ahead of queued output on every edge, dead letters included. */
    public void broadcastAhead(StreamEvent event) {
        for (RecordWriter writer : all) {
            writer.broadcastAhead(event);
        }
    }

    public void flushOpenBatches() {
        for (RecordWriter writer : all) {
            writer.flushOpenBatches();
        }
    }

    /** Offers waiting elements again on every edge; true when nothing waits anywhere. */
    public boolean sendPending() {
        boolean clear = true;
        for (RecordWriter writer : all) {
            clear &= writer.sendPending();
        }
        return clear;
    }

    /** Whether some element waits for a full channel; cheap enough to ask per record. */
    public boolean hasPending() {
        for (RecordWriter writer : all) {
            if (writer.hasPending()) {
                return true;
            }
        }
        return false;
    }
}
