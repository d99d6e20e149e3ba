package io.shepherd.api.sink;

/**
 * Writes one subtask's records. {@link #flush} is called when the input ends and before every
 * checkpoint; a writer that buffers must make everything written so far visible or durable there.
 * {@link #close} is also called after a failure, when it must release resources without flushing.
 */
public interface SinkWriter<T> extends AutoCloseable {
    void write(T record) throws Exception;

    default void flush() throws Exception {}

    @Override
    default void close() throws Exception {}
}
