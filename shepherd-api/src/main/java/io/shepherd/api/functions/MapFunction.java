package io.shepherd.api.functions;

import java.io.Serializable;

/** Turns each record into exactly one record. Each parallel subtask gets its own copy of the function. */
@FunctionalInterface
public interface MapFunction<I, O> extends Serializable {
    O map(I value) throws Exception;
}
