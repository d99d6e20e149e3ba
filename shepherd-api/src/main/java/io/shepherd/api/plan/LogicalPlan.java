package io.shepherd.api.plan;

import io.shepherd.api.DeadLetter;
import io.shepherd.api.JobConfig;
import io.shepherd.api.sink.Sink;
import java.io.Serializable;
import java.util.List;

/**
 * A whole job as the user described it: its nodes in creation order (inputs always come before
 * the nodes that read them), its configuration, and where dead letters go.
 */
public record LogicalPlan(String jobName, List<PlanNode> nodes, JobConfig config, Sink<DeadLetter> deadLetterSink)
        implements Serializable {
    public LogicalPlan {
        nodes = List.copyOf(nodes);
    }

    public PlanNode node(int id) {
        for (PlanNode node : nodes) {
            if (node.id() == id) {
                return node;
            }
        }
        throw new IllegalArgumentException("no node #" + id + " in job '" + jobName + "'");
    }
}
