package io.shepherd.bench.compare;

import java.nio.file.Path;

/**
 * One run of one job on one engine.
 *
 * @param records records the source generates
 * @param parallelism of every operator
 * @param rate records per second the source is held to (the latency job); 0 for as fast as it goes
 * @param checkpointDirectory where checkpoints go, if the job takes them
 */
record RunSpec(PeerJob job, long records, int parallelism, double rate, Path checkpointDirectory) {

    /** When the recovery job fails: after {@link PeerJob#FAIL_AFTER} records, or a third of a shorter input. */
    long failAfter() {
        return Math.min(PeerJob.FAIL_AFTER, records / 3);
    }

    /** Latency is recorded from this record on in each sink subtask: the first fifth warms the JIT. */
    long latencyWarmupPerSubtask() {
        return records / parallelism / 5;
    }

    /**
     * How many records a sink subtask gathers before it reports them: a counter shared by every subtask and
     * touched per record would slow both engines, but the 10% and 90% marks must still be seen to within a
     * few records' worth of input (the window job's output is small and comes in bursts).
     */
    long sinkChunk() {
        return Math.max(1, Math.min(1 << 16, sinkRecords() / parallelism / 200));
    }

    long sinkRecords() {
        return job.sinkRecords(records, parallelism);
    }
}
