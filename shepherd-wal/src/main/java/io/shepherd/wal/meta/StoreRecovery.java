package io.shepherd.wal.meta;

import io.shepherd.wal.LogRecord;
import io.shepherd.wal.Wal;
import io.shepherd.wal.WalReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Rebuilds a store's state: load the newest valid image (damaged ones were set aside by
 * {@link ImageStore}, so this is the fallback too), then replay every later edit in txid order. A missing
 * or out-of-order txid stops recovery with {@link EditGapException}: the state would otherwise be
 * silently different from the one that was acknowledged.
 */
final class StoreRecovery {

    /** The recovered position: last txid, and the log position right after its edit. */
    record Result(long lastTxid, long endPosition, MetadataRecovery report) {}

    private StoreRecovery() {}

    static <E> Result recover(Wal log, ImageStore images, StateMachine<E> machine, EditCodec<E> codec) {
        ImageStore.Entry newest = images.newest();
        long txid = 0;
        long position = log.startPosition();
        if (newest != null) {
            if (newest.logPosition() < log.startPosition() || newest.logPosition() > log.endPosition()) {
                throw new MetadataRecoveryException("image " + newest.path() + " (txid " + newest.txid()
                        + ") continues at edit log position " + newest.logPosition() + ", but the log in "
                        + log.directory() + " holds positions " + log.startPosition() + " to " + log.endPosition());
            }
            machine.loadImage(images.read(newest).payload());
            txid = newest.txid();
            position = newest.logPosition();
        }
        long imageTxid = txid;
        long replayed = 0;
        try (WalReader reader = log.openReader(position)) {
            for (LogRecord record = reader.next(); record != null; record = reader.next()) {
                long found = EditRecord.txid(record.payload());
                if (found != txid + 1) {
                    throw gap(txid + 1, found, record.position(), log, images, newest == null);
                }
                replay(machine, codec, record, found);
                txid = found;
                replayed++;
            }
            position = reader.position();
        }
        MetadataRecovery report = new MetadataRecovery(Optional.ofNullable(newest).map(ImageStore.Entry::path),
                imageTxid, images.problems(), replayed, txid, log.recoveryReport());
        return new Result(txid, position, report);
    }

    private static <E> void replay(StateMachine<E> machine, EditCodec<E> codec, LogRecord record, long txid) {
        try {
            machine.apply(codec.decode(EditRecord.body(record.payload())));
        } catch (RuntimeException e) {
            throw new MetadataRecoveryException("edit txid " + txid + " at log position " + record.position()
                    + " was accepted once but fails to replay (is the state machine deterministic?): " + e, e);
        }
    }

    private static EditGapException gap(long expected, long found, long position, Wal log, ImageStore images,
            boolean noImage) {
        String where = "edit log " + log.directory() + " has txid " + found + " at position " + position
                + " where txid " + expected + " was expected";
        String missing = found > expected ? "; edits " + expected + ".." + (found - 1) + " are missing" : "";
        String why = noImage && !images.problems().isEmpty()
                ? "; no valid image to start from, damaged images: " + images.problems()
                : "";
        Path dir = log.directory();
        return new EditGapException(where + missing + why + ". Restore " + dir.getParent() + " from a backup or standby.");
    }
}
