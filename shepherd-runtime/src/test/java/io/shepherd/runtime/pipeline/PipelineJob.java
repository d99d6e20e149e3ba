package io.shepherd.runtime.pipeline;

import io.shepherd.api.DataStream;
import io.shepherd.api.KeyedStream;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.plan.Partitioning;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.time.WatermarkStrategy;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.windowing.SlidingEventTimeWindows;
import io.shepherd.api.windowing.TumblingEventTimeWindows;
import io.shepherd.api.windowing.WindowAssigner;
import io.shepherd.api.WindowedStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Describes a generated pipeline to a stream environment with the public API, one node at a time. */
final class PipelineJob {
    private final Pipeline pipeline;
    private final StreamEnvironment env;
    private final Map<Integer, DataStream<Rec>> streams = new HashMap<>();
    private final Map<Integer, CollectSink<Rec>> sinks = new LinkedHashMap<>();

    private PipelineJob(Pipeline pipeline, StreamEnvironment env) {
        this.pipeline = pipeline;
        this.env = env;
    }

    /** Adds the pipeline to {@code env}; returns the collecting sink of each sink node, by node id. */
    static Map<Integer, CollectSink<Rec>> describe(Pipeline pipeline, StreamEnvironment env) {
        PipelineJob job = new PipelineJob(pipeline, env);
        pipeline.configure(env.config());
        for (PipelineNode node : pipeline.nodes()) {
            job.add(node);
        }
        return job.sinks;
    }

    private void add(PipelineNode node) {
        Step step = node.step();
        DataStream<Rec> out;
        if (step instanceof Step.Source source) {
            out = env.fromCollection(source.items());
        } else if (step instanceof Step.Timestamps timestamps) {
            out = input(node).assignTimestampsAndWatermarks(WatermarkStrategy.forBoundedOutOfOrderness(
                    Duration.ofMillis(timestamps.boundMs()), Rec::ts));
        } else if (step instanceof Step.Map map) {
            out = input(node).map(map);
        } else if (step instanceof Step.FlatMap flatMap) {
            out = input(node).flatMap(flatMap);
        } else if (step instanceof Step.Filter filter) {
            out = input(node).filter(filter);
        } else if (step instanceof Step.Count count) {
            DataStream<Tuple2<Long, Long>> counts = keyed(node, count.key()).count();
            configure(counts.name(node.name() + "-counts"), node);
            out = counts.map(new PipelineFunctions.CountToRec());
        } else if (step instanceof Step.RunningReduce) {
            out = keyed(node, KeySel.field()).reduce(new PipelineFunctions.SumValues());
        } else if (step instanceof Step.ValueStateCounter counter) {
            out = keyed(node, counter.key()).process(new PipelineFunctions.ValueStateCounter(counter.every()));
        } else if (step instanceof Step.ListStateBuckets buckets) {
            out = keyed(node, buckets.key()).process(new PipelineFunctions.ListStateBuckets(buckets.bucketMs()));
        } else if (step instanceof Step.MapStateDistinct distinct) {
            out = keyed(node, distinct.key()).process(new PipelineFunctions.MapStateDistinct(distinct.withTimestamp()));
        } else if (step instanceof Step.Window window) {
            out = window(node, window);
        } else if (step instanceof Step.Union) {
            List<DataStream<Rec>> inputs = new ArrayList<>();
            for (PipelineNode.Input input : node.inputs()) {
                inputs.add(partitioned(streams.get(input.from()), input.partitioning()));
            }
            @SuppressWarnings("unchecked")
            DataStream<Rec>[] others = inputs.subList(1, inputs.size()).toArray(new DataStream[0]);
            streams.put(node.id(), inputs.get(0).union(others));
            return;
        } else if (step instanceof Step.Sink sink) {
            addSink(node, sink);
            return;
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
        streams.put(node.id(), configure(out.name(node.name()), node));
    }

    private DataStream<Rec> window(PipelineNode node, Step.Window window) {
        WindowAssigner assigner = window.sliding()
                ? SlidingEventTimeWindows.of(Duration.ofMillis(window.sizeMs()), Duration.ofMillis(window.slideMs()))
                : TumblingEventTimeWindows.of(Duration.ofMillis(window.sizeMs()), Duration.ofMillis(window.offsetMs()));
        WindowedStream<Rec, Long> windowed = keyed(node, window.key()).window(assigner);
        return switch (window.function()) {
            case REDUCE -> windowed.reduce(new PipelineFunctions.MinKeySum());
            case AGGREGATE -> windowed.aggregate(new PipelineFunctions.CountSumMinKey());
            case PROCESS -> windowed.process(new PipelineFunctions.CountAndMax());
        };
    }

    private void addSink(PipelineNode node, Step.Sink sink) {
        CollectSink<Rec> collect = new CollectSink<>();
        DataStream<Rec> in = input(node);
        if (sink.stamp()) {
            in = configure(in.process(new PipelineFunctions.Stamp(sink.keepTimestamp())).name(node.name() + "-stamp"),
                    node);
        }
        DataStream.SinkStream out = in.sink(collect).name(node.name());
        if (node.parallelism() != 0) {
            out.setParallelism(node.parallelism());
        }
        sinks.put(node.id(), collect);
    }

    private DataStream<Rec> input(PipelineNode node) {
        PipelineNode.Input input = node.inputs().get(0);
        return partitioned(streams.get(input.from()), input.partitioning());
    }

    private KeyedStream<Rec, Long> keyed(PipelineNode node, KeySel key) {
        return streams.get(node.inputs().get(0).from()).keyBy(key);
    }

    private static DataStream<Rec> partitioned(DataStream<Rec> stream, Partitioning partitioning) {
        return switch (partitioning) {
            case DEFAULT, HASH -> stream;
            case FORWARD -> stream.forward();
            case REBALANCE -> stream.rebalance();
            case BROADCAST -> stream.broadcast();
        };
    }

    private static <T> DataStream<T> configure(DataStream<T> stream, PipelineNode node) {
        return node.parallelism() == 0 ? stream : stream.setParallelism(node.parallelism());
    }
}
