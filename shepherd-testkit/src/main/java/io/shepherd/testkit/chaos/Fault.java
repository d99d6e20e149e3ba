package io.shepherd.testkit.chaos;

import io.shepherd.testkit.net.SimNetwork;

/**
 * One fault of a {@link FaultPlan}: something that goes wrong at a simulated instant and (usually)
 * ends at a later one.
 */
public sealed interface Fault permits CrashFault, PartitionFault, DegradeFault {

    /** When the fault begins, in simulated nanoseconds. */
    long startNs();

    /** When it ends, in simulated nanoseconds; {@link Long#MAX_VALUE} if it never does. */
    long endNs();

    /** The fault in words, without its times, e.g. {@code partition [1, 2] | [3, 4, 5]}. */
    String describe();

    /** Schedules the fault's start and end on the network's scheduler. */
    void scheduleOn(SimNetwork<?> network);
}
