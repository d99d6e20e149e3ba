package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.api.state.StateDescriptor;
import io.shepherd.runtime.state.StateSignature;
import io.shepherd.runtime.state.snapshot.StateImage.ListImage;
import io.shepherd.runtime.state.snapshot.StateImage.TableImage;
import io.shepherd.runtime.state.snapshot.StateImage.TimersImage;
import io.shepherd.runtime.timers.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link ImageWriter} wrote. Every count is checked against the bytes left before
 * anything is allocated for it; errors name the operator, the state and the position in the body.
 */
final class ImageReader {
    private final ByteInput in;
    private final ValueReader values;
    private String operator = "?";

    private ImageReader(ByteInput in, ValueCodec codec) {
        this.in = in;
        this.values = codec.reader(in);
    }

    /** Reads a whole body; bytes left after it are an error. */
    static StateImage read(byte[] body, ValueCodec codec) {
        ByteInput in = new ByteInput(body);
        ImageReader reader = new ImageReader(in, codec);
        StateImage image = reader.readImage();
        if (in.hasRemaining()) {
            throw new SerializationException("corrupt snapshot of operator '" + image.operator() + "': "
                    + in.remaining() + " bytes follow the end of its body");
        }
        return image;
    }

    private StateImage readImage() {
        try {
            operator = in.readString();
        } catch (SerializationException e) {
            throw new SerializationException("cannot read the operator name from a snapshot: " + e.getMessage(), e);
        }
        List<TableImage> tables = readTables();
        List<ListImage> lists = readLists();
        TimersImage timers = readTimers();
        return new StateImage(operator, tables, lists, timers);
    }

    private List<TableImage> readTables() {
        int count = section(SnapshotFormat.KEYED_SECTION, "keyed state");
        List<TableImage> tables = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            String name = "#" + t;
            try {
                name = in.readString();
                tables.add(readTable(name));
            } catch (SerializationException e) {
                throw failed("keyed state '" + name + "'", e);
            }
        }
        return tables;
    }

    private TableImage readTable(String name) {
        StateSignature signature = readSignature();
        int entries = count("keyed state entries");
        Object[] keys = new Object[entries];
        Object[] entryValues = new Object[entries];
        for (int i = 0; i < entries; i++) {
            keys[i] = readKey();
            entryValues[i] = readValue(signature.kind());
        }
        return new TableImage(name, signature, keys, entryValues);
    }

    private Object readValue(StateDescriptor.Kind kind) {
        return switch (kind) {
            case LIST -> readAll(count("list state elements"));
            case MAP -> readAll(in.checkAvailable(2L * in.readLength(), "map state entries"));
            case VALUE, REDUCING -> values.read();
        };
    }

    private List<ListImage> readLists() {
        int count = section(SnapshotFormat.LISTS_SECTION, "operator lists");
        List<ListImage> lists = new ArrayList<>(count);
        for (int l = 0; l < count; l++) {
            String name = "#" + l;
            try {
                name = in.readString();
                StateSignature signature = new StateSignature(StateDescriptor.Kind.LIST, in.readString(), null);
                lists.add(new ListImage(name, signature, readAll(count("operator list elements"))));
            } catch (SerializationException e) {
                throw failed("operator list state '" + name + "'", e);
            }
        }
        return lists;
    }

    private TimersImage readTimers() {
        try {
            int at = in.position();
            if (in.readByte() != SnapshotFormat.TIMERS_SECTION) {
                throw in.invalidAt(at, "the timers section should start here");
            }
            if (!in.readBoolean()) {
                return null;
            }
            long watermark = in.readSignedVarLong();
            return new TimersImage(watermark, readTimerArray(), readTimerArray());
        } catch (SerializationException e) {
            throw failed("timers", e);
        }
    }

    private Timer[] readTimerArray() {
        Timer[] timers = new Timer[count("timers")];
        for (int i = 0; i < timers.length; i++) {
            long timestamp = in.readSignedVarLong();
            timers[i] = new Timer(timestamp, readKey());
        }
        return timers;
    }

    /** State is only ever kept under a key, so a null key is corrupt input. */
    private Object readKey() {
        int at = in.position();
        Object key = values.read();
        if (key == null) {
            throw in.invalidAt(at, "a key is null");
        }
        return key;
    }

    private StateSignature readSignature() {
        int at = in.position();
        StateDescriptor.Kind kind = SnapshotFormat.kindOf(in.readByte(), in, at);
        String type = in.readString();
        return new StateSignature(kind, type, kind == StateDescriptor.Kind.MAP ? in.readString() : null);
    }

    private Object[] readAll(int count) {
        Object[] elements = new Object[count];
        for (int i = 0; i < count; i++) {
            elements[i] = values.read();
        }
        return elements;
    }

    /** Checks the section marker and returns the count that follows it. */
    private int section(byte marker, String what) {
        try {
            int at = in.position();
            if (in.readByte() != marker) {
                throw in.invalidAt(at, "the " + what + " section should start here");
            }
            return count(what);
        } catch (SerializationException e) {
            throw failed(what, e);
        }
    }

    /** A count of things that each take at least one byte, so it cannot exceed the bytes left. */
    private int count(String what) {
        return in.checkAvailable(in.readLength(), what);
    }

    private SerializationException failed(String where, SerializationException cause) {
        return new SerializationException("cannot read " + where + " of operator '" + operator
                + "' from its snapshot: " + cause.getMessage(), cause);
    }
}
