package io.shepherd.api.source;

import io.shepherd.api.functions.FunctionContext;
import java.io.Serializable;

/**
 * A parallel source of records. The engine creates one reader per parallel subtask; the reader
 * decides from {@link FunctionContext#subtaskIndex()} and {@link FunctionContext#parallelism()}
 * which share of the input is its own.
 */
public interface Source<T> extends Serializable {
    SourceReader<T> createReader(FunctionContext context) throws Exception;

    /** The largest parallelism this source supports; 1 for inputs that cannot be split. */
    default int maxParallelism() {
        return Integer.MAX_VALUE;
    }
}
