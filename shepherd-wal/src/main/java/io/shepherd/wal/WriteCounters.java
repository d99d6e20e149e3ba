package io.shepherd.wal;

/**
 * The running counts behind {@link WalStats}, updated by whichever thread forces or acknowledges (the writer,
 * the {@link Forcer}, an appender writing in place) and read by any: a lock per batch, not per record, keeps
 * snapshots consistent.
 */
final class WriteCounters {

    private long forces;
    private long records;
    private long bytes;

    synchronized void forced() {
        forces++;
    }

    synchronized void acknowledged(long recordCount, long frameBytes) {
        records += recordCount;
        bytes += frameBytes;
    }

    synchronized WalStats snapshot() {
        return new WalStats(forces, records, bytes);
    }
}
