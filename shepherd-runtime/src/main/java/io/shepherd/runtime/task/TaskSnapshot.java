package io.shepherd.runtime.task;

import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.state.snapshot.OperatorSnapshot;
import io.shepherd.runtime.state.snapshot.ValueCodec;
import io.shepherd.runtime.state.snapshot.ValueWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task's part of a checkpoint, as taken when the barrier passed: a copy of every operator's
 * state by uid, the input watermarks, and — for an unaligned checkpoint, once captured — the
 * in-flight data of every input channel. Serialized off the task thread into the format
 * {@link TaskState} reads (documented in docs/checkpoints.md):
 *
 * <pre>
 * int magic, byte version, varint operators, { string uid, varint bytes, bytes }*,
 * varint channels, { long watermark }*, varint channels, { varint elements, element* }*
 * element: byte 1 (batch), varint size, boolean keyed, { value record, long timestamp, [value key] }*
 *   (values through one {@link ValueWriter} for all in-flight data, so record classes are named once)
 *        | byte 2 (watermark), long timestamp
 * </pre>
 */
final class TaskSnapshot {
    static final int MAGIC = 0x53485453; // "SHTS"
    static final byte VERSION = 1;
    static final byte BATCH = 1;
    static final byte WATERMARK = 2;

    private final Map<String, OperatorSnapshot> operators = new LinkedHashMap<>();
    private final long[] inputWatermarks;
    private List<List<Object>> inFlight = List.of();
    private long stateBytes;
    private long channelStateBytes;

    TaskSnapshot(long[] inputWatermarks) {
        this.inputWatermarks = inputWatermarks;
    }

    void addOperator(String uid, OperatorSnapshot snapshot) {
        if (operators.putIfAbsent(uid, snapshot) != null) {
            throw new IllegalStateException("two operators of one task share the uid '" + uid + "'");
        }
    }

    void setInFlight(List<List<Object>> inFlight) {
        this.inFlight = inFlight;
    }

    long stateBytes() {
        return stateBytes;
    }

    long channelStateBytes() {
        return channelStateBytes;
    }

    byte[] serialize() {
        ByteOutput out = new ByteOutput(4096);
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.writeVarInt(operators.size());
        ByteOutput section = new ByteOutput();
        for (Map.Entry<String, OperatorSnapshot> entry : operators.entrySet()) {
            section.reset();
            entry.getValue().writeTo(section);
            out.writeString(entry.getKey());
            out.writeVarInt(section.position());
            out.writeBytes(section.array(), 0, section.position());
        }
        out.writeVarInt(inputWatermarks.length);
        for (long watermark : inputWatermarks) {
            out.writeLong(watermark);
        }
        int channelStart = out.position();
        out.writeVarInt(inFlight.size());
        // One writer for all in-flight data: each record class is named once, not once per record.
        ValueWriter values = ValueCodec.builtIns().writer(out);
        for (List<Object> channel : inFlight) {
            out.writeVarInt(channel.size());
            for (Object element : channel) {
                writeElement(out, values, element);
            }
        }
        channelStateBytes = inFlight.isEmpty() ? 0 : out.position() - channelStart;
        stateBytes = out.position() - channelStateBytes;
        return out.toByteArray();
    }

    private static void writeElement(ByteOutput out, ValueWriter values, Object element) {
        if (element instanceof RecordBatch batch) {
            out.writeByte(BATCH);
            out.writeVarInt(batch.size());
            out.writeBoolean(batch.hasKeys());
            for (int i = 0; i < batch.size(); i++) {
                values.write(batch.record(i));
                out.writeLong(batch.timestamp(i));
                if (batch.hasKeys()) {
                    values.write(batch.key(i));
                }
            }
        } else if (element instanceof StreamEvent.Watermark watermark) {
            out.writeByte(WATERMARK);
            out.writeLong(watermark.timestamp());
        } else {
            throw new IllegalStateException("unexpected in-flight element " + element);
        }
    }
}
