package io.shepherd.bench.connectors;

import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.common.Clock;
import io.shepherd.connectors.generator.GeneratorSource;
import io.shepherd.connectors.generator.IndexRandom;
import io.shepherd.connectors.generator.RecordFunction;
import io.shepherd.connectors.generator.SeededRecordFunction;
import io.shepherd.runtime.operators.OperatorContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records per second out of one generator reader, polled the way a source task polls it (one call
 * emits a run of {@value #RUN} records), for a trivial record function and for a seeded one. Each
 * has a reference: a plain loop calling the same function for the same indices and handing the
 * records to the same output, so the ratio is what the reader costs on top of the function and the
 * output themselves. A third case puts an unreachable rate limit
 * on the trivial function, to show what reading the clock once per poll costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeneratorSourceBenchmark {
    /** Records per poll of an unbounded generator reader. */
    private static final int RUN = 64;

    private static final RecordFunction<Long> IDENTITY = index -> index;
    private static final SeededRecordFunction<Long> RANDOM_LONG = (index, random) -> random.nextLong();

    private final BlackholeOutput output = new BlackholeOutput();
    private SourceReader<Long> trivial;
    private SourceReader<Long> seeded;
    private SourceReader<Long> rateLimited;
    private IndexRandom referenceRandom;
    private long referenceIndex;

    @Setup
    public void setUp() throws Exception {
        trivial = GeneratorSource.unbounded(IDENTITY).createReader(context());
        seeded = GeneratorSource.seededUnbounded(42, RANDOM_LONG).createReader(context());
        rateLimited = GeneratorSource.unbounded(IDENTITY).withRateLimit(1e15).createReader(context());
        referenceRandom = new IndexRandom(42);
    }

    @Benchmark
    @OperationsPerInvocation(RUN)
    public void trivialGenerator(Blackhole blackhole) throws Exception {
        output.blackhole = blackhole;
        trivial.pollNext(output);
    }

    @Benchmark
    @OperationsPerInvocation(RUN)
    public void trivialReference(Blackhole blackhole) {
        output.blackhole = blackhole;
        long index = referenceIndex;
        for (int i = 0; i < RUN; i++) {
            output.collect(IDENTITY.apply(index++));
        }
        referenceIndex = index;
    }

    @Benchmark
    @OperationsPerInvocation(RUN)
    public void seededGenerator(Blackhole blackhole) throws Exception {
        output.blackhole = blackhole;
        seeded.pollNext(output);
    }

    @Benchmark
    @OperationsPerInvocation(RUN)
    public void seededReference(Blackhole blackhole) {
        output.blackhole = blackhole;
        long index = referenceIndex;
        for (int i = 0; i < RUN; i++) {
            referenceRandom.reset(index);
            output.collect(RANDOM_LONG.apply(index++, referenceRandom));
        }
        referenceIndex = index;
    }

    @Benchmark
    @OperationsPerInvocation(RUN)
    public void rateLimitedGenerator(Blackhole blackhole) throws Exception {
        output.blackhole = blackhole;
        rateLimited.pollNext(output);
    }

    private static OperatorContext context() {
        return new OperatorContext("generator", "generator", 0, 1, 128, false, Clock.system());
    }

    /** Hands every record to JMH's blackhole, as cheaply as a source output can be. */
    private static final class BlackholeOutput implements SourceOutput<Long> {
        Blackhole blackhole;

        @Override
        public void collect(Long record) {
            blackhole.consume(record);
        }

        @Override
        public void collect(Long record, long timestamp) {
            blackhole.consume(record);
        }
    }
}
