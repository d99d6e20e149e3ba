package io.shepherd.api.execution;

/**
 * Counters of one operator, summed over its subtasks.
 *
 * @param recordsIn records handed to the operator
 * @param recordsOut records it emitted
 * @param recordsFailed records its function threw on (whatever the error policy did with them)
 * @param deadLetters of those, the ones sent to the dead-letter sink
 * @param lateRecords records dropped because they arrived behind the watermark
 */
public record OperatorMetrics(
        String operator, long recordsIn, long recordsOut, long recordsFailed, long deadLetters, long lateRecords) {}
