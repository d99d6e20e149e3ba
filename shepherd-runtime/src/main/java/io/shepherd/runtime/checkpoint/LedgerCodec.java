package io.shepherd.runtime.checkpoint;

import io.shepherd.runtime.checkpoint.CheckpointEdit.Aborted;
import io.shepherd.runtime.checkpoint.CheckpointEdit.Completed;
import io.shepherd.runtime.checkpoint.CheckpointEdit.Discarded;
import io.shepherd.wal.meta.EditCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The bytes of the ledger's edits and image (docs/checkpoints.md). Big-endian, strings as modified UTF-8
 * ({@link DataOutputStream#writeUTF}); the write-ahead log's frames checksum them.
 *
 * <pre>
 * edit      = tag:u8 (1 completed, 2 aborted, 3 discarded) body
 * completed = id:i64 type:utf location:utf trigger:i64 completion:i64 tasks:i32 stateBytes:i64
 *             channelStateBytes:i64 lastVertex:i32 lastSubtask:i32   (-1 -1 for none)
 * aborted   = id:i64 type:utf trigger:i64 abortTime:i64 reason:utf
 * discarded = id:i64
 * image     = version:i32 (1) highestId:i64 count:i32 completed* count:i32 aborted*
 * </pre>
 */
final class LedgerCodec implements EditCodec<CheckpointEdit> {

    static final LedgerCodec INSTANCE = new LedgerCodec();

    private static final int COMPLETED = 1;
    private static final int ABORTED = 2;
    private static final int DISCARDED = 3;
    private static final int IMAGE_VERSION = 1;

    private LedgerCodec() {}

    @Override
    public byte[] encode(CheckpointEdit edit) {
        return write(out -> {
            if (edit instanceof Completed c) {
                out.writeByte(COMPLETED);
                writeCompleted(out, c.checkpoint());
            } else if (edit instanceof Aborted a) {
                out.writeByte(ABORTED);
                writeAborted(out, a.checkpoint());
            } else if (edit instanceof Discarded d) {
                out.writeByte(DISCARDED);
                out.writeLong(d.checkpointId());
            }
        });
    }

    @Override
    public CheckpointEdit decode(byte[] bytes) {
        return read(bytes, in -> {
            int tag = in.readUnsignedByte();
            return switch (tag) {
                case COMPLETED -> new Completed(readCompleted(in));
                case ABORTED -> new Aborted(readAborted(in));
                case DISCARDED -> new Discarded(in.readLong());
                default -> throw new IOException("unknown checkpoint edit tag " + tag);
            };
        });
    }

    static byte[] encodeImage(long highestId, Collection<CheckpointSummary> completed,
            Collection<AbortedCheckpoint> aborts) {
        return write(out -> {
            out.writeInt(IMAGE_VERSION);
            out.writeLong(highestId);
            out.writeInt(completed.size());
            for (CheckpointSummary c : completed) {
                writeCompleted(out, c);
            }
            out.writeInt(aborts.size());
            for (AbortedCheckpoint a : aborts) {
                writeAborted(out, a);
            }
        });
    }

    static void decodeImage(byte[] image, CheckpointLedger ledger) {
        read(image, in -> {
            int version = in.readInt();
            if (version != IMAGE_VERSION) {
                throw new IOException("checkpoint ledger image version " + version + ", expected " + IMAGE_VERSION);
            }
            long highestId = in.readLong();
            List<CheckpointSummary> completed = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                completed.add(readCompleted(in));
            }
            List<AbortedCheckpoint> aborts = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                aborts.add(readAborted(in));
            }
            ledger.restore(highestId, completed, aborts);
            return null;
        });
    }

    private static void writeCompleted(DataOutputStream out, CheckpointSummary c) throws IOException {
        out.writeLong(c.id());
        out.writeUTF(c.type().name());
        out.writeUTF(c.location());
        out.writeLong(c.triggerTimeMs());
        out.writeLong(c.completionTimeMs());
        out.writeInt(c.tasks());
        out.writeLong(c.stateBytes());
        out.writeLong(c.channelStateBytes());
        out.writeInt(c.lastAcknowledged() == null ? -1 : c.lastAcknowledged().vertexId());
        out.writeInt(c.lastAcknowledged() == null ? -1 : c.lastAcknowledged().subtask());
    }

    private static CheckpointSummary readCompleted(DataInputStream in) throws IOException {
        long id = in.readLong();
        CheckpointType type = CheckpointType.valueOf(in.readUTF());
        String location = in.readUTF();
        long trigger = in.readLong();
        long completion = in.readLong();
        int tasks = in.readInt();
        long stateBytes = in.readLong();
        long channelStateBytes = in.readLong();
        int vertex = in.readInt();
        int subtask = in.readInt();
        TaskId last = vertex < 0 ? null : new TaskId(vertex, subtask);
        return new CheckpointSummary(id, type, location, trigger, completion, tasks, stateBytes, channelStateBytes, last);
    }

    private static void writeAborted(DataOutputStream out, AbortedCheckpoint a) throws IOException {
        out.writeLong(a.id());
        out.writeUTF(a.type().name());
        out.writeLong(a.triggerTimeMs());
        out.writeLong(a.abortTimeMs());
        out.writeUTF(truncated(a.reason()));
    }

    private static AbortedCheckpoint readAborted(DataInputStream in) throws IOException {
        return new AbortedCheckpoint(in.readLong(), CheckpointType.valueOf(in.readUTF()), in.readLong(), in.readLong(),
                in.readUTF());
    }

    /** writeUTF takes at most 65,535 bytes; a reason is a sentence, so a longer one is cut. */
    private static String truncated(String reason) {
        String text = reason == null ? "" : reason;
        return text.length() > 4_000 ? text.substring(0, 4_000) + "..." : text;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a checkpoint ledger record", e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            T value = reader.read(in);
            if (in.available() > 0) {
                throw new IOException(in.available() + " unexpected bytes after the record");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("a checkpoint ledger record does not decode: " + e.getMessage(), e);
        }
    }
}
