package io.shepherd.bench.compare;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One sink subtask's view of the output, the same for every engine: how many records arrived (reported to
 * the {@link Probe} in chunks), a checksum, the last count seen per key, and end-to-end latencies. The
 * engines' sinks take the fields out of their own record types and call in here; {@link #close} hands
 * everything to the probe.
 */
final class SinkTally {
    private final long warmupRecords;
    private final long chunk;
    private long received;
    private long reported;
    private long checksum;
    private long[] lastCounts;
    private Histogram latencies;

    /**
     * @param warmupRecords records whose latency is not recorded (the JIT is still compiling)
     * @param chunk how many records to gather before reporting them ({@link RunSpec#sinkChunk})
     */
    SinkTally(long warmupRecords, long chunk) {
        this.warmupRecords = warmupRecords;
        this.chunk = chunk;
    }

    /** A record whose content is not checked. */
    void add() {
        if (received++ == 0) {
            Probe.firstRecord();
        }
        if (received - reported == chunk) {
            Probe.sinkProgress(chunk);
            reported = received;
        }
    }

    /** A record that adds {@code value} to the checksum. */
    void addValue(long value) {
        add();
        checksum += value;
    }

    /** A running count: the last one per key must be the key's exact total. */
    void addCount(long key, long count) {
        add();
        if (lastCounts == null) {
            lastCounts = new long[(int) PeerJob.KEYS];
        }
        lastCounts[(int) key] = count;
    }

    /** A record created at {@code createdNanos} (System.nanoTime in this JVM). */
    void addLatency(long createdNanos) {
        long latency = System.nanoTime() - createdNanos;
        add();
        if (received > warmupRecords) {
            if (latencies == null) {
                latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            }
            latencies.recordValue(Math.min(latency, latencies.getHighestTrackableValue()));
        }
    }

    void close() {
        Probe.sinkProgress(received - reported);
        reported = received;
        Probe.addChecksum(checksum);
        checksum = 0;
        if (lastCounts != null) {
            Probe.addLastCounts(lastCounts);
            lastCounts = null;
        }
        if (latencies != null) {
            Probe.addLatencies(latencies);
            latencies = null;
        }
    }
}
