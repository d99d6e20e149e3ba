package io.shepherd.wal;

import java.util.concurrent.CompletableFuture;

/** Work for the writer thread, executed in the order it was queued. */
sealed interface Command {

    /** Bytes this command counts against {@link WalOptions#maxQueuedBytes()} from queueing to acknowledgement. */
    int queuedBytes();

    void fail(Throwable cause);

    /** Append {@code payload}; the future gets its position once it is durable under the policy. */
    final class Append implements Command {
        final byte[] payload;
        final CompletableFuture<Long> future = new CompletableFuture<>();
        /** When it was queued, on the log's clock; only read if a group-commit wait is configured. */
        final long queuedAtNanos;
        long position;

        Append(byte[] payload, long queuedAtNanos) {
            this.payload = payload;
            this.queuedAtNanos = queuedAtNanos;
        }

        int frameBytes() {
            return RecordFrame.frameBytes(payload.length);
        }

        @Override
        public int queuedBytes() {
            return frameBytes();
        }

        @Override
        public void fail(Throwable cause) {
            future.completeExceptionally(cause);
        }
    }

    /** An operation on the whole log, run after everything queued before it is durable. */
    final class Control implements Command {
        enum Kind { SYNC, TRUNCATE_PREFIX, TRUNCATE_SUFFIX, CLOSE }

        final Kind kind;
        final long position;
        final CompletableFuture<Void> future = new CompletableFuture<>();

        Control(Kind kind, long position) {
            this.kind = kind;
            this.position = position;
        }

        @Override
        public int queuedBytes() {
            return 0;
        }

        @Override
        public void fail(Throwable cause) {
            future.completeExceptionally(cause);
        }
    }
}
