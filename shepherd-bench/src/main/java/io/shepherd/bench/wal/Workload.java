package io.shepherd.bench.wal;

/** Something {@link PairedRun} measures in slices: open once, run many timed slices, close. */
interface Workload extends AutoCloseable {

    String name();

    /** Runs for about {@code nanos} and returns the rate achieved, in operations per second. */
    double runSlice(long nanos) throws Exception;

    /** What the workload observed over all slices so far beyond its rate (empty if nothing). */
    default String observations() {
        return "";
    }

    @Override
    void close() throws Exception;
}
