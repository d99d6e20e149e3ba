package io.shepherd.runtime.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The bytes of a checkpoint's {@code _metadata} file (see docs/checkpoints.md):
 *
 * <pre>
 * offset size field
 *  0     8    magic "SHEPCKPT"
 *  8     4    format version (1)
 * 12     4    payload length n
 * 16     4    CRC32C of the payload
 * 20     n    payload: the checkpoint as JSON (UTF-8)
 * </pre>
 *
 * The file must be exactly {@code 20 + n} bytes, so a file cut short is told from a damaged one. State
 * files are named relative to the checkpoint's own directory, which keeps a savepoint valid wherever its
 * directory is moved.
 */
final class MetadataFormat {

    static final long MAGIC = 0x5348_4550_434B_5054L; // "SHEPCKPT"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The JSON payload; a state file is named within the checkpoint directory. */
    record Document(long id, CheckpointType type, long triggerTimeMs, long completionTimeMs,
            TaskId lastAcknowledged, List<TaskDocument> tasks) {}

    /** One task's part; {@code state} is null for a task without state. */
    record TaskDocument(TaskId task, String name, StateFile state, TaskCheckpointStats stats, long ackTimeMs) {}

    record StateFile(String file, long length, int crc32c) {}

    private MetadataFormat() {}

    static byte[] encode(CompletedCheckpoint checkpoint) {
        List<TaskDocument> tasks = new ArrayList<>();
        checkpoint.tasks().forEach((task, entry) -> tasks.add(new TaskDocument(task, entry.taskName(),
                stateFile(checkpoint, entry.state()), entry.stats(), entry.ackTimeMs())));
        Document document = new Document(checkpoint.id(), checkpoint.type(), checkpoint.triggerTimeMs(),
                checkpoint.completionTimeMs(), checkpoint.lastAcknowledged(), tasks);
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("checkpoint " + checkpoint.id() + " cannot be written as JSON", e);
        }
        return ByteBuffer.allocate(HEADER_BYTES + payload.length)
                .putLong(MAGIC).putInt(VERSION).putInt(payload.length).putInt(crc32c(payload)).put(payload)
                .array();
    }

    /**
     * Checks and decodes a metadata file.
     *
     * @param location where the checkpoint directory is now; state handles are placed under it
     * @throws CorruptCheckpointException naming {@code file} if anything is wrong
     */
    static CompletedCheckpoint decode(byte[] bytes, Path file, String location) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER_BYTES) {
            throw new CorruptCheckpointException(file, "metadata is " + bytes.length + " bytes, shorter than its "
                    + HEADER_BYTES + "-byte header (a write cut short)");
        }
        if (buffer.getLong(0) != MAGIC) {
            throw new CorruptCheckpointException(file, "not a Shepherd checkpoint metadata file (bad magic)");
        }
        if (buffer.getInt(8) != VERSION) {
            throw new CorruptCheckpointException(file, "metadata format version " + buffer.getInt(8)
                    + "; this version of Shepherd reads version " + VERSION);
        }
        int length = buffer.getInt(12);
        if (length != bytes.length - HEADER_BYTES) {
            throw new CorruptCheckpointException(file, "metadata says " + length + " payload bytes but the file holds "
                    + (bytes.length - HEADER_BYTES) + " (a write cut short, or damage)");
        }
        byte[] payload = new byte[length];
        buffer.get(HEADER_BYTES, payload);
        int stored = buffer.getInt(16);
        int computed = crc32c(payload);
        if (stored != computed) {
            throw new CorruptCheckpointException(file, String.format(
                    "metadata checksum mismatch (stored %08x, computed %08x): the file is damaged", stored, computed));
        }
        try {
            return toCheckpoint(JSON.readValue(payload, Document.class), location);
        } catch (IOException | RuntimeException e) {
            throw new CorruptCheckpointException(file, "metadata has a valid checksum but is not a valid version "
                    + VERSION + " checkpoint: " + e.getMessage(), e);
        }
    }

    private static CompletedCheckpoint toCheckpoint(Document document, String location) {
        if (document.type() == null || document.tasks() == null) {
            throw new IllegalArgumentException("type and tasks are required");
        }
        Map<TaskId, TaskSnapshotEntry> tasks = new TreeMap<>();
        for (TaskDocument task : document.tasks()) {
            if (task.task() == null || task.stats() == null) {
                throw new IllegalArgumentException("every task needs an id and stats");
            }
            StateHandle state = task.state() == null ? null
                    : new StateHandle(location + "/" + task.state().file(), task.state().length(), task.state().crc32c());
            tasks.put(task.task(), new TaskSnapshotEntry(task.name(), state, task.stats(), task.ackTimeMs()));
        }
        return new CompletedCheckpoint(document.id(), document.type(), document.triggerTimeMs(),
                document.completionTimeMs(), tasks, document.lastAcknowledged(), location);
    }

    private static StateFile stateFile(CompletedCheckpoint checkpoint, StateHandle state) {
        if (state == null) {
            return null;
        }
        String prefix = checkpoint.location() + "/";
        if (!state.location().startsWith(prefix)) {
            throw new IllegalArgumentException("state " + state.location() + " of checkpoint " + checkpoint.id()
                    + " lies outside its directory " + checkpoint.location());
        }
        return new StateFile(state.location().substring(prefix.length()), state.length(), state.crc32c());
    }

    static int crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
