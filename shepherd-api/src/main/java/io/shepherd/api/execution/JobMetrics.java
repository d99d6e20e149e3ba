package io.shepherd.api.execution;

import io.shepherd.api.ack.AckMetrics;
import java.util.List;

/**
 * Counters of a job at one moment, per operator in plan order.
 *
 * @param sourceRecords records emitted by all sources
 * @param sinkRecords records written by all sinks
 * @param acking ack mode's counters and complete latency; {@link AckMetrics#NONE} without ack mode
 */
public record JobMetrics(List<OperatorMetrics> operators, long sourceRecords, long sinkRecords, AckMetrics acking) {
    public JobMetrics {
        operators = List.copyOf(operators);
        acking = acking == null ? AckMetrics.NONE : acking;
    }

    public JobMetrics(List<OperatorMetrics> operators, long sourceRecords, long sinkRecords) {
        this(operators, sourceRecords, sinkRecords, AckMetrics.NONE);
    }

    public OperatorMetrics operator(String name) {
        for (OperatorMetrics metrics : operators) {
            if (metrics.operator().equals(name)) {
                return metrics;
            }
        }
        throw new IllegalArgumentException("no operator named '" + name + "'; have " + operators.stream()
                .map(OperatorMetrics::operator)
                .toList());
    }
}
