package io.shepherd.wal;

import io.shepherd.common.Clock;
import io.shepherd.common.io.Disk;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to open a log: where, on which {@link Disk}, with which {@link SyncPolicy} and limits. Build with
 * {@link #builder(Path)}; every setting but the directory has a default.
 */
public final class WalOptions {

    /** The largest segment file, so that offsets inside a segment stay well within an int. */
    public static final long MAX_SEGMENT_BYTES = 1L << 30;

    private final Path directory;
    private final Disk disk;
    private final Clock clock;
    private final SyncPolicy syncPolicy;
    private final long segmentBytes;
    private final int maxRecordBytes;
    private final int maxBatchBytes;
    private final long maxBatchWaitNanos;
    private final long maxQueuedBytes;
    private final long preallocateBytes;
    private final boolean verifySealedSegments;

    private WalOptions(Builder b) {
        this.directory = b.directory;
        this.disk = b.disk;
        this.clock = b.clock;
        this.syncPolicy = b.syncPolicy;
        this.segmentBytes = b.segmentBytes;
        this.maxRecordBytes = b.maxRecordBytes > 0
                ? b.maxRecordBytes
                : (int) Math.min(8 << 20, maxPayloadFor(b.segmentBytes));
        this.maxBatchBytes = b.maxBatchBytes;
        this.maxBatchWaitNanos = b.maxBatchWait.toNanos();
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.preallocateBytes = b.preallocateBytes;
        this.verifySealedSegments = b.verifySealedSegments;
        if (segmentBytes < 4096 || segmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("segment size " + segmentBytes + " is outside 4096.." + MAX_SEGMENT_BYTES);
        }
        if (maxRecordBytes > maxPayloadFor(segmentBytes)) {
            throw new IllegalArgumentException("max record size " + maxRecordBytes + " does not fit a " + segmentBytes
                    + "-byte segment (at most " + maxPayloadFor(segmentBytes) + ")");
        }
        if (preallocateBytes < 0) {
            throw new IllegalArgumentException("preallocation chunk " + preallocateBytes
                    + " bytes is negative; use 0 to turn preallocation off");
        }
        if (maxBatchBytes < 1 || maxQueuedBytes < maxRecordBytes || maxBatchWaitNanos < 0) {
            throw new IllegalArgumentException("need max batch bytes >= 1, max queued bytes >= max record size ("
                    + maxRecordBytes + ") and a wait >= 0");
        }
    }

    private static long maxPayloadFor(long segmentBytes) {
        return segmentBytes - SegmentHeader.BYTES - RecordFrame.HEADER_BYTES;
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder(directory)
                .disk(disk)
                .clock(clock)
                .syncPolicy(syncPolicy)
                .segmentBytes(segmentBytes)
                .maxRecordBytes(maxRecordBytes)
                .groupCommit(maxBatchBytes, Duration.ofNanos(maxBatchWaitNanos))
                .maxQueuedBytes(maxQueuedBytes)
                .preallocateBytes(preallocateBytes)
                .verifySealedSegments(verifySealedSegments);
    }

    public Path directory() {
        return directory;
    }

    public Disk disk() {
        return disk;
    }

    public Clock clock() {
        return clock;
    }

    public SyncPolicy syncPolicy() {
        return syncPolicy;
    }

    public long segmentBytes() {
        return segmentBytes;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    public int maxBatchBytes() {
        return maxBatchBytes;
    }

    public long maxBatchWaitNanos() {
        return maxBatchWaitNanos;
    }

    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    public long preallocateBytes() {
        return preallocateBytes;
    }

    public boolean verifySealedSegments() {
        return verifySealedSegments;
    }

    public static final class Builder {
        private final Path directory;
        private Disk disk = Disk.local();
        private Clock clock = Clock.system();
        private SyncPolicy syncPolicy = SyncPolicy.SYNC;
        private long segmentBytes = 64L << 20;
        private int maxRecordBytes;
        private int maxBatchBytes = 1 << 20;
        private Duration maxBatchWait = Duration.ZERO;
        private long maxQueuedBytes = 64L << 20;
        private long preallocateBytes = 4L << 20;
        private boolean verifySealedSegments = true;

        private Builder(Path directory) {
            if (directory == null) {
                throw new IllegalArgumentException("directory is required");
            }
            this.directory = directory;
        }

        /** Where all I/O goes; {@link Disk#local()} by default. */
        public Builder disk(Disk disk) {
            this.disk = disk;
            return this;
        }

        /** The time source for the interval policy and the group-commit wait; {@link Clock#system()} by default. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** {@link SyncPolicy#SYNC} by default. */
        public Builder syncPolicy(SyncPolicy syncPolicy) {
            this.syncPolicy = syncPolicy;
            return this;
        }

        /** The size at which a segment is sealed and a new one started; 64 MiB by default. */
        public Builder segmentBytes(long segmentBytes) {
            this.segmentBytes = segmentBytes;
            return this;
        }

        /** The largest payload {@link Wal#append} accepts; 8 MiB (or what fits a segment) by default. */
        public Builder maxRecordBytes(int maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
            return this;
        }

        /**
         * Bounds one group commit: at most {@code maxBatchBytes} of records are written per force (1 MiB by
         * default), and under {@link SyncPolicy#SYNC} the writer waits up to {@code maxWait} for a batch to
         * fill before forcing it (zero by default: force as soon as the queue is empty, since records that
         * arrive during a force form the next batch anyway).
         */
        public Builder groupCommit(int maxBatchBytes, Duration maxWait) {
            this.maxBatchBytes = maxBatchBytes;
            this.maxBatchWait = maxWait;
            return this;
        }

        /**
         * How many bytes of appends may await acknowledgement (queued for the writer, or written and waiting for
         * their force) before {@link Wal#append} blocks; 64 MiB by default.
         */
        public Builder maxQueuedBytes(long maxQueuedBytes) {
            this.maxQueuedBytes = maxQueuedBytes;
            return this;
        }

        /**
         * Keeps the active segment zero-filled this many bytes ahead of its records (4 MiB by default, never
         * past the segment size; 0 turns it off). Forces then rarely have a file length to commit, which makes
         * them markedly cheaper on ext4; the price is writing each chunk of zeros once. Recovery reads a zero
         * tail as the clean end of the log.
         */
        public Builder preallocateBytes(long chunkBytes) {
            this.preallocateBytes = chunkBytes;
            return this;
        }

        /**
         * Whether opening reads every sealed segment through and checks every checksum (true by default).
         * Turning it off makes opening a long log fast; corruption in sealed segments is then found by
         * readers instead, when they reach it.
         */
        public Builder verifySealedSegments(boolean verify) {
            this.verifySealedSegments = verify;
            return this;
        }

        public WalOptions build() {
            return new WalOptions(this);
        }
    }
}
