package io.shepherd.bench.checkpoint;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.MapFunction;
import io.shepherd.api.functions.RichFunction;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A pass-through map, chained to the generator, that fails subtask 0 once when {@link Recovery#arm}
 * is called and then times the recovery: when each subtask processes its first record after the
 * restore, and when it is back at the index it had reached when the job failed (the replay has
 * caught up). Records are generator indices, increasing per subtask.
 *
 * <p>Instances run in the job and are copies, so they report to the one {@link Recovery} of the run
 * in progress (one run at a time per JVM). The per-record path is a volatile read and two compares.
 */
final class FailureProbe implements MapFunction<Long, Long>, RichFunction {
    private transient Recovery recovery;
    private transient int subtask;
    private transient long lastSeen;
    private transient long catchUpTo;
    private transient long seenSinceOpen;

    @Override
    public void open(FunctionContext context) {
        recovery = Recovery.current;
        subtask = context.subtaskIndex();
        lastSeen = -1;
        catchUpTo = recovery.failed() ? recovery.positionAtFailure(subtask) : Long.MAX_VALUE;
    }

    @Override
    public Long map(Long index) {
        if (recovery.armed && subtask == 0) {
            recovery.fail();
            throw new IllegalStateException("injected failure at index " + index);
        }
        if (seenSinceOpen++ == 0 && recovery.failed()) {
            recovery.firstRecordAfterRestore();
        }
        if (index >= catchUpTo) {
            recovery.caughtUp(subtask, seenSinceOpen);
            catchUpTo = Long.MAX_VALUE;
        }
        lastSeen = index;
        return index;
    }

    /** Runs when the failed attempt's tasks are closed: how far this subtask had got. */
    @Override
    public void close() {
        if (recovery != null && recovery.failed() && !recovery.restored()) {
            recovery.reached(subtask, lastSeen);
        }
    }

    /** What one run measured; times are {@link System#nanoTime}. */
    static final class Recovery {
        static volatile Recovery current;

        private final int parallelism;
        private final AtomicLongArray position;
        private final AtomicLongArray caughtUpNanos;
        private final AtomicLongArray replayed;
        volatile boolean armed;
        private volatile long failureNanos;
        private volatile long firstRecordNanos;
        private volatile boolean restored;

        Recovery(int parallelism) {
            this.parallelism = parallelism;
            this.position = new AtomicLongArray(parallelism);
            this.caughtUpNanos = new AtomicLongArray(parallelism);
            this.replayed = new AtomicLongArray(parallelism);
        }

        void arm() {
            armed = true;
        }

        private synchronized void fail() {
            if (armed) {
                armed = false;
                failureNanos = System.nanoTime();
            }
        }

        boolean failed() {
            return failureNanos != 0;
        }

        /** Whether a restored attempt has started processing. */
        boolean restored() {
            return restored;
        }

        private void reached(int subtask, long index) {
            position.set(subtask, index);
        }

        private long positionAtFailure(int subtask) {
            return position.get(subtask);
        }

        private synchronized void firstRecordAfterRestore() {
            if (!restored) {
                restored = true;
                firstRecordNanos = System.nanoTime();
            }
        }

        private void caughtUp(int subtask, long records) {
            caughtUpNanos.compareAndSet(subtask, 0, System.nanoTime());
            replayed.compareAndSet(subtask, 0, records);
        }

        boolean hasCaughtUp() {
            for (int i = 0; i < parallelism; i++) {
                if (caughtUpNanos.get(i) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** From the failure to the first record a restored probe processed. */
        long firstRecordAfterNanos() {
            return firstRecordNanos - failureNanos;
        }

        /** From the failure until every subtask was back where it had been. */
        long caughtUpAfterNanos() {
            long last = 0;
            for (int i = 0; i < parallelism; i++) {
                last = Math.max(last, caughtUpNanos.get(i));
            }
            return last - failureNanos;
        }

        /** Records processed again after the restore, over all subtasks, to get back to where they had been. */
        long replayedRecords() {
            long sum = 0;
            for (int i = 0; i < parallelism; i++) {
                sum += replayed.get(i);
            }
            return sum;
        }
    }
}
