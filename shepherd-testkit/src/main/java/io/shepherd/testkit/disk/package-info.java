/**
 * A simulated disk for deterministic fault tests of anything that persists through
 * {@link io.shepherd.common.io.Disk}: lost and torn unforced writes, lost directory changes, failed
 * forces with Linux's semantics, full disks, bit flips and power cuts at a chosen operation, all
 * replayable from a seed. Start with {@link io.shepherd.testkit.disk.SimulatedDisk}.
 */
package io.shepherd.testkit.disk;
