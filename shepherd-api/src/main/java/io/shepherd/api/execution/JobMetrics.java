package io.shepherd.api.execution;

import java.util.List;

/**
 * Counters of a job at one moment, per operator in plan order.
 *
 * @param sourceRecords records emitted by all sources
 * @param sinkRecords records written by all sinks
 */
public record JobMetrics(List<OperatorMetrics> operators, long sourceRecords, long sinkRecords) {
    public JobMetrics {
        operators = List.copyOf(operators);
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
