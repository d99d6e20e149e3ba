package io.shepherd.api;

import java.io.Serializable;

/**
 * A record a user function failed on, routed aside by {@link ErrorPolicy#DEAD_LETTER}.
 *
 * @param operator the name of the operator whose function threw
 * @param subtask the parallel subtask index that saw the record
 * @param record the input record as the function received it
 * @param error the exception's class and message
 * @param timestamp the record's event timestamp, or {@link Long#MIN_VALUE}
 */
public record DeadLetter(String operator, int subtask, Object record, String error, long timestamp)
        implements Serializable {}
