package io.shepherd.api.ack;

import java.io.Serializable;
import java.time.Duration;

/**
 * Ack mode: at-least-once per record by tracking every source record's tree of descendants, with no
 * checkpoints (DESIGN.md part 3, docs/ack-mode.md). Off until {@link #enable()}d; exclusive with
 * checkpoints (a job that sets both is rejected when it is submitted).
 *
 * <pre>{@code
 * env.config().acking().enable().setMaxPending(4096).setTreeTimeout(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>In ack mode a record that a user function throws on fails its source record's tree, which the
 * source emits again, instead of failing the job (under the default {@code ErrorPolicy.FAIL}); a record
 * lost on the way, or stuck, is emitted again after the tree timeout. Output may therefore hold
 * duplicates, never gaps.
 */
public final class AckingConfig implements Serializable {
    private boolean enabled;
    private int maxPending = 4_096;
    private Duration treeTimeout = Duration.ofSeconds(30);
    private int ackers;

    public boolean isEnabled() {
        return enabled;
    }

    /** Turns ack mode on. */
    public AckingConfig enable() {
        this.enabled = true;
        return this;
    }

    public int maxPending() {
        return maxPending;
    }

    /**
     * Source records one source subtask may have in flight (not yet fully processed); at the limit it
     * stops reading until some complete. Bounds memory, and throttles sources to what the pipeline
     * completes.
     */
    public AckingConfig setMaxPending(int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("max pending must be at least 1, got " + maxPending);
        }
        this.maxPending = maxPending;
        return this;
    }

    public Duration treeTimeout() {
        return treeTimeout;
    }

    /**
     * How long a record's tree may make no progress (no acknowledgement of any of its records) before it
     * is emitted again. A slow tree that keeps progressing is never timed out.
     */
    public AckingConfig setTreeTimeout(Duration treeTimeout) {
        if (treeTimeout == null || treeTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("tree timeout must be at least 1 ms, got " + treeTimeout);
        }
        this.treeTimeout = treeTimeout;
        return this;
    }

    /** Acker tasks; 0 (the default) means one per unit of the job's parallelism. */
    public int ackers() {
        return ackers;
    }

    public AckingConfig setAckers(int ackers) {
        if (ackers < 0) {
            throw new IllegalArgumentException("ackers must be >= 0 (0 = the job's parallelism), got " + ackers);
        }
        this.ackers = ackers;
        return this;
    }
}
