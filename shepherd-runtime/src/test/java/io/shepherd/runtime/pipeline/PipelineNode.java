package io.shepherd.runtime.pipeline;

import io.shepherd.api.plan.Partitioning;
import java.util.List;

/**
 * One node of a generated pipeline.
 *
 * @param parallelism the node's own parallelism, or 0 for the job's default
 * @param inputs where its records come from; keyed steps read with {@link Partitioning#HASH}
 */
public record PipelineNode(int id, Step step, int parallelism, List<Input> inputs) {
    public PipelineNode {
        inputs = List.copyOf(inputs);
    }

    /** An input: the node read from, and the partitioning the reader asked for. */
    public record Input(int from, Partitioning partitioning) {
        @Override
        public String toString() {
            return "#" + from + (partitioning == Partitioning.DEFAULT ? "" : " " + partitioning.name().toLowerCase());
        }
    }

    /** A unique operator name, so that failures and metrics point at the node. */
    public String name() {
        return "n" + id + "-" + step.getClass().getSimpleName().toLowerCase();
    }

    @Override
    public String toString() {
        return "#" + id + " " + step + (parallelism == 0 ? "" : " p=" + parallelism)
                + (inputs.isEmpty() ? "" : " <- " + inputs);
    }
}
