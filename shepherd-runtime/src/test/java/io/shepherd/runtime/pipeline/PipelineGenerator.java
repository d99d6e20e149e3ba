package io.shepherd.runtime.pipeline;

import io.shepherd.api.plan.Partitioning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates random pipelines whose correct output is fully determined by their input, whatever
 * the interleaving of the engine's threads: a DAG of sources, per-record steps, keyed steps with
 * state and timers, windows, unions and repartitionings, at random parallelism, ending in sinks,
 * with random batching, channel capacity and worker threads.
 *
 * <p>What keeps the output determined (the reference relies on it):
 * <ul>
 *   <li>Event time is assigned right after each source, at the source's parallelism, from
 *       timestamps that never fall behind the watermark bound; all sources have it or none.
 *   <li>A stream whose event timestamps depend on arrival order (after a running count, a value
 *       state counter or a distinct by value) is never windowed or bucketed, and its stamp writes 0.
 *   <li>A running reduce, whose emitted values depend on arrival order, goes straight to a sink
 *       checked by its own rule.
 * </ul>
 */
public final class PipelineGenerator {
    /** Generated pipelines whose busiest node would emit more records than this are drawn again. */
    private static final int MAX_RECORDS_PER_NODE = 6_000;

    private final SplittableRandom random;
    private final List<PipelineNode> nodes = new ArrayList<>();
    /** Per node id: whether its output's event timestamps are independent of arrival order. */
    private final List<Boolean> exactTimestamps = new ArrayList<>();
    private final Set<Integer> consumed = new HashSet<>();
    private final Set<Integer> runningReduces = new HashSet<>();
    private int parallelism;
    private boolean timestamped;

    private PipelineGenerator(SplittableRandom random) {
        this.random = random;
    }

    public static Pipeline generate(SplittableRandom random) {
        while (true) {
            Pipeline pipeline = new PipelineGenerator(random).draw();
            if (ReferenceInterpreter.largestOutput(pipeline) <= MAX_RECORDS_PER_NODE) {
                return pipeline;
            }
        }
    }

    private Pipeline draw() {
        parallelism = 1 + random.nextInt(4);
        timestamped = random.nextInt(3) > 0;
        int sources = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 2);
        for (int i = 0; i < sources; i++) {
            addSource();
        }
        int steps = 1 + random.nextInt(9);
        for (int i = 0; i < steps; i++) {
            addStep();
        }
        for (int id = 0, n = nodes.size(); id < n; id++) {
            if (!consumed.contains(id) && !(nodes.get(id).step() instanceof Step.Sink)) {
                addSink(id);
            }
        }
        int[] batchSizes = {1, 2, 3, 7, 16, 64, 512};
        long[] bufferTimeouts = {0, 50_000, 1_000_000};
        return new Pipeline(nodes, parallelism,
                random.nextBoolean() ? 128 : 1 + random.nextInt(16),
                batchSizes[random.nextInt(batchSizes.length)],
                2 + random.nextInt(7),
                1 + random.nextInt(3),
                bufferTimeouts[random.nextInt(bufferTimeouts.length)],
                1 + random.nextInt(5),
                timestamped);
    }

    private void addSource() {
        int size = random.nextInt(10) == 0 ? 0 : random.nextInt(250);
        int keys = 1 + random.nextInt(8);
        long base = random.nextInt(2_001) - 1_000;
        long step = new long[] {0, 1, 2, 5}[random.nextInt(4)];
        long bound = random.nextInt(20);
        List<Rec> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // Within a subtask's share timestamps trail the largest seen by at most the bound: never late.
            long jitter = bound == 0 ? 0 : random.nextLong(bound + 1);
            items.add(new Rec(random.nextInt(keys), random.nextInt(100), base + i * step + jitter));
        }
        int sourceParallelism = randomParallelism();
        int id = add(new Step.Source(items), sourceParallelism, List.of(), true);
        if (timestamped) {
            // Same parallelism, so it chains onto the source and sees each subtask's records in order.
            add(new Step.Timestamps(bound), sourceParallelism == 0 ? parallelism : sourceParallelism,
                    List.of(new PipelineNode.Input(id, Partitioning.DEFAULT)), true);
        }
    }

    private void addStep() {
        int input = pickOpenStream();
        boolean exact = exactTimestamps.get(input);
        int choice = random.nextInt(100);
        if (choice < 14) {
            long rekey = random.nextInt(3) == 0 ? 1 + random.nextInt(6) : 0;
            addPerRecord(new Step.Map(1 + random.nextInt(7), random.nextInt(50), rekey), input, exact);
        } else if (choice < 24) {
            addPerRecord(new Step.FlatMap(1 + random.nextInt(2)), input, exact);
        } else if (choice < 34) {
            long mod = 2 + random.nextInt(5);
            addPerRecord(new Step.Filter(mod, random.nextInt((int) mod)), input, exact);
        } else if (choice < 42) {
            addKeyed(new Step.Count(keySel()), input, false);
        } else if (choice < 47) {
            int id = addKeyed(new Step.RunningReduce(), input, false);
            runningReduces.add(id);
            addSink(id);
        } else if (choice < 55) {
            addKeyed(new Step.ValueStateCounter(keySel(), 1 + random.nextInt(4)), input, false);
        } else if (choice < 63 && exact) {
            addKeyed(new Step.ListStateBuckets(keySel(), 1 + random.nextInt(50)), input, true);
        } else if (choice < 71) {
            addKeyed(new Step.MapStateDistinct(keySel(), exact), input, exact);
        } else if (choice < 85 && exact && timestamped) {
            addKeyed(window(), input, true);
        } else {
            addUnion(input);
        }
    }

    private Step.Window window() {
        long size = new long[] {1, 3, 10, 25, 100}[random.nextInt(5)];
        Step.WindowFunction function = Step.WindowFunction.values()[random.nextInt(3)];
        if (size > 1 && random.nextBoolean()) {
            // Sliding: at most five windows per record.
            long slide = Math.max(1, size / (1 + random.nextInt(5)));
            if (slide < size) {
                return new Step.Window(keySel(), size, slide, 0, function);
            }
        }
        return new Step.Window(keySel(), size, size, random.nextInt((int) size), function);
    }

    private void addPerRecord(Step step, int input, boolean exact) {
        int p = randomParallelism();
        add(step, p, List.of(new PipelineNode.Input(input, partitioningInto(input, p))), exact);
    }

    private int addKeyed(Step step, int input, boolean exact) {
        return add(step, randomParallelism(), List.of(new PipelineNode.Input(input, Partitioning.HASH)), exact);
    }

    private void addUnion(int first) {
        List<PipelineNode.Input> inputs = new ArrayList<>();
        inputs.add(new PipelineNode.Input(first, unionInputPartitioning()));
        boolean exact = exactTimestamps.get(first);
        int more = 1 + random.nextInt(2);
        for (int i = 0; i < more; i++) {
            // Sometimes a stream is unioned with itself: two edges between the same operators.
            int other = random.nextInt(5) == 0 ? first : pickOpenStream();
            inputs.add(new PipelineNode.Input(other, unionInputPartitioning()));
            exact &= exactTimestamps.get(other);
        }
        add(new Step.Union(), 0, inputs, exact);
    }

    private void addSink(int input) {
        boolean raw = runningReduces.contains(input);
        int p = randomParallelism();
        Partitioning partitioning = raw ? (random.nextBoolean() ? Partitioning.REBALANCE : Partitioning.DEFAULT)
                : partitioningInto(input, p);
        add(new Step.Sink(!raw, !raw && exactTimestamps.get(input)), p,
                List.of(new PipelineNode.Input(input, partitioning)), true);
    }

    /** Forward only where the parallelisms match and the input is no union (whose inputs may differ). */
    private Partitioning partitioningInto(int input, int readerParallelism) {
        int roll = random.nextInt(20);
        PipelineNode from = nodes.get(input);
        boolean canForward = !(from.step() instanceof Step.Union)
                && effective(from.parallelism()) == effective(readerParallelism);
        if (roll < 3) {
            return Partitioning.REBALANCE;
        } else if (roll < 5) {
            return Partitioning.BROADCAST;
        } else if (roll < 8 && canForward) {
            return Partitioning.FORWARD;
        }
        return Partitioning.DEFAULT;
    }

    private Partitioning unionInputPartitioning() {
        int roll = random.nextInt(10);
        return roll == 0 ? Partitioning.BROADCAST : roll < 3 ? Partitioning.REBALANCE : Partitioning.DEFAULT;
    }

    private int effective(int nodeParallelism) {
        return nodeParallelism == 0 ? parallelism : nodeParallelism;
    }

    /** 0 (the job's default) or 1 to 4. */
    private int randomParallelism() {
        return random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(4);
    }

    private KeySel keySel() {
        return switch (random.nextInt(4)) {
            case 0 -> new KeySel(KeySel.Kind.VALUE_MOD, 1 + random.nextInt(10));
            case 1 -> new KeySel(KeySel.Kind.KEY_PLUS_VALUE_MOD, 1 + random.nextInt(10));
            default -> KeySel.field();
        };
    }

    /** A stream to build on: any node but sinks and running reduces (which feed only their sink). */
    private int pickOpenStream() {
        while (true) {
            int id = random.nextInt(nodes.size());
            PipelineNode node = nodes.get(id);
            boolean rawSource = timestamped && node.step() instanceof Step.Source;
            if (!(node.step() instanceof Step.Sink) && !runningReduces.contains(id) && !rawSource) {
                return id;
            }
        }
    }

    private int add(Step step, int nodeParallelism, List<PipelineNode.Input> inputs, boolean exact) {
        int id = nodes.size();
        nodes.add(new PipelineNode(id, step, nodeParallelism, inputs));
        exactTimestamps.add(exact);
        inputs.forEach(input -> consumed.add(input.from()));
        return id;
    }
}
