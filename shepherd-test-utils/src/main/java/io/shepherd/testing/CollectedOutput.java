package io.shepherd.testing;

import io.shepherd.api.sink.CollectSink;
import java.util.List;

/**
 * What one sink of a {@link PipelineHarness} job received. Readable once the job has run; the
 * records are then copied out of the process-wide collect registry and the registry entry freed.
 */
public final class CollectedOutput<T> {
    private final String name;
    private final CollectSink<T> sink;
    private List<T> values;

    CollectedOutput(String name, CollectSink<T> sink) {
        this.name = name;
        this.sink = sink;
    }

    /**
     * The records the sink received, in the order its subtasks wrote them (with parallelism 1, the
     * order of the stream).
     *
     * @throws IllegalStateException before the job has run
     */
    public List<T> values() {
        if (values == null) {
            throw new IllegalStateException("sink '" + name + "' has no output yet: run the job with PipelineHarness.run()");
        }
        return values;
    }

    public String name() {
        return name;
    }

    /** Takes the records out of the sink once the job has ended. */
    void gather() {
        values = sink.results();
        sink.clear();
    }

    /** Frees the sink's registry entry when the job failed before anything could be read. */
    void discard() {
        sink.clear();
    }
}
