package io.shepherd.runtime.pipeline;

import java.io.Serializable;

/**
 * The one record type of generated pipelines, so that any operator can follow any other.
 *
 * @param ts a timestamp field: read by the timestamp assigner after a source, and set to the
 *     event timestamp by the stamp before every sink; operators in between ignore it
 */
public record Rec(long key, long value, long ts) implements Serializable {
    @Override
    public String toString() {
        return key + ":" + value + "@" + (ts == Long.MIN_VALUE ? "none" : Long.toString(ts));
    }
}
