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

    /** Latency is recorded from this record on in each sink subtask: the first fifth warms the JIT. */
    long latencyWarmupPerSubtask() {
        return records / parallelism / 5;
    }

    long sinkRecords() {
        return job.sinkRecords(records, parallelism);
    }
}
