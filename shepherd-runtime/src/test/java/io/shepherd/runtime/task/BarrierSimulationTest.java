package io.shepherd.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.channel.StreamEvent.CancelBarrier;
import io.shepherd.runtime.channel.StreamEvent.CheckpointBarrier;
import io.shepherd.runtime.checkpoint.CheckpointOptions;
import io.shepherd.runtime.checkpoint.CheckpointType;
import io.shepherd.testkit.SeededRuns;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Barrier handling, simulated: a diamond of tasks (two sources; a two-input task and a one-input
 * task; a two-input sink) exchanging records, barriers and cancellations over simulated channels,
 * in an order drawn from a seed, with checkpoints triggered, aborted and timed out at random and
 * the whole graph crashed and restored from the latest completed checkpoint at random moments.
 *
 * <p>Invariant: after the run, every task has processed every record that reaches it exactly once
 * (aligned, unaligned, aligned with timeout) or at least once (at-least-once) — which holds only if
 * every completed checkpoint was a consistent cut and its in-flight data was exactly what the cut
 * left on the channels.
 */
class BarrierSimulationTest {

    @Test
    void alignedCheckpointsAreConsistentCuts() {
        SeededRuns.of("aligned barriers", 300, 5_000).forEach(seed -> simulate(seed, CheckpointingMode.ALIGNED, false));
    }

    @Test
    void unalignedCheckpointsCaptureExactlyTheInFlightData() {
        SeededRuns.of("unaligned barriers", 300, 5_000)
                .forEach(seed -> simulate(seed, CheckpointingMode.UNALIGNED, false));
    }

    @Test
    void alignedCheckpointsThatTimeOutTurnUnalignedAndStayExact() {
        SeededRuns.of("aligned barriers with timeout", 300, 5_000)
                .forEach(seed -> simulate(seed, CheckpointingMode.ALIGNED, true));
    }

    @Test
    void atLeastOnceCheckpointsLoseNothing() {
        SeededRuns.of("at-least-once barriers", 300, 5_000)
                .forEach(seed -> simulate(seed, CheckpointingMode.AT_LEAST_ONCE, false));
    }

    @Test
    void theSimulationCatchesAnAlignmentThatDoesNotBlock() {
        // Aligned barriers counted as at-least-once: exactly-once must then be seen to break.
        assertThat(SeededRuns.of("broken alignment", 300, 5_000).findFailure(seed ->
                new Simulation(seed, CheckpointingMode.AT_LEAST_ONCE, false).run(true))).isPresent();
    }

    private static void simulate(long seed, CheckpointingMode mode, boolean alignmentTimeout) {
        new Simulation(seed, mode, alignmentTimeout).run(mode != CheckpointingMode.AT_LEAST_ONCE);
    }

    /** A record: its source, its index there, and the path of tasks it took. */
    private record Rec(int source, int index, String path) {}

    private static final class Channel {
        final ArrayDeque<Object> queue = new ArrayDeque<>();
        final ArrayDeque<Object> ahead = new ArrayDeque<>();
        long sent;

        void send(Object element) {
            queue.add(element);
            sent++;
        }

        boolean isEmpty() {
            return queue.isEmpty() && ahead.isEmpty();
        }
    }

    /** What a completed checkpoint holds of one node. */
    private record NodeSnapshot(int position, List<Rec> processed, List<List<Object>> inFlight) {}

    private abstract static class Node {
        final String name;
        final List<Channel> outputs = new ArrayList<>();
        final Map<Long, NodeSnapshot> snapshots = new HashMap<>();
        final Set<Long> done = new HashSet<>();
        boolean finished;
        long lastSnapshot = Long.MIN_VALUE;

        Node(String name) {
            this.name = name;
        }

        void forward(CheckpointBarrier barrier, boolean ahead) {
            for (Channel out : outputs) {
                if (ahead) {
                    out.ahead.add(barrier.withSequence(out.sent));
                } else {
                    out.send(barrier);
                }
            }
        }

        /** Snapshots a checkpoint directly: a source, or a node that has finished. */
        abstract void trigger(CheckpointBarrier barrier);
    }

    private static final class Source extends Node {
        final int id;
        final int count;
        int position;

        Source(String name, int id, int count) {
            super(name);
            this.id = id;
            this.count = count;
        }

        void step() {
            if (position < count) {
                Rec rec = new Rec(id, position++, "");
                outputs.forEach(out -> out.send(rec));
            } else if (!finished) {
                outputs.forEach(out -> out.send(StreamEvent.EndOfPartition.INSTANCE));
                finished = true;
            }
        }

        @Override
        void trigger(CheckpointBarrier barrier) {
            long id = barrier.checkpointId();
            if (id <= lastSnapshot) {
                return;
            }
            lastSnapshot = id;
            snapshots.put(id, new NodeSnapshot(position, List.of(), List.of()));
            done.add(id);
            if (!finished) {
                forward(barrier, barrier.options().mode() == CheckpointingMode.UNALIGNED);
            }
        }
    }

    private static final class Worker extends Node implements BarrierHandler.Actions, BarrierHandler.RecoveredInput {
        final List<Channel> inputs = new ArrayList<>();
        final List<ArrayDeque<Object>> recovered = new ArrayList<>();
        final boolean[] ended;
        final BarrierHandler handler;
        final List<Rec> processed = new ArrayList<>();
        final Map<Long, List<Rec>> awaitingInFlight = new HashMap<>();
        final Set<Long> declined;

        Worker(String name, int inputCount, Set<Long> declined) {
            super(name);
            this.ended = new boolean[inputCount];
            this.declined = declined;
            this.handler = new BarrierHandler(inputCount, this, this);
            for (int i = 0; i < inputCount; i++) {
                recovered.add(new ArrayDeque<>());
            }
        }

        /** Reads one element from a random readable channel; false when none had one. */
        boolean step(SplittableRandom random, long now) throws Exception {
            List<Integer> readable = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (!ended[i] && !handler.isBlocked(i) && (!recovered.get(i).isEmpty() || !inputs.get(i).isEmpty())) {
                    readable.add(i);
                }
            }
            if (readable.isEmpty()) {
                return false;
            }
            int channel = readable.get(random.nextInt(readable.size()));
            if (!recovered.get(channel).isEmpty()) {
                process((Rec) recovered.get(channel).poll());
                return true;
            }
            Channel in = inputs.get(channel);
            Object element = !in.ahead.isEmpty() ? in.ahead.poll() : in.queue.poll();
            if (element instanceof CheckpointBarrier barrier) {
                handler.onBarrier(channel, barrier, now);
            } else if (element instanceof CancelBarrier cancel) {
                handler.onCancel(cancel.checkpointId());
            } else if (element instanceof StreamEvent.EndOfPartition) {
                ended[channel] = true;
                handler.onEndOfPartition(channel, now);
                if (allEnded()) {
                    outputs.forEach(out -> out.send(StreamEvent.EndOfPartition.INSTANCE));
                    finished = true;
                }
            } else {
                handler.onData(channel, element);
                process((Rec) element);
            }
            return true;
        }

        private boolean allEnded() {
            for (boolean e : ended) {
                if (!e) {
                    return false;
                }
            }
            return true;
        }

        private void process(Rec rec) {
            processed.add(rec);
            Rec next = new Rec(rec.source(), rec.index(), rec.path() + name);
            outputs.forEach(out -> out.send(next));
        }

        @Override
        void trigger(CheckpointBarrier barrier) {
            snapshot(barrier, false, 0);
        }

        @Override
        public void snapshot(CheckpointBarrier barrier, boolean unaligned, long alignmentNanos) {
            long id = barrier.checkpointId();
            if (id <= lastSnapshot) {
                return;
            }
            lastSnapshot = id;
            List<Rec> copy = List.copyOf(processed);
            if (!finished) {
                forward(barrier, unaligned);
            }
            if (unaligned) {
                awaitingInFlight.put(id, copy);
            } else {
                snapshots.put(id, new NodeSnapshot(0, copy, List.of()));
                done.add(id);
            }
        }

        @Override
        public void inFlightDataCaptured(long checkpointId, List<List<Object>> channels) {
            List<Rec> copy = awaitingInFlight.remove(checkpointId);
            if (copy != null) {
                snapshots.put(checkpointId, new NodeSnapshot(0, copy, channels));
                done.add(checkpointId);
            }
        }

        @Override
        public void abort(long checkpointId, String reason, boolean forward) {
            awaitingInFlight.remove(checkpointId);
            declined.add(checkpointId);
            if (forward && !finished) {
                outputs.forEach(out -> out.ahead.add(new CancelBarrier(checkpointId)));
            }
        }

        @Override
        public List<Object> remaining(int channel) {
            return List.copyOf(recovered.get(channel));
        }
    }

    private static final class Simulation {
        final SplittableRandom random;
        final CheckpointingMode mode;
        final boolean alignmentTimeout;
        final int[] counts;
        final Set<Long> declined = new HashSet<>();
        final TreeMap<Long, Map<String, NodeSnapshot>> completed = new TreeMap<>();
        final Map<Long, Long> pending = new HashMap<>();
        final Map<Long, CheckpointOptions> optionsOf = new HashMap<>();
        List<Source> sources;
        List<Worker> workers;
        long nextCheckpoint = 1;
        long now;
        int crashesLeft;

        Simulation(long seed, CheckpointingMode mode, boolean alignmentTimeout) {
            this.random = new SplittableRandom(seed);
            this.mode = mode;
            this.alignmentTimeout = alignmentTimeout;
            this.counts = new int[] {20 + random.nextInt(60), 20 + random.nextInt(60)};
            this.crashesLeft = random.nextInt(5);
            build(null);
        }

        /** The diamond: S0, S1 → A; S1 → B; A, B → K. */
        void build(Map<String, NodeSnapshot> restore) {
            Source s0 = new Source("S0", 0, counts[0]);
            Source s1 = new Source("S1", 1, counts[1]);
            Worker a = new Worker("A", 2, declined);
            Worker b = new Worker("B", 1, declined);
            Worker k = new Worker("K", 2, declined);
            connect(s0, a);
            connect(s1, a);
            connect(s1, b);
            connect(a, k);
            connect(b, k);
            sources = List.of(s0, s1);
            workers = List.of(a, b, k);
            if (restore != null) {
                for (Source source : sources) {
                    source.position = restore.get(source.name).position();
                }
                for (Worker worker : workers) {
                    NodeSnapshot snapshot = restore.get(worker.name);
                    worker.processed.addAll(snapshot.processed());
                    for (int c = 0; c < snapshot.inFlight().size(); c++) {
                        worker.recovered.get(c).addAll(snapshot.inFlight().get(c));
                    }
                }
            }
        }

        private static void connect(Node from, Worker to) {
            Channel channel = new Channel();
            from.outputs.add(channel);
            to.inputs.add(channel);
        }

        void run(boolean exactlyOnce) {
            try {
                loop();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            check(exactlyOnce);
        }

        private void loop() throws Exception {
            for (int steps = 0; steps < 1_000_000; steps++) {
                now++;
                int dice = random.nextInt(100);
                if (dice < 3 && pending.size() < 2) {
                    trigger();
                } else if (dice < 4 && !pending.isEmpty()) {
                    abortOldest();
                } else if (dice < 5 && crashesLeft > 0 && random.nextInt(10) == 0) {
                    crash();
                } else {
                    Node node = pick();
                    if (node instanceof Source source) {
                        source.step();
                    } else if (node instanceof Worker worker && !worker.step(random, now) && finishedAll()) {
                        return;
                    }
                }
                for (Worker worker : workers) {
                    worker.handler.checkAlignmentTimeout(now);
                }
                finishedTasksSnapshot();
                completeCheckpoints();
            }
            throw new AssertionError("the simulation did not finish");
        }

        private Node pick() {
            List<Node> nodes = new ArrayList<>(sources);
            nodes.addAll(workers);
            return nodes.get(random.nextInt(nodes.size()));
        }

        private boolean finishedAll() {
            for (Node node : sources) {
                if (!node.finished) {
                    return false;
                }
            }
            for (Worker worker : workers) {
                if (!worker.finished) {
                    return false;
                }
            }
            return true;
        }

        private void trigger() {
            long id = nextCheckpoint++;
            long timeout = alignmentTimeout ? 1 + random.nextInt(40) : Long.MAX_VALUE;
            CheckpointOptions options = new CheckpointOptions(CheckpointType.CHECKPOINT, mode, timeout);
            pending.put(id, now);
            optionsOf.put(id, options);
            for (Source source : sources) {
                source.trigger(new CheckpointBarrier(id, now, options));
            }
        }

        /** Finished workers snapshot pending checkpoints directly, as the job does for them. */
        private void finishedTasksSnapshot() {
            for (Worker worker : workers) {
                if (worker.finished) {
                    for (Long id : pending.keySet()) {
                        worker.trigger(new CheckpointBarrier(id, now, optionsOf.get(id)));
                    }
                }
            }
        }

        private void abortOldest() {
            long id = pending.keySet().stream().min(Long::compare).orElseThrow();
            pending.remove(id);
            workers.forEach(worker -> worker.handler.abort(id));
            workers.forEach(worker -> worker.awaitingInFlight.remove(id));
        }

        private void completeCheckpoints() {
            for (Long id : List.copyOf(pending.keySet())) {
                if (declined.contains(id)) {
                    pending.remove(id);
                    continue;
                }
                boolean all = sources.stream().allMatch(s -> s.done.contains(id))
                        && workers.stream().allMatch(w -> w.done.contains(id));
                if (all) {
                    pending.remove(id);
                    Map<String, NodeSnapshot> snapshot = new HashMap<>();
                    sources.forEach(s -> snapshot.put(s.name, s.snapshots.get(id)));
                    workers.forEach(w -> snapshot.put(w.name, w.snapshots.get(id)));
                    completed.put(id, snapshot);
                }
            }
        }

        private void crash() {
            crashesLeft--;
            pending.clear();
            build(completed.isEmpty() ? null : completed.lastEntry().getValue());
            if (random.nextBoolean()) {
                trigger(); // a checkpoint while restored in-flight data is still being read
            }
        }

        private void check(boolean exactlyOnce) {
            Map<String, List<Rec>> expected = new HashMap<>();
            for (int i = 0; i < counts[0]; i++) {
                expected.computeIfAbsent("A", x -> new ArrayList<>()).add(new Rec(0, i, ""));
                expected.computeIfAbsent("K", x -> new ArrayList<>()).add(new Rec(0, i, "A"));
            }
            for (int i = 0; i < counts[1]; i++) {
                expected.computeIfAbsent("A", x -> new ArrayList<>()).add(new Rec(1, i, ""));
                expected.computeIfAbsent("B", x -> new ArrayList<>()).add(new Rec(1, i, ""));
                expected.computeIfAbsent("K", x -> new ArrayList<>()).add(new Rec(1, i, "A"));
                expected.computeIfAbsent("K", x -> new ArrayList<>()).add(new Rec(1, i, "B"));
            }
            for (Worker worker : workers) {
                List<Rec> want = expected.get(worker.name);
                if (exactlyOnce) {
                    assertThat(worker.processed).as("records processed by %s", worker.name)
                            .containsExactlyInAnyOrderElementsOf(want);
                } else {
                    assertThat(worker.processed).as("records processed by %s", worker.name)
                            .containsAll(want);
                }
            }
        }
    }
}
