package io.shepherd.runtime.ack;

import java.util.concurrent.TimeUnit;

/**
 * The settings of ack mode.
 *
 * @param maxPending roots one source subtask may have unfinished (in flight or waiting to be replayed); at
 *     the limit the source stops emitting: memory stays bounded and a slow pipeline throttles its sources
 * @param maxUncommitted records one source subtask may have emitted past its committed position (the lowest
 *     position not yet completed); at least {@code maxPending}. One record stuck behind many completed ones
 *     holds the committed position back, and this bounds what a restart would emit again
 * @param treeTimeoutNs how long an acker waits without any ack for a tree before it times the tree out
 * @param backstopNs how long a source waits without hearing of a root before it probes the root's acker, to
 *     catch roots whose init or verdict was lost
 * @param probeRetryNs how long a source waits for the answer to a probe before it probes again
 */
public record AckConfig(int maxPending, int maxUncommitted, long treeTimeoutNs, long backstopNs, long probeRetryNs) {

    /**
     * {@code maxUncommitted} of a source that keeps its records themselves for replay: nothing is re-read from
     * a position, so nothing bounds how far past its committed position it may go.
     */
    public static final int UNLIMITED_UNCOMMITTED = Integer.MAX_VALUE;

    /** Storm's message timeout (30 s) as the tree timeout; room for 16 Ki pending roots per source subtask. */
    public static final AckConfig DEFAULT = new AckConfig(16_384, 65_536,
            TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(5));

    public AckConfig {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
        }
        if (maxUncommitted < maxPending) {
            throw new IllegalArgumentException("maxUncommitted (" + maxUncommitted
                    + ") must be at least maxPending (" + maxPending + "): every pending root is uncommitted");
        }
        requirePositive("treeTimeoutNs", treeTimeoutNs);
        requirePositive("backstopNs", backstopNs);
        requirePositive("probeRetryNs", probeRetryNs);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Also raises {@code maxUncommitted} to {@code value} if it is lower. */
    public AckConfig withMaxPending(int value) {
        return new AckConfig(value, Math.max(value, maxUncommitted), treeTimeoutNs, backstopNs, probeRetryNs);
    }

    public AckConfig withMaxUncommitted(int value) {
        return new AckConfig(maxPending, value, treeTimeoutNs, backstopNs, probeRetryNs);
    }

    public AckConfig withTreeTimeoutNs(long value) {
        return new AckConfig(maxPending, maxUncommitted, value, backstopNs, probeRetryNs);
    }

    public AckConfig withBackstopNs(long value) {
        return new AckConfig(maxPending, maxUncommitted, treeTimeoutNs, value, probeRetryNs);
    }

    public AckConfig withProbeRetryNs(long value) {
        return new AckConfig(maxPending, maxUncommitted, treeTimeoutNs, backstopNs, value);
    }
}
