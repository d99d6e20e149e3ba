package io.shepherd.runtime.graph;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceReader;

/** A source that cannot be split: it supports parallelism 1 only. */
final class SingleReaderSource implements Source<Integer> {
    @Override
    public SourceReader<Integer> createReader(FunctionContext context) {
        return output -> InputStatus.END_OF_INPUT;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }
}
