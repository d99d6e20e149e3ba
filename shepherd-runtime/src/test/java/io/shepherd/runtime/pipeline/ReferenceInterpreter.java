package io.shepherd.runtime.pipeline;

import io.shepherd.api.plan.Partitioning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes what a generated pipeline must output, sequentially and without the engine: each node's
 * output as a multiset of records with their event timestamps, from its inputs' outputs.
 *
 * <p>The semantics it implements, independently of the runtime's code:
 * <ul>
 *   <li>A union is no operator: its reader reads each of the union's inputs, with the reader's
 *       partitioning, or the union input's own when the reader left it default. Broadcast delivers
 *       every record to each of the reader's subtasks; every other partitioning delivers it once.
 *   <li>Keyed steps see each key's records as a group. No record is ever late (sources emit
 *       timestamps within the watermark bound, every later step keeps or raises them), so every
 *       window and event-time timer sees all its records, and the final watermark fires them all.
 *   <li>Outputs whose event timestamp depends on arrival order (a running count's n-th record
 *       carries the n-th arrival's timestamp) get some timestamp of the group: the generator
 *       never lets such a timestamp reach a window, a bucket or a stamp that keeps timestamps.
 * </ul>
 */
final class ReferenceInterpreter {
    /** A record with its event timestamp. */
    record Element(Rec rec, long timestamp) {}

    /** What one sink must receive. */
    sealed interface Expected {
        int size();
    }

    /** Exactly these records, in any order. */
    record Exact(List<Rec> records) implements Expected {
        public int size() {
            return records.size();
        }
    }

    /**
     * A running sum per key: the sink gets one record per input record of the key, and since values
     * are never negative, its values sorted are the running sums of the key's input values in some
     * order: their successive differences are exactly the key's input values.
     */
    record RunningSums(Map<Long, List<Long>> inputValuesByKey) implements Expected {
        public int size() {
            return inputValuesByKey.values().stream().mapToInt(List::size).sum();
        }
    }

    private final Pipeline pipeline;
    private final Map<Integer, List<Element>> outputs = new HashMap<>();
    private final Map<Integer, Expected> expected = new LinkedHashMap<>();

    private ReferenceInterpreter(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The expected output of every sink node, by node id. */
    static Map<Integer, Expected> expectedOutputs(Pipeline pipeline) {
        ReferenceInterpreter reference = new ReferenceInterpreter(pipeline);
        for (PipelineNode node : pipeline.nodes()) {
            reference.evaluate(node);
        }
        return reference.expected;
    }

    /** The largest number of records any node emits, to keep generated pipelines small. */
    static int largestOutput(Pipeline pipeline) {
        ReferenceInterpreter reference = new ReferenceInterpreter(pipeline);
        int largest = 0;
        for (PipelineNode node : pipeline.nodes()) {
            reference.evaluate(node);
            largest = Math.max(largest, reference.outputs.getOrDefault(node.id(), List.of()).size());
        }
        return largest;
    }

    private void evaluate(PipelineNode node) {
        Step step = node.step();
        if (step instanceof Step.Union) {
            return; // read through by its readers
        }
        List<Element> in = inputOf(node);
        List<Element> out = new ArrayList<>();
        if (step instanceof Step.Source source) {
            source.items().forEach(rec -> out.add(new Element(rec, Long.MIN_VALUE)));
        } else if (step instanceof Step.Timestamps) {
            in.forEach(e -> out.add(new Element(e.rec(), e.rec().ts())));
        } else if (step instanceof Step.Map map) {
            in.forEach(e -> out.add(new Element(map.map(e.rec()), e.timestamp())));
        } else if (step instanceof Step.FlatMap flatMap) {
            in.forEach(e -> flatMap.flatMap(e.rec(), rec -> out.add(new Element(rec, e.timestamp()))));
        } else if (step instanceof Step.Filter filter) {
            in.stream().filter(e -> filter.filter(e.rec())).forEach(out::add);
        } else if (step instanceof Step.Count count) {
            groupBy(in, count.key()).forEach((key, group) -> {
                for (int n = 1; n <= group.size(); n++) {
                    out.add(new Element(new Rec(key, n, 0), group.get(n - 1).timestamp()));
                }
            });
        } else if (step instanceof Step.RunningReduce) {
            Map<Long, List<Long>> values = new TreeMap<>();
            groupBy(in, KeySel.field()).forEach((key, group) ->
                    values.put(key, group.stream().map(e -> e.rec().value()).toList()));
            outputs.put(node.id(), List.of());
            runningSums.put(node.id(), new RunningSums(values));
            return;
        } else if (step instanceof Step.ValueStateCounter counter) {
            groupBy(in, counter.key()).forEach((key, group) -> {
                long sum = 0;
                for (int n = 1; n <= group.size(); n++) {
                    sum += group.get(n - 1).rec().value();
                    if (n % counter.every() == 0) {
                        out.add(new Element(new Rec(key, n, 0), group.get(n - 1).timestamp()));
                    }
                }
                out.add(new Element(new Rec(key, 1_000_000 + sum, 0), Step.END));
            });
        } else if (step instanceof Step.ListStateBuckets buckets) {
            groupBy(in, buckets.key()).forEach((key, group) -> {
                Map<Long, long[]> sumAndCount = new TreeMap<>();
                for (Element e : group) {
                    long[] bucket = sumAndCount.computeIfAbsent(
                            PipelineFunctions.bucketEnd(e.timestamp(), buckets.bucketMs()), end -> new long[2]);
                    bucket[0] += e.rec().value();
                    bucket[1]++;
                }
                sumAndCount.forEach((end, bucket) ->
                        out.add(new Element(new Rec(key, 100 * bucket[0] + bucket[1], 0), end)));
            });
        } else if (step instanceof Step.MapStateDistinct distinct) {
            groupBy(in, distinct.key()).forEach((key, group) -> {
                Map<String, Element> first = new LinkedHashMap<>();
                for (Element e : group) {
                    String id = distinct.withTimestamp() ? e.rec().value() + "@" + e.timestamp()
                            : Long.toString(e.rec().value());
                    first.putIfAbsent(id, new Element(new Rec(key, e.rec().value(), 0), e.timestamp()));
                }
                out.addAll(first.values());
            });
        } else if (step instanceof Step.Window window) {
            windows(in, window, out);
        } else if (step instanceof Step.Sink sink) {
            List<Rec> records = new ArrayList<>();
            for (Element e : in) {
                records.add(sink.stamp()
                        ? new Rec(e.rec().key(), e.rec().value(), sink.keepTimestamp() ? e.timestamp() : 0)
                        : e.rec());
            }
            RunningSums sums = runningSums.get(node.inputs().get(0).from());
            expected.put(node.id(), sums != null ? sums : new Exact(records));
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
        outputs.put(node.id(), out);
    }

    private final Map<Integer, RunningSums> runningSums = new HashMap<>();

    private static void windows(List<Element> in, Step.Window window, List<Element> out) {
        // (key, window start) -> the window's elements
        Map<Long, Map<Long, List<Element>>> byKey = new TreeMap<>();
        for (Element e : in) {
            long key = window.key().of(e.rec());
            for (long start : windowStarts(e.timestamp(), window)) {
                byKey.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(start, s -> new ArrayList<>()).add(e);
            }
        }
        byKey.forEach((key, windows) -> windows.forEach((start, elements) -> {
            long maxTimestamp = start + window.sizeMs() - 1;
            long count = elements.size();
            long sum = elements.stream().mapToLong(e -> e.rec().value()).sum();
            long minKeyField = elements.stream().mapToLong(e -> e.rec().key()).min().orElseThrow();
            long max = elements.stream().mapToLong(e -> e.rec().value()).max().orElseThrow();
            switch (window.function()) {
                case REDUCE -> out.add(new Element(new Rec(minKeyField, sum, 0), maxTimestamp));
                case AGGREGATE -> out.add(new Element(new Rec(minKeyField, count * 10_000_000 + sum, 0), maxTimestamp));
                case PROCESS -> {
                    out.add(new Element(new Rec(key, count, 0), maxTimestamp));
                    out.add(new Element(new Rec(key, 5_000_000 + max, 0), maxTimestamp));
                }
            }
        }));
    }

    /** The starts of the windows that hold {@code timestamp}, from the definition of the windows. */
    private static List<Long> windowStarts(long timestamp, Step.Window window) {
        List<Long> starts = new ArrayList<>();
        if (!window.sliding()) {
            starts.add(timestamp - Math.floorMod(timestamp - window.offsetMs(), window.sizeMs()));
            return starts;
        }
        // Sliding windows start at every multiple of the slide; keep those with start <= ts < start + size.
        long first = Math.floorDiv(timestamp - window.sizeMs(), window.slideMs()) * window.slideMs();
        for (long start = first; start <= timestamp; start += window.slideMs()) {
            if (timestamp < start + window.sizeMs()) {
                starts.add(start);
            }
        }
        return starts;
    }

    private static Map<Long, List<Element>> groupBy(List<Element> in, KeySel key) {
        Map<Long, List<Element>> groups = new TreeMap<>();
        for (Element e : in) {
            groups.computeIfAbsent(key.of(e.rec()), k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    /** The records a node reads: its inputs' outputs, with unions read through and broadcasts repeated. */
    private List<Element> inputOf(PipelineNode reader) {
        List<Element> in = new ArrayList<>();
        for (PipelineNode.Input input : reader.inputs()) {
            collect(input.from(), input.partitioning(), pipeline.parallelismOf(reader), in);
        }
        return in;
    }

    private void collect(int from, Partitioning partitioning, int readerParallelism, List<Element> into) {
        PipelineNode source = pipeline.node(from);
        if (source.step() instanceof Step.Union) {
            for (PipelineNode.Input input : source.inputs()) {
                Partitioning effective = partitioning == Partitioning.DEFAULT ? input.partitioning() : partitioning;
                collect(input.from(), effective, readerParallelism, into);
            }
            return;
        }
        int copies = partitioning == Partitioning.BROADCAST ? readerParallelism : 1;
        for (int i = 0; i < copies; i++) {
            into.addAll(outputs.get(from));
        }
    }
}
