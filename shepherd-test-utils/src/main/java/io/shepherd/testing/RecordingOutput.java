package io.shepherd.testing;

import io.shepherd.runtime.operators.Output;
import java.util.ArrayList;
import java.util.List;

/** Where the operator under test emits: everything is kept, in order, for the test to inspect. */
final class RecordingOutput implements Output {
    private final List<StreamItem> items = new ArrayList<>();

    @Override
    public void emit(Object record, long timestamp) {
        items.add(new TimestampedRecord(record, timestamp));
    }

    @Override
    public void emitWatermark(long watermark) {
        items.add(new Watermark(watermark));
    }

    List<StreamItem> items() {
        return items;
    }

    /** Swallows everything: the output of a new operator instance while it catches up with the old one. */
    static final Output DISCARD = new Output() {
        @Override
        public void emit(Object record, long timestamp) {}

        @Override
        public void emitWatermark(long watermark) {}
    };
}
