package io.shepherd.connectors;

import io.shepherd.api.sink.Committer;
import io.shepherd.api.sink.TwoPhaseCommitSink;
import io.shepherd.api.sink.TwoPhaseCommitWriter;
import io.shepherd.testkit.disk.SimulatedDisk;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Drives one subtask of a two-phase-commit sink the way the engine does (see the javadoc of
 * {@link TwoPhaseCommitSink}), on a disk that loses power at random points, and restores it after
 * every crash the way the engine restores it (from no checkpoint at all if none has completed yet).
 *
 * <ul>
 *   <li><b>Run.</b> Records are written in order; now and then a checkpoint is taken (flush, then
 *       pre-commit). Its snapshot holds the records' offset and every committable not yet committed,
 *       earlier ones included. Most checkpoints complete, and most completed ones are then committed;
 *       the input ends with a checkpoint that completes and commits.
 *   <li><b>Crashes.</b> Between two calls (every object is dropped without close), or inside one: the
 *       disk is told to halt after a random number of operations, and the call that meets the halt
 *       fails. Either way the disk then loses its unforced writes.
 *   <li><b>Restore.</b> A new committer commits the committables of the last completed checkpoint and
 *       aborts everything else; a new writer takes the records from that checkpoint's offset on, as a
 *       replaying source sends them.
 * </ul>
 *
 * <p>The driver checks nothing about the output itself; each sink's test does, after {@link #run}.
 */
public final class TwoPhaseCommitDriver<C extends Serializable> {

    private record Pending<C>(long checkpointId, C committable) {}

    private record Snapshot<C>(long checkpointId, int offset, List<Pending<C>> committables) {}

    /** A crash between two calls. */
    private static final class Crash extends Exception {
        Crash() {
            super("crash between two calls", null, false, false);
        }
    }

    private final TwoPhaseCommitSink<String, C> sink;
    private final SimulatedDisk disk;
    private final Runnable afterCrash;
    private final SplittableRandom random;
    private final int checkpointOdds;
    private final Set<Long> interruptedCommits = new HashSet<>();
    private Snapshot<C> completed;
    private long nextCheckpointId = 1;
    private int crashes;

    /**
     * @param afterCrash what else a process death takes with it, beyond the objects the driver drops
     * @param seed every random choice of the run derives from it
     */
    public TwoPhaseCommitDriver(TwoPhaseCommitSink<String, C> sink, SimulatedDisk disk, Runnable afterCrash, long seed) {
        this.sink = sink;
        this.disk = disk;
        this.afterCrash = afterCrash;
        this.random = new SplittableRandom(seed);
        this.checkpointOdds = random.nextInt(5, 60);
    }

    /** Writes {@code input} through crashes, at most {@code maxCrashes} of them, until it is all committed. */
    public void run(List<String> input, int maxCrashes) throws Exception {
        while (true) {
            boolean mayCrash = crashes < maxCrashes;
            if (mayCrash && random.nextInt(3) > 0) {
                disk.haltAfter(random.nextInt(1, 80));
            }
            try {
                runIncarnation(input, mayCrash);
                return;
            } catch (Crash planned) {
                // the process dies between two calls
            } catch (Exception e) {
                if (!disk.isHalted()) {
                    throw new AssertionError("a call failed though the disk did not: " + e, e);
                }
            }
            disk.crash();
            afterCrash.run();
            crashes++;
        }
    }

    /** The checkpoints whose commit a crash interrupted: the only ones whose output may be sent twice. */
    public Set<Long> interruptedCommits() {
        return interruptedCommits;
    }

    public int crashes() {
        return crashes;
    }

    private void runIncarnation(List<String> input, boolean mayCrash) throws Exception {
        TestContext context = new TestContext(0, 1);
        Committer<C> committer = sink.createCommitter(context);
        if (crashes > 0) {
            commit(committer, completed == null ? List.of() : completed.committables());
            committer.abortUncommitted();
        }
        List<Pending<C>> uncommitted = new ArrayList<>();
        TwoPhaseCommitWriter<String, C> writer = sink.createWriter(context);
        int offset = completed == null ? 0 : completed.offset();
        while (offset < input.size()) {
            writer.write(input.get(offset++));
            if (random.nextInt(checkpointOdds) == 0) {
                checkpoint(writer, committer, uncommitted, offset, false);
            }
            if (mayCrash && random.nextInt(150) == 0) {
                throw new Crash();
            }
        }
        checkpoint(writer, committer, uncommitted, offset, true);
        writer.close();
        committer.close();
    }

    private void checkpoint(TwoPhaseCommitWriter<String, C> writer, Committer<C> committer,
            List<Pending<C>> uncommitted, int offset, boolean endOfInput) throws Exception {
        long id = nextCheckpointId++;
        writer.flush();
        for (C committable : writer.preCommit(id)) {
            uncommitted.add(new Pending<>(id, committable));
        }
        Snapshot<C> snapshot = new Snapshot<>(id, offset, List.copyOf(uncommitted));
        if (endOfInput || random.nextInt(5) > 0) {
            completed = snapshot;
            if (endOfInput || random.nextInt(4) > 0) {
                commit(committer, snapshot.committables());
                uncommitted.clear();
            }
        }
    }

    private void commit(Committer<C> committer, List<Pending<C>> pending) throws Exception {
        try {
            committer.commit(pending.stream().map(Pending::committable).toList());
        } catch (Exception e) {
            pending.forEach(p -> interruptedCommits.add(p.checkpointId()));
            throw e;
        }
    }
}
