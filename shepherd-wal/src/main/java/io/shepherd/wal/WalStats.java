package io.shepherd.wal;

/**
 * What the log has written since it was opened, to see how well group commit batches: under
 * {@link SyncPolicy#SYNC}, {@code acknowledgedRecords / forces} is the average number of records each force
 * made durable. Counts only grow; take two snapshots and subtract to measure an interval.
 *
 * @param forces forces of segment data (a segment roll's force included)
 * @param acknowledgedRecords records whose futures completed successfully
 * @param acknowledgedBytes their frame bytes (payload plus the 20-byte frame header)
 */
public record WalStats(long forces, long acknowledgedRecords, long acknowledgedBytes) {

    /** The counts between {@code earlier} and this snapshot. */
    public WalStats minus(WalStats earlier) {
        return new WalStats(forces - earlier.forces, acknowledgedRecords - earlier.acknowledgedRecords,
                acknowledgedBytes - earlier.acknowledgedBytes);
    }

    /** Records acknowledged per force; 0 if there was no force. */
    public double recordsPerForce() {
        return forces == 0 ? 0 : (double) acknowledgedRecords / forces;
    }

    /** Frame bytes acknowledged per force; 0 if there was no force. */
    public double bytesPerForce() {
        return forces == 0 ? 0 : (double) acknowledgedBytes / forces;
    }
}
