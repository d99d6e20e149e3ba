package io.shepherd.runtime.task;

import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.runtime.channel.StreamEvent.CheckpointBarrier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides, for one task and its input channels, when the task snapshots a checkpoint, which
 * channels it may read meanwhile, and which in-flight elements belong to an unaligned snapshot.
 * Pure: the input gate reports what it reads and the time, the handler answers through
 * {@link Actions}. One checkpoint is in progress at a time; a barrier of a newer one gives up the
 * older. States of the checkpoint in progress:
 *
 * <ul>
 *   <li>{@code ALIGNING} (aligned): a channel whose barrier arrived is blocked; when every live
 *       channel has its barrier the snapshot is taken and all are unblocked. Past the alignment
 *       timeout, or when a barrier arrives ahead of data, it turns unaligned ({@code CAPTURING}).
 *   <li>{@code COUNTING} (at-least-once): nothing blocks; the snapshot is taken with the last barrier.
 *   <li>{@code CAPTURING} (unaligned): the snapshot was taken at the first barrier; every element
 *       read after it that was sent before the barrier of its channel — the elements the barrier
 *       overtook — is captured as in-flight data, until each channel has delivered its barrier
 *       and those elements, or has ended.
 * </ul>
 *
 * <p>Sequence numbers: the gate counts, per channel, every element read in order (everything but
 * events sent ahead); a barrier sent ahead carries the sender's count when it was sent, so the
 * elements with numbers from the receiver's count up to it are in flight.
 */
final class BarrierHandler {

    /** What the task does on the handler's decisions. */
    interface Actions {
        /** Take the snapshot now and send the barrier on, ahead of queued output when unaligned. */
        void snapshot(CheckpointBarrier barrier, boolean unaligned, long alignmentNanos) throws Exception;

        /** All in-flight data of an unaligned snapshot is captured: per input channel, in order. */
        void inFlightDataCaptured(long checkpointId, List<List<Object>> channels) throws Exception;

        /** The checkpoint is given up at this task; {@code forward}: tell the tasks downstream too. */
        void abort(long checkpointId, String reason, boolean forward);
    }

    /**
     * Elements of a channel already counted but not yet processed — restored as in-flight data, or
     * taken out of the channel when a barrier overtook them; they precede everything live.
     */
    interface RecoveredInput {
        List<Object> remaining(int channel);
    }

    private enum Phase {
        IDLE,
        ALIGNING,
        COUNTING,
        CAPTURING
    }

    private static final long UNKNOWN = Long.MAX_VALUE;

    private final int channelCount;
    private final Actions actions;
    private final RecoveredInput recovered;
    private final long[] consumed;
    private final boolean[] ended;
    private final boolean[] barrierSeen;
    private final boolean[] blocked;
    /** While capturing: the sequence number of each channel's barrier; elements below it are in flight. */
    private final long[] captureUntil;
    private List<List<Object>> captured;
    private int liveChannels;
    private Phase phase = Phase.IDLE;
    private CheckpointBarrier current;
    private long firstBarrierNanos;
    /** The newest checkpoint finished or given up here: barriers at or below it are stale. */
    private long lastFinishedId = Long.MIN_VALUE;

    BarrierHandler(int channelCount, Actions actions, RecoveredInput recovered) {
        this.channelCount = channelCount;
        this.actions = actions;
        this.recovered = recovered;
        this.consumed = new long[channelCount];
        this.ended = new boolean[channelCount];
        this.barrierSeen = new boolean[channelCount];
        this.blocked = new boolean[channelCount];
        this.captureUntil = new long[channelCount];
        this.liveChannels = channelCount;
    }

    String debug() {
        return phase + " current=" + current + " last=" + lastFinishedId + " seen=" + java.util.Arrays.toString(barrierSeen) + " blocked=" + java.util.Arrays.toString(blocked)
            + " ended=" + java.util.Arrays.toString(ended) + " consumed=" + java.util.Arrays.toString(consumed) + " until=" + java.util.Arrays.toString(captureUntil);
    }

    boolean isBlocked(int channel) {
        return blocked[channel];
    }

    /**
     * How many of the elements a barrier sent ahead with {@code sequence} overtook on the channel
     * have not been read yet: the input gate takes those still queued right away, so that the
     * in-flight data is complete without waiting for the task to process it.
     */
    long overtakenUnread(int channel, long sequence) {
        return Math.max(0, sequence - consumed[channel]);
    }

    /** The checkpoint in progress here, or -1. */
    long currentCheckpoint() {
        return phase == Phase.IDLE ? -1 : current.checkpointId();
    }

    /** A data element (batch or watermark) read in order from a channel; captured when in flight. */
    void onData(int channel, Object element) throws Exception {
        long sequence = consumed[channel]++;
        if (phase == Phase.CAPTURING && sequence < captureUntil[channel]) {
            captured.get(channel).add(element);
            if (sequence + 1 == captureUntil[channel]) {
                completeCaptureIfDone();
            }
        }
    }

    /** A barrier read from a channel: in its place, or sent ahead. */
    void onBarrier(int channel, CheckpointBarrier barrier, long nowNanos) throws Exception {
        long sequence = barrier.isPriority() ? barrier.sequence() : consumed[channel]++;
        long id = barrier.checkpointId();
        if (id <= lastFinishedId || (phase != Phase.IDLE && id < current.checkpointId())) {
            return;
        }
        if (phase != Phase.IDLE && id > current.checkpointId()) {
            abortCurrent("checkpoint " + current.checkpointId() + " overtaken by checkpoint " + id, true);
        }
        if (phase == Phase.IDLE) {
            start(barrier, nowNanos);
        }
        if (barrierSeen[channel]) {
            throw new IllegalStateException("second barrier of checkpoint " + id + " on input channel " + channel);
        }
        barrierSeen[channel] = true;
        captureUntil[channel] = sequence;
        switch (phase) {
            case COUNTING -> snapshotIfAllBarriers(false, nowNanos);
            case ALIGNING -> {
                if (barrier.isPriority()) {
                    turnUnaligned(nowNanos);
                } else {
                    blocked[channel] = true;
                    snapshotIfAllBarriers(true, nowNanos);
                }
            }
            case CAPTURING -> completeCaptureIfDone();
            case IDLE -> throw new IllegalStateException("no checkpoint started");
        }
    }

    /** A cancellation of a checkpoint read from a channel: given up here too, and passed on. */
    void onCancel(long checkpointId) {
        if (checkpointId <= lastFinishedId) {
            return;
        }
        if (phase != Phase.IDLE) {
            if (checkpointId < current.checkpointId()) {
                return;
            }
            abortCurrent("checkpoint " + current.checkpointId() + " was cancelled upstream", true);
            if (checkpointId == lastFinishedId) {
                return;
            }
        }
        lastFinishedId = checkpointId;
        actions.abort(checkpointId, "checkpoint " + checkpointId + " was cancelled upstream", true);
    }

    /** The coordinator gave the checkpoint up; an older one still in progress here is given up with it. */
    void abort(long checkpointId) {
        if (phase != Phase.IDLE && checkpointId >= current.checkpointId()) {
            boolean older = checkpointId > current.checkpointId();
            abortCurrent("checkpoint " + checkpointId + " was aborted", older);
        }
        lastFinishedId = Math.max(lastFinishedId, checkpointId);
    }

    /** The channel has ended: it is no longer waited for. */
    void onEndOfPartition(int channel, long nowNanos) throws Exception {
        consumed[channel]++;
        ended[channel] = true;
        liveChannels--;
        switch (phase) {
            case COUNTING -> snapshotIfAllBarriers(false, nowNanos);
            case ALIGNING -> snapshotIfAllBarriers(true, nowNanos);
            case CAPTURING -> completeCaptureIfDone();
            case IDLE -> { }
        }
    }

    /** Turns an aligned checkpoint unaligned once the task waited longer than its alignment timeout. */
    void checkAlignmentTimeout(long nowNanos) throws Exception {
        if (phase == Phase.ALIGNING && nowNanos - firstBarrierNanos >= current.options().alignmentTimeoutNanos()) {
            turnUnaligned(nowNanos);
        }
    }

    private void start(CheckpointBarrier barrier, long nowNanos) throws Exception {
        current = barrier;
        firstBarrierNanos = nowNanos;
        Arrays.fill(barrierSeen, false);
        CheckpointingMode mode = barrier.options().mode();
        if (barrier.isPriority() || mode == CheckpointingMode.UNALIGNED) {
            startCapture(nowNanos);
        } else {
            phase = mode == CheckpointingMode.AT_LEAST_ONCE ? Phase.COUNTING : Phase.ALIGNING;
        }
    }

    private void snapshotIfAllBarriers(boolean aligned, long nowNanos) throws Exception {
        if (barriersSeenOnLiveChannels() < liveChannels) {
            return;
        }
        CheckpointBarrier barrier = current;
        finish();
        if (aligned) {
            Arrays.fill(blocked, false);
        }
        actions.snapshot(barrier, false, nowNanos - firstBarrierNanos);
    }

    private int barriersSeenOnLiveChannels() {
        int seen = 0;
        for (int i = 0; i < channelCount; i++) {
            if (barrierSeen[i] && !ended[i]) {
                seen++;
            }
        }
        return seen;
    }

    /** Aligned so far: channels with their barrier were blocked right at it, so nothing of theirs is in flight. */
    private void turnUnaligned(long nowNanos) throws Exception {
        Arrays.fill(blocked, false);
        startCapture(nowNanos);
    }

    private void startCapture(long nowNanos) throws Exception {
        phase = Phase.CAPTURING;
        captured = new ArrayList<>(channelCount);
        for (int i = 0; i < channelCount; i++) {
            captured.add(new ArrayList<>(recovered.remaining(i)));
            if (!barrierSeen[i]) {
                captureUntil[i] = UNKNOWN;
            }
        }
        actions.snapshot(current, true, nowNanos - firstBarrierNanos);
        completeCaptureIfDone();
    }

    private void completeCaptureIfDone() throws Exception {
        if (phase != Phase.CAPTURING) {
            return;
        }
        for (int i = 0; i < channelCount; i++) {
            boolean done = ended[i] || (barrierSeen[i] && consumed[i] >= captureUntil[i]);
            if (!done) {
                return;
            }
        }
        long id = current.checkpointId();
        List<List<Object>> channels = captured;
        finish();
        actions.inFlightDataCaptured(id, channels);
    }

    private void abortCurrent(String reason, boolean forward) {
        long id = current.checkpointId();
        finish();
        Arrays.fill(blocked, false);
        actions.abort(id, reason, forward);
    }

    private void finish() {
        lastFinishedId = current.checkpointId();
        phase = Phase.IDLE;
        captured = null;
    }
}
