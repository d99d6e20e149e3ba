package io.shepherd.bench.compare;

import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * The comparison's jobs on Apache Flink, in this JVM as a MiniCluster (a local environment) with the same
 * parallelism. Flink is given its usual tuning for throughput: object reuse on, the heap state backend,
 * checkpoints to files.
 */
final class FlinkJobs {
    private FlinkJobs() {}

    /** Runs the job to its end; the sinks report to the {@link Probe}. */
    static void run(RunSpec spec) throws Exception {
        Configuration config = new Configuration();
        PeerJob job = spec.job();
        if (job.checkpoints() != PeerJob.Checkpoints.NONE) {
            config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, spec.checkpointDirectory().toUri().toString());
        }
        if (job == PeerJob.RECOVERY) {
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
        } else {
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(spec.parallelism(), config);
        env.getConfig().enableObjectReuse();
        switch (job.checkpoints()) {
            case NONE -> { }
            case ALIGNED -> env.enableCheckpointing(job.checkpointIntervalMillis(), CheckpointingMode.EXACTLY_ONCE);
            case AT_LEAST_ONCE -> env.enableCheckpointing(job.checkpointIntervalMillis(), CheckpointingMode.AT_LEAST_ONCE);
            case UNALIGNED -> {
                env.enableCheckpointing(job.checkpointIntervalMillis(), CheckpointingMode.EXACTLY_ONCE);
                env.getCheckpointConfig().enableUnalignedCheckpoints();
            }
        }
        build(env, spec);
        env.execute("compare-" + job.label());
    }

    private static void build(StreamExecutionEnvironment env, RunSpec spec) {
        long records = spec.records();
        long warmup = spec.latencyWarmupPerSubtask();
        long chunk = spec.sinkChunk();
        switch (spec.job()) {
            case STATELESS -> numbers(env, records)
                    .map(value -> value * 3)
                    .filter(value -> (value & 1) == 0)
                    .sinkTo(new ProbeSink<Long>((value, tally) -> tally.addValue(value), warmup, chunk));
            case KEYED_COUNT_ACKED -> throw new IllegalArgumentException("Flink has no per-record acking");
            case KEYED_COUNT, KEYED_COUNT_EXACTLY_ONCE, KEYED_COUNT_AT_LEAST_ONCE, KEYED_COUNT_UNALIGNED ->
                    numbers(env, records)
                            .keyBy(value -> value % PeerJob.KEYS)
                            .process(new Count())
                            .sinkTo(new ProbeSink<Tuple2<Long, Long>>((c, tally) -> tally.addCount(c.f0, c.f1), warmup, chunk));
            case RECOVERY -> numbers(env, records)
                    .map(new TagWithSource())
                    .keyBy(tagged -> tagged.f0 % PeerJob.KEYS)
                    .process(new TrackedCount(spec.failAfter()))
                    .sinkTo(new ProbeSink<Tuple2<Long, Long>>((c, tally) -> tally.addCount(c.f0, c.f1), warmup, chunk));
            case WINDOW -> numbers(env, records)
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(100))
                            .withTimestampAssigner(context -> new PositionTimestamps()))
                    .keyBy(value -> value % PeerJob.KEYS)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                    .aggregate(new CountAggregate())
                    .sinkTo(new ProbeSink<Long>((count, tally) -> tally.addValue(count), warmup, chunk));
            case LATENCY -> env.fromSource(new DataGeneratorSource<>(index -> Tuple2.of(index, System.nanoTime()),
                                    records, new MillisecondPacing<>(spec.rate()), Types.TUPLE(Types.LONG, Types.LONG)),
                            WatermarkStrategy.noWatermarks(), "generator")
                    .keyBy(timed -> timed.f0 % PeerJob.KEYS)
                    .process(new TimedCount())
                    .sinkTo(new ProbeSink<Long>((created, tally) -> tally.addLatency(created), warmup, chunk));
        }
    }

    private static DataStream<Long> numbers(StreamExecutionEnvironment env, long records) {
        return env.fromSequence(0, records - 1);
    }

    /** Adds one to the key's count in keyed state; returns the new count. */
    private static long increment(ValueState<Long> count) throws IOException {
        Long current = count.value();
        long next = current == null ? 1 : current + 1;
        count.update(next);
        return next;
    }

    /** The running count per key, in keyed state; emits (key, count). */
    private static final class Count extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
        private transient ValueState<Long> count;
        private transient Tuple2<Long, Long> output;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            output = new Tuple2<>();
        }

        @Override
        public void processElement(Long value, Context context, Collector<Tuple2<Long, Long>> out) throws IOException {
            long next = increment(count);
            output.f0 = context.getCurrentKey();
            output.f1 = next;
            out.collect(output);
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
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            tracker = new RecoveryTracker(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                    getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks(), failAfter);
        }

        @Override
        public void processElement(Tuple2<Long, Integer> tagged, Context context, Collector<Tuple2<Long, Long>> out)
                throws IOException {
            tracker.count(tagged.f1, tagged.f0);
            long next = increment(count);
            out.collect(Tuple2.of(context.getCurrentKey(), next));
        }
    }

    /** The latency job's count: counts as {@link Count}, emits when the record was created. */
    private static final class TimedCount extends KeyedProcessFunction<Long, Tuple2<Long, Long>, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Tuple2<Long, Long> timed, Context context, Collector<Long> out) throws IOException {
            increment(count);
            out.collect(timed.f1);
        }
    }

    /** Tags each value with the source subtask it came from (chained to the source, so the same index). */
    private static final class TagWithSource extends RichMapFunction<Long, Tuple2<Long, Integer>> {
        private transient int subtask;

        @Override
        public void open(OpenContext context) {
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
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
        public long extractTimestamp(Long value, long recordTimestamp) {
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

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Discards records after reading them into a {@link SinkTally}. */
    private record ProbeSink<T>(Reading<T> reading, long latencyWarmup, long chunk) implements Sink<T> {
        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            SinkTally tally = new SinkTally(latencyWarmup, chunk);
            return new SinkWriter<>() {
                @Override
                public void write(T record, Context context) {
                    reading.read(record, tally);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {
                    tally.close();
                }
            };
        }
    }
}
