package io.shepherd.wal.meta;

import io.shepherd.wal.Wal;
import io.shepherd.wal.WalFailedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A durable in-memory state (the NameNode pattern): every change is an edit, applied to the
 * {@link StateMachine} and appended to a write-ahead log; every {@link MetadataStoreOptions#imageEveryEdits()}
 * edits (or on {@link #takeImage()}) the whole state is written as an image and the log before the
 * oldest kept image is dropped. Opening loads the newest valid image (an older one if the newest is
 * damaged) and replays the edits after it.
 *
 * <p><b>Order and durability.</b> Edits get transaction ids 1, 2, 3... in the order they are applied.
 * {@link #apply} returns once the edit is durable (under the default {@link io.shepherd.wal.SyncPolicy#SYNC});
 * concurrent callers share forces. The edit is visible to {@link #read} as soon as it is applied, before
 * it is durable, as in the NameNode; if the log then fails, the store refuses all further use, since its
 * memory may hold an edit the disk does not — reopen it.
 *
 * <p>Thread-safe. The state machine is only touched under the store's lock.
 *
 * @param <E> edit type
 * @param <S> state machine type
 */
public final class MetadataStore<E, S extends StateMachine<E>> implements AutoCloseable {

    private final MetadataStoreOptions options;
    private final S machine;
    private final EditCodec<E> codec;
    private final Wal log;
    private final ImageStore images;
    private final MetadataRecovery recovery;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock imageLock = new ReentrantLock();
    private long lastTxid;
    private long editsSinceImage;
    private CompletableFuture<Long> lastEditEnd;
    private volatile RuntimeException failure;
    private volatile RuntimeException lastImageFailure;

    private MetadataStore(MetadataStoreOptions options, S machine, EditCodec<E> codec, Wal log, ImageStore images,
            StoreRecovery.Result recovered) {
        this.options = options;
        this.machine = machine;
        this.codec = codec;
        this.log = log;
        this.images = images;
        this.recovery = recovered.report();
        this.lastTxid = recovered.lastTxid();
        this.editsSinceImage = recovered.report().editsReplayed();
        this.lastEditEnd = CompletableFuture.completedFuture(recovered.endPosition());
    }

    /**
     * Opens (creating if needed) the store and recovers {@code machine}, which must be empty, to the last
     * durable edit.
     *
     * @throws EditGapException if the log misses edits the state needs
     * @throws MetadataRecoveryException if no image and log combination gives a consistent state
     * @throws io.shepherd.wal.CorruptLogException if the edit log is damaged
     */
    public static <E, S extends StateMachine<E>> MetadataStore<E, S> open(MetadataStoreOptions options, S machine,
            EditCodec<E> codec) {
        Wal log = Wal.open(options.editLogOptions()); // locks the store against a second writer
        try {
            ImageStore images = ImageStore.open(options.disk(), options.imagesDirectory());
            StoreRecovery.Result recovered = StoreRecovery.recover(log, images, machine, codec);
            return new MetadataStore<>(options, machine, codec, log, images, recovered);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /**
     * Applies an edit and makes it durable. If the state machine rejects the edit (throws), nothing is
     * logged and the exception propagates. May write an image afterwards when one is due; a failure to
     * write it does not undo the edit (see {@link #lastImageFailure()}).
     *
     * @return the edit's transaction id
     * @throws WalFailedException if the log failed (now or before); the store is then unusable
     */
    public long apply(E edit) {
        long txid;
        CompletableFuture<Long> appended;
        boolean imageDue;
        lock.lock();
        try {
            checkUsable();
            byte[] record = EditRecord.encode(lastTxid + 1, codec.encode(edit));
            if (record.length > log.options().maxRecordBytes()) {
                throw new IllegalArgumentException("edit of " + record.length + " bytes exceeds the log's record limit of "
                        + log.options().maxRecordBytes() + " bytes");
            }
            machine.apply(edit);
            txid = ++lastTxid;
            appended = log.append(record);
            lastEditEnd = appended.thenApply(position -> Wal.positionAfter(position, record.length));
            editsSinceImage++;
            imageDue = editsSinceImage >= options.imageEveryEdits();
        } finally {
            lock.unlock();
        }
        awaitDurable(appended);
        if (imageDue && imageLock.tryLock()) {
            try {
                writeImage();
                lastImageFailure = null;
            } catch (RuntimeException e) {
                lastImageFailure = e;
            } finally {
                imageLock.unlock();
            }
        }
        return txid;
    }

    /** Runs a query against the current state under the store's lock. */
    public <R> R read(Function<? super S, R> query) {
        lock.lock();
        try {
            checkUsable();
            return query.apply(machine);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes an image of the current state now, then drops the log before the oldest kept image.
     *
     * @return the last txid the image includes
     */
    public long takeImage() {
        imageLock.lock();
        try {
            return writeImage();
        } finally {
            imageLock.unlock();
        }
    }

    /** The last applied edit's transaction id (0 if none). */
    public long lastTxid() {
        lock.lock();
        try {
            return lastTxid;
        } finally {
            lock.unlock();
        }
    }

    public MetadataRecovery recovery() {
        return recovery;
    }

    /** Why the last automatic image failed, or null if it succeeded (or none was due yet). */
    public RuntimeException lastImageFailure() {
        return lastImageFailure;
    }

    @Override
    public void close() {
        log.close();
    }

    /** Called with the image lock held. */
    private long writeImage() {
        byte[] payload;
        long txid;
        long editsCovered;
        CompletableFuture<Long> end;
        lock.lock();
        try {
            checkUsable();
            payload = machine.writeImage();
            txid = lastTxid;
            editsCovered = editsSinceImage;
            end = lastEditEnd;
        } finally {
            lock.unlock();
        }
        long position = awaitDurable(end);
        log.sync(); // under a relaxed sync policy the edits up to txid must be durable before an image claims them
        images.write(new ImageFile(txid, position, payload));
        images.retain(options.imagesRetained());
        log.truncatePrefix(images.oldest().logPosition());
        lock.lock();
        try {
            editsSinceImage -= editsCovered;
        } finally {
            lock.unlock();
        }
        return txid;
    }

    private long awaitDurable(CompletableFuture<Long> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            failure = new WalFailedException("metadata store " + options.directory() + " failed: its edit log did not"
                    + " make an applied edit durable, so memory and disk may differ; reopen it. Cause: "
                    + cause.getMessage(), cause);
            throw failure;
        }
    }

    private void checkUsable() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }
}
