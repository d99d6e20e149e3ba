package io.shepherd.runtime.task;

import io.shepherd.common.Clock;
import io.shepherd.runtime.channel.InputChannel;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All input channels of a task, read round robin so no input starves another. Tracks each
 * channel's watermark and passes on their minimum when it advances (an ended channel no longer
 * holds it back), and reports the end of input once every channel has ended.
 *
 * <p>With checkpoints, barriers go to the {@link BarrierHandler}, which may block channels while it
 * aligns; in-flight data restored from an unaligned checkpoint, and data a barrier sent ahead
 * overtook (taken out of the channel at once so the snapshot need not wait for it to be
 * processed), is read before a channel's live data.
 */
final class InputGate implements BarrierHandler.RecoveredInput {
    private final InputChannel[] channels;
    /** Which input of the head operator each channel feeds. */
    private final int[] inputOf;
    private final Clock clock;
    private final long[] watermarks;
    private final boolean[] ended;
    private final List<ArrayDeque<Object>> recovered = new ArrayList<>();
    private BarrierHandler barriers;
    private int endedCount;
    private int next;
    private long combinedWatermark = Long.MIN_VALUE;

    InputGate(InputChannel[] channels, Clock clock) {
        this(channels, new int[channels.length], clock);
    }

    InputGate(InputChannel[] channels, int[] inputOf, Clock clock) {
        this.channels = channels;
        this.inputOf = inputOf;
        this.clock = clock;
        this.watermarks = new long[channels.length];
        this.ended = new boolean[channels.length];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        for (int i = 0; i < channels.length; i++) {
            recovered.add(new ArrayDeque<>());
        }
    }

    int channelCount() {
        return channels.length;
    }

    void setBarrierHandler(BarrierHandler barriers) {
        this.barriers = barriers;
    }

    BarrierHandler barrierHandler() {
        return barriers;
    }

    /** Puts back the watermarks and in-flight data of a checkpoint, before anything is read. */
    void restore(TaskState state) {
        long[] restored = state.inputWatermarks();
        if (restored.length == channels.length) {
            System.arraycopy(restored, 0, watermarks, 0, restored.length);
            combinedWatermark = Arrays.stream(watermarks).min().orElse(Long.MIN_VALUE);
        }
        List<List<Object>> inFlight = state.inFlight();
        if (!inFlight.isEmpty() && inFlight.size() != channels.length) {
            throw new IllegalStateException("the checkpoint holds in-flight data of " + inFlight.size()
                    + " input channels, the task has " + channels.length);
        }
        for (int i = 0; i < inFlight.size(); i++) {
            recovered.get(i).addAll(inFlight.get(i));
        }
    }

    long[] watermarks() {
        return watermarks.clone();
    }

    @Override
    public List<Object> remaining(int channel) {
        return List.copyOf(recovered.get(channel));
    }

    /** Delivers one element to the handler; returns false when no channel had one. */
    boolean pollNext(InputHandler handler) throws Exception {
        int count = channels.length;
        for (int i = 0; i < count; i++) {
            int channel = next;
            next = next + 1 == count ? 0 : next + 1;
            if (ended[channel] || (barriers != null && barriers.isBlocked(channel))) {
                continue;
            }
            Object restored = recovered.get(channel).poll();
            if (restored != null) {
                deliver(channel, restored, handler);
                return true;
            }
            Object element = channels[channel].poll();
            if (element != null) {
                dispatch(channel, element, handler);
                return true;
            }
        }
        return false;
    }

    /**
     * Reads only the events sent ahead (unaligned barriers, cancellations), for a task that may not
     * read data because its output is back-pressured: a barrier that overtakes the backlog must not
     * wait for it. Returns whether there was one.
     */
    boolean pollAhead(InputHandler handler) throws Exception {
        boolean any = false;
        for (int channel = 0; channel < channels.length; channel++) {
            if (ended[channel]) {
                continue;
            }
            for (Object ahead = channels[channel].pollAhead(); ahead != null; ahead = channels[channel].pollAhead()) {
                dispatch(channel, ahead, handler);
                any = true;
            }
        }
        return any;
    }

    boolean isFinished() {
        return endedCount == channels.length;
    }

    private void dispatch(int channel, Object element, InputHandler handler) throws Exception {
        if (element instanceof StreamEvent.CheckpointBarrier barrier) {
            BarrierHandler checkpoints = requireBarrierHandler(element);
            checkpoints.onBarrier(channel, barrier, clock.nanoTime());
            if (barrier.isPriority()) {
                takeOvertaken(channel, checkpoints.overtakenUnread(channel, barrier.sequence()), checkpoints);
            }
        } else if (element instanceof StreamEvent.CancelBarrier cancel) {
            requireBarrierHandler(element).onCancel(cancel.checkpointId());
        } else if (element instanceof StreamEvent.EndOfPartition) {
            ended[channel] = true;
            endedCount++;
            watermarks[channel] = Long.MAX_VALUE;
            if (barriers != null) {
                barriers.onEndOfPartition(channel, clock.nanoTime());
            }
            if (endedCount == channels.length) {
                handler.onEndOfInput();
            } else {
                advanceWatermark(handler);
            }
        } else {
            if (barriers != null) {
                barriers.onData(channel, element);
            }
            deliver(channel, element, handler);
        }
    }

    /**
     * Takes the data a barrier overtook out of the channel now, as far as it is queued: the handler
     * counts (and captures) it, and the task reads it from here later, before the channel's live data.
     */
    private void takeOvertaken(int channel, long count, BarrierHandler handler) throws Exception {
        for (long i = 0; i < count; i++) {
            Object next = channels[channel].peekQueued();
            if (!(next instanceof RecordBatch || next instanceof StreamEvent.Watermark)) {
                return; // not there yet, or an event that must be dispatched in its turn
            }
            channels[channel].pollQueued();
            handler.onData(channel, next);
            recovered.get(channel).add(next);
        }
    }

    /** Hands a data element to the task. */
    private void deliver(int channel, Object element, InputHandler handler) {
        if (element instanceof RecordBatch batch) {
            handler.onBatch(batch, inputOf[channel]);
        } else if (element instanceof StreamEvent.Watermark watermark) {
            watermarks[channel] = Math.max(watermarks[channel], watermark.timestamp());
            advanceWatermark(handler);
        } else {
            throw new IllegalStateException("unexpected element on input channel " + channel + ": " + element);
        }
    }

    private BarrierHandler requireBarrierHandler(Object element) {
        if (barriers == null) {
            throw new IllegalStateException("checkpoint event " + element + " reached a task without checkpoints");
        }
        return barriers;
    }

    private void advanceWatermark(InputHandler handler) {
        long min = Long.MAX_VALUE;
        for (long watermark : watermarks) {
            min = Math.min(min, watermark);
        }
        if (min > combinedWatermark) {
            combinedWatermark = min;
            handler.onWatermark(min);
        }
    }
}
