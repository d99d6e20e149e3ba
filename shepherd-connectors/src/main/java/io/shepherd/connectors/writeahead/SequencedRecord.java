package io.shepherd.connectors.writeahead;

/**
 * A record on its way to an {@link IdempotentTarget}, with the identity it keeps however often it is
 * sent: {@code (subtask, sequence)} names this record and no other, in every attempt.
 *
 * @param subtask the sink subtask that wrote the record
 * @param sequence the record's number in that subtask's output: increasing, not necessarily dense
 * @param value the record
 */
public record SequencedRecord<T>(int subtask, long sequence, T value) {}
