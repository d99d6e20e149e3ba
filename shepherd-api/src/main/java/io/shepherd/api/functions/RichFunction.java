package io.shepherd.api.functions;

/**
 * A function with a life cycle. {@link #open} runs once per parallel subtask before the first record,
 * on the thread that will call the function; state handles are obtained there. {@link #close} runs
 * once at the end, also after a failure.
 */
public interface RichFunction {
    default void open(FunctionContext context) throws Exception {}

    default void close() throws Exception {}
}
