package io.shepherd.runtime.task;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.state.snapshot.RestoredOperatorState;
import io.shepherd.runtime.state.snapshot.ValueCodec;
import io.shepherd.runtime.state.snapshot.ValueReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One task's part of a checkpoint, read back: operator state by uid, input watermarks, in-flight data. */
public final class TaskState {
    private final Map<String, RestoredOperatorState> operators;
    private final long[] inputWatermarks;
    private final List<List<Object>> inFlight;

    private TaskState(Map<String, RestoredOperatorState> operators, long[] inputWatermarks, List<List<Object>> inFlight) {
        this.operators = operators;
        this.inputWatermarks = inputWatermarks;
        this.inFlight = inFlight;
    }

    /** @param source names the file in errors */
    public static TaskState read(byte[] bytes, String source) {
        ByteInput in = new ByteInput(bytes);
        if (in.readInt() != TaskSnapshot.MAGIC) {
            throw new IllegalArgumentException(source + " is not a task state file");
        }
        byte version = in.readByte();
        if (version != TaskSnapshot.VERSION) {
            throw new IllegalArgumentException(source + " has task state version " + version + "; this version reads "
                    + TaskSnapshot.VERSION);
        }
        Map<String, RestoredOperatorState> operators = new LinkedHashMap<>();
        for (int i = in.readLength(); i > 0; i--) {
            String uid = in.readString();
            byte[] section = in.readBytes(in.readLength());
            operators.put(uid, RestoredOperatorState.read(new ByteInput(section)));
        }
        long[] watermarks = new long[in.readLength()];
        for (int i = 0; i < watermarks.length; i++) {
            watermarks[i] = in.readLong();
        }
        List<List<Object>> inFlight = new ArrayList<>();
        int channels = in.readLength();
        ValueReader values = ValueCodec.builtIns().reader(in);
        for (int c = channels; c > 0; c--) {
            List<Object> channel = new ArrayList<>();
            for (int e = in.readLength(); e > 0; e--) {
                channel.add(readElement(in, values));
            }
            inFlight.add(channel);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(source + " has " + in.remaining() + " bytes after its end");
        }
        return new TaskState(operators, watermarks, inFlight);
    }

    private static Object readElement(ByteInput in, ValueReader values) {
        byte tag = in.readByte();
        if (tag == TaskSnapshot.WATERMARK) {
            return new StreamEvent.Watermark(in.readLong());
        }
        if (tag != TaskSnapshot.BATCH) {
            throw in.invalid("unknown in-flight element tag " + tag);
        }
        int size = in.readLength();
        boolean keyed = in.readBoolean();
        RecordBatch batch = new RecordBatch(Math.max(1, size), keyed);
        for (int i = 0; i < size; i++) {
            Object record = values.read();
            long timestamp = in.readLong();
            if (keyed) {
                batch.add(record, timestamp, values.read());
            } else {
                batch.add(record, timestamp);
            }
        }
        return batch;
    }

    public Map<String, RestoredOperatorState> operators() {
        return operators;
    }

    public long[] inputWatermarks() {
        return inputWatermarks;
    }

    public List<List<Object>> inFlight() {
        return inFlight;
    }
}
