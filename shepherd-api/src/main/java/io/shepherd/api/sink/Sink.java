package io.shepherd.api.sink;

import io.shepherd.api.functions.FunctionContext;
import java.io.Serializable;

/** Where a stream ends. One writer is created per parallel subtask. */
public interface Sink<T> extends Serializable {
    SinkWriter<T> createWriter(FunctionContext context) throws Exception;
}
