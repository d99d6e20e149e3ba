package io.shepherd.bench.compare;

/**
 * The recovery job's instrument inside one counter subtask, the same for every engine. Records carry the
 * source subtask they came from; every source subtask emits increasing values. A subtask opened before the
 * failure counts records until subtask 0 has counted its share of {@link RunSpec#failAfter}, then fails
 * the job, and remembers how far each source had got. A subtask opened after the failure belongs to the
 * restored job: its first record ends the recovery time, and the job has caught up once every source
 * has replayed past where the failed attempt had been.
 */
final class RecoveryTracker {
    private final int subtask;
    private final boolean restored;
    private final long failAt;
    private final long[] reached;
    private long counted;

    /** @param failAfter records the whole job counts before it fails (subtask 0 fails at its share) */
    RecoveryTracker(int subtask, int parallelism, long failAfter) {
        this.subtask = subtask;
        this.restored = Probe.hasFailed();
        this.failAt = subtask == 0 ? Math.max(1, failAfter / parallelism) : Long.MAX_VALUE;
        this.reached = new long[parallelism];
    }

    /**
     * Called before the counter applies a record with {@code value} from source subtask {@code source}.
     *
     * @throws IllegalStateException the injected failure
     */
    void count(int source, long value) {
        counted++;
        if (restored) {
            if (counted == 1) {
                Probe.firstRecordAfterRestore();
            }
            Probe.countedAfterRestore(source, value);
            return;
        }
        if (value > reached[source]) {
            reached[source] = value;
            Probe.reachedBeforeFailure(subtask, source, value);
        }
        if (counted == failAt) {
            Probe.failed();
            throw new IllegalStateException("injected failure after " + counted + " records in counter subtask "
                    + subtask);
        }
    }
}
