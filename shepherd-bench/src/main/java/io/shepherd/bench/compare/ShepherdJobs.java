package io.shepherd.bench.compare;

import io.shepherd.api.DataStream;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.api.checkpoint.RestartStrategy;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.RichFunction;
import io.shepherd.api.sink.Sink;
import io.shepherd.api.sink.SinkWriter;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.time.TimestampAssigner;
import io.shepherd.api.time.WatermarkStrategy;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.windowing.AggregateFunction;
import io.shepherd.api.windowing.TumblingEventTimeWindows;
import io.shepherd.connectors.generator.GeneratorSource;
import java.time.Duration;

/** The comparison's jobs on Shepherd's embedded engine. */
final class ShepherdJobs {
    private ShepherdJobs() {}

    /** Runs the job to its end; the sinks report to the {@link Probe}. */
    static void run(RunSpec spec) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(spec.parallelism());
        configureCheckpoints(env, spec);
        if (spec.job() == PeerJob.KEYED_COUNT_ACKED) {
            env.config().acking().enable();
        }
        build(env, spec);
        env.execute("compare-" + spec.job().label());
    }

    private static void configureCheckpoints(StreamEnvironment env, RunSpec spec) {
        PeerJob job = spec.job();
        CheckpointingMode mode = switch (job.checkpoints()) {
            case NONE -> null;
            case ALIGNED -> CheckpointingMode.ALIGNED;
            case AT_LEAST_ONCE -> CheckpointingMode.AT_LEAST_ONCE;
            case UNALIGNED -> CheckpointingMode.UNALIGNED;
        };
        if (mode == null) {
            return;
        }
        env.config().checkpointing()
                .setInterval(Duration.ofMillis(job.checkpointIntervalMillis()))
                .setMode(mode)
                .setDirectory(spec.checkpointDirectory().toString())
                .setRestartStrategy(job == PeerJob.RECOVERY ? RestartStrategy.fixedDelay(1, Duration.ZERO)
                        : RestartStrategy.none());
    }

    private static void build(StreamEnvironment env, RunSpec spec) {
        long records = spec.records();
        long warmup = spec.latencyWarmupPerSubtask();
        long chunk = spec.sinkChunk();
        switch (spec.job()) {
            case STATELESS -> numbers(env, records)
                    .map(value -> value * 3)
                    .filter(value -> (value & 1) == 0)
                    .sink(new ProbeSink<Long>((value, tally) -> tally.addValue(value), warmup, chunk));
            case KEYED_COUNT, KEYED_COUNT_ACKED, KEYED_COUNT_EXACTLY_ONCE, KEYED_COUNT_AT_LEAST_ONCE,
                    KEYED_COUNT_UNALIGNED ->
                    numbers(env, records)
                            .keyBy(value -> value % PeerJob.KEYS)
                            .process(new Count())
                            .sink(new ProbeSink<Tuple2<Long, Long>>((c, tally) -> tally.addCount(c.f0(), c.f1()), warmup, chunk));
            case RECOVERY -> numbers(env, records)
                    .map(new TagWithSource())
                    .keyBy(tagged -> tagged.f0() % PeerJob.KEYS)
                    .process(new TrackedCount(spec.failAfter()))
                    .sink(new ProbeSink<Tuple2<Long, Long>>((c, tally) -> tally.addCount(c.f0(), c.f1()), warmup, chunk));
            case WINDOW -> numbers(env, records)
                    .assignTimestampsAndWatermarks(WatermarkStrategy.forBoundedOutOfOrderness(
                            Duration.ofMillis(100), new PositionTimestamps()))
                    .keyBy(value -> value % PeerJob.KEYS)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                    .aggregate(new CountAggregate())
                    .sink(new ProbeSink<Long>((count, tally) -> tally.addValue(count), warmup, chunk));
            case LATENCY -> env.fromSource(GeneratorSource.of(records,
                                    index -> Tuple2.of(index, System.nanoTime())).withRateLimit(spec.rate()), "generator")
                    .keyBy(timed -> timed.f0() % PeerJob.KEYS)
                    .process(new TimedCount())
                    .sink(new ProbeSink<Long>((created, tally) -> tally.addLatency(created), warmup, chunk));
        }
    }

    private static DataStream<Long> numbers(StreamEnvironment env, long records) {
        return env.fromSource(GeneratorSource.of(records, index -> index), "generator");
    }

    /** Adds one to the key's count in keyed state; returns the new count. */
    private static long increment(ValueState<Long> count) {
        Long current = count.value();
        long next = current == null ? 1 : current + 1;
        count.update(next);
        return next;
    }

    /** The running count per key, in keyed state; emits (key, count). */
    private static final class Count extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context<Long> context, Collector<Tuple2<Long, Long>> out) {
            long next = increment(count);
            out.collect(Tuple2.of(context.currentKey(), next));
        }
    }

    /** The recovery job's count: as {@link Count}, with its {@link RecoveryTracker}. */
    private static final class TrackedCount extends KeyedProcessFunction<Long, Tuple2<Long, Integer>, Tuple2<Long, Long>> {
        private final long failAfter;
        private transient ValueState<Long> count;
        private transient RecoveryTracker tracker;

        TrackedCount(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
            tracker = new RecoveryTracker(context.subtaskIndex(), context.parallelism(), failAfter);
        }

        @Override
        public void processElement(Tuple2<Long, Integer> tagged, Context<Long> context,
                Collector<Tuple2<Long, Long>> out) {
            tracker.count(tagged.f1(), tagged.f0());
            long next = increment(count);
            out.collect(Tuple2.of(context.currentKey(), next));
        }
    }

    /** The latency job's count: counts as {@link Count}, emits when the record was created. */
    private static final class TimedCount extends KeyedProcessFunction<Long, Tuple2<Long, Long>, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(FunctionContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Tuple2<Long, Long> timed, Context<Long> context, Collector<Long> out) {
            increment(count);
            out.collect(timed.f1());
        }
    }

    /** Tags each value with the source subtask it came from (chained to the source, so the same index). */
    private static final class TagWithSource implements MapFunction<Long, Tuple2<Long, Integer>>, RichFunction {
        private transient int subtask;

        @Override
        public void open(FunctionContext context) {
            subtask = context.subtaskIndex();
        }

        @Override
        public Tuple2<Long, Integer> map(Long value) {
            return Tuple2.of(value, subtask);
        }
    }

    /** Event time from each source subtask's own position: every subtask's time advances alike. */
    private static final class PositionTimestamps implements TimestampAssigner<Long> {
        private long position;

        @Override
        public long extractTimestamp(Long value) {
            return position++ / PeerJob.RECORDS_PER_EVENT_MS;
        }
    }

    private static final class CountAggregate implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }
    }

    /** Discards records after reading them into a {@link SinkTally}. */
    private record ProbeSink<T>(Reading<T> reading, long latencyWarmup, long chunk) implements Sink<T> {
        @Override
        public SinkWriter<T> createWriter(FunctionContext context) {
            SinkTally tally = new SinkTally(latencyWarmup, chunk);
            return new SinkWriter<>() {
                @Override
                public void write(T record) {
                    reading.read(record, tally);
                }

                @Override
                public void close() {
                    tally.close();
                }
            };
        }
    }
}
