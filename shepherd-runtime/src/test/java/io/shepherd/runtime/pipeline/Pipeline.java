package io.shepherd.runtime.pipeline;

import io.shepherd.api.JobConfig;
import java.time.Duration;
import java.util.List;

/**
 * A generated job: its nodes in creation order (inputs before readers) and its settings. Printed
 * whole when a seed fails, so the job can be read without replaying it.
 */
public record Pipeline(
        List<PipelineNode> nodes,
        int parallelism,
        int maxParallelism,
        int batchSize,
        int channelCapacityBatches,
        int workerThreads,
        long bufferTimeoutNanos,
        long watermarkIntervalMs,
        boolean timestamped) {

    public Pipeline {
        nodes = List.copyOf(nodes);
    }

    public PipelineNode node(int id) {
        return nodes.get(id);
    }

    /** The parallelism the node runs with. */
    public int parallelismOf(PipelineNode node) {
        return node.parallelism() == 0 ? parallelism : node.parallelism();
    }

    public void configure(JobConfig config) {
        config.setParallelism(parallelism)
                .setMaxParallelism(maxParallelism)
                .setBatchSize(batchSize)
                .setChannelCapacityBatches(channelCapacityBatches)
                .setWorkerThreads(workerThreads)
                .setBufferTimeout(Duration.ofNanos(bufferTimeoutNanos))
                .setWatermarkIntervalMs(watermarkIntervalMs);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("pipeline (parallelism " + parallelism + ", max parallelism "
                + maxParallelism + ", batch size " + batchSize + ", channel capacity " + channelCapacityBatches
                + " batches, " + workerThreads + " worker threads, buffer timeout " + bufferTimeoutNanos + "ns, "
                + (timestamped ? "event time with watermarks every " + watermarkIntervalMs + "ms" : "no event time")
                + "):");
        for (PipelineNode node : nodes) {
            text.append("\n  ").append(node);
        }
        return text.toString();
    }
}
