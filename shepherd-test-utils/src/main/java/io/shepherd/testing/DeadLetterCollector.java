package io.shepherd.testing;

import io.shepherd.api.DeadLetter;
import io.shepherd.runtime.operators.Output;
import java.util.List;

/** The dead-letter output of the operator under test: the runtime's error handler writes {@link DeadLetter}s here. */
final class DeadLetterCollector implements Output {
    private final List<DeadLetter> deadLetters;

    DeadLetterCollector(List<DeadLetter> deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void emit(Object record, long timestamp) {
        deadLetters.add((DeadLetter) record);
    }

    @Override
    public void emitWatermark(long watermark) {
        // Dead letters are a side output without event time; the runtime never sends them watermarks.
    }
}
