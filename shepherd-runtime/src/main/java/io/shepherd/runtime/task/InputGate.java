package io.shepherd.runtime.task;

import io.shepherd.runtime.channel.InputChannel;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import java.util.Arrays;

/**
 * All input channels of a task, read round robin so no input starves another. Tracks each
 * channel's watermark and passes on their minimum when it advances (an ended channel no longer
 * holds it back), and reports the end of input once every channel has ended.
 */
final class InputGate {
    private final InputChannel[] channels;
    private final long[] watermarks;
    private final boolean[] ended;
    private int endedCount;
    private int next;
    private long combinedWatermark = Long.MIN_VALUE;

    InputGate(InputChannel[] channels) {
        this.channels = channels;
        this.watermarks = new long[channels.length];
        this.ended = new boolean[channels.length];
        Arrays.fill(watermarks, Long.MIN_VALUE);
    }

    /** Delivers one element to the handler; returns false when no channel had one. */
    boolean pollNext(InputHandler handler) throws Exception {
        int count = channels.length;
        for (int i = 0; i < count; i++) {
            int channel = next;
            next = next + 1 == count ? 0 : next + 1;
            if (ended[channel]) {
                continue;
            }
            Object element = channels[channel].poll();
            if (element != null) {
                dispatch(channel, element, handler);
                return true;
            }
        }
        return false;
    }

    boolean isFinished() {
        return endedCount == channels.length;
    }

    private void dispatch(int channel, Object element, InputHandler handler) throws Exception {
        if (element instanceof RecordBatch batch) {
            handler.onBatch(batch);
        } else if (element instanceof StreamEvent.Watermark watermark) {
            watermarks[channel] = Math.max(watermarks[channel], watermark.timestamp());
            advanceWatermark(handler);
        } else if (element instanceof StreamEvent.EndOfPartition) {
            ended[channel] = true;
            endedCount++;
            watermarks[channel] = Long.MAX_VALUE;
            if (endedCount == channels.length) {
                handler.onEndOfInput();
            } else {
                advanceWatermark(handler);
            }
        } else {
            throw new IllegalStateException("unexpected element on input channel " + channel + ": " + element);
        }
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
