package io.shepherd.api;

import io.shepherd.api.ack.AckingConfig;
import io.shepherd.api.checkpoint.CheckpointConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of a job. Defaults suit a small machine; each setter validates its argument and says
 * what range is allowed.
 */
public final class JobConfig implements Serializable {
    private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int maxParallelism = 128;
    private ErrorPolicy errorPolicy = ErrorPolicy.FAIL;
    private int batchSize = 512;
    private int channelCapacityBatches = 16;
    private int workerThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private long bufferTimeoutNanos = 1_000_000;
    private long watermarkIntervalMs = 200;
    private final CheckpointConfig checkpointing = new CheckpointConfig();
    private final AckingConfig acking = new AckingConfig();

    /** Checkpoints, restore and restart strategy. */
    public CheckpointConfig checkpointing() {
        return checkpointing;
    }

    /** Ack mode: at-least-once per record without checkpoints; exclusive with {@link #checkpointing()}. */
    public AckingConfig acking() {
        return acking;
    }

    public int parallelism() {
        return parallelism;
    }

    /** The parallelism of operators that do not set their own. */
    public JobConfig setParallelism(int parallelism) {
        requireAtLeast("parallelism", parallelism, 1);
        this.parallelism = parallelism;
        return this;
    }

    /** The number of key groups: keyed state is split into this many parts, the unit of rescaling. */
    public int maxParallelism() {
        return maxParallelism;
    }

    public JobConfig setMaxParallelism(int maxParallelism) {
        requireAtLeast("max parallelism", maxParallelism, 1);
        if (maxParallelism > 32_768) {
            throw new IllegalArgumentException("max parallelism must be at most 32768, got " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
        return this;
    }

    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** The policy of operators that do not set their own; {@link ErrorPolicy#FAIL} by default. */
    public JobConfig setErrorPolicy(ErrorPolicy errorPolicy) {
        if (errorPolicy == null) {
            throw new IllegalArgumentException("error policy must not be null");
        }
        this.errorPolicy = errorPolicy;
        return this;
    }

    /** Records per batch handed between tasks: larger batches cost latency and buy throughput. */
    public int batchSize() {
        return batchSize;
    }

    public JobConfig setBatchSize(int batchSize) {
        requireAtLeast("batch size", batchSize, 1);
        this.batchSize = batchSize;
        return this;
    }

    /** Batches a channel holds before its sender is back-pressured; bounds memory per channel. */
    public int channelCapacityBatches() {
        return channelCapacityBatches;
    }

    public JobConfig setChannelCapacityBatches(int channelCapacityBatches) {
        requireAtLeast("channel capacity", channelCapacityBatches, 2);
        this.channelCapacityBatches = channelCapacityBatches;
        return this;
    }

    /** Threads that run the job's tasks cooperatively; the number of cores by default. */
    public int workerThreads() {
        return workerThreads;
    }

    public JobConfig setWorkerThreads(int workerThreads) {
        requireAtLeast("worker threads", workerThreads, 1);
        this.workerThreads = workerThreads;
        return this;
    }

    /**
     * The longest a partly filled batch waits for more records before it is sent anyway: bounds the
     * latency batching adds under light load. Under heavy load batches fill and go at once.
     */
    public Duration bufferTimeout() {
        return Duration.ofNanos(bufferTimeoutNanos);
    }

    public JobConfig setBufferTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("buffer timeout must be >= 0, got " + timeout);
        }
        this.bufferTimeoutNanos = timeout.toNanos();
        return this;
    }

    /** How often, in processing time, timestamp assigners emit watermarks. */
    public long watermarkIntervalMs() {
        return watermarkIntervalMs;
    }

    public JobConfig setWatermarkIntervalMs(long watermarkIntervalMs) {
        if (watermarkIntervalMs < 1) {
            throw new IllegalArgumentException("watermark interval must be at least 1 ms, got " + watermarkIntervalMs);
        }
        this.watermarkIntervalMs = watermarkIntervalMs;
        return this;
    }

    private static void requireAtLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
        }
    }
}
