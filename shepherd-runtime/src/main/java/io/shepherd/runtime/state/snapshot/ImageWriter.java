package io.shepherd.runtime.state.snapshot;

import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.SerializationException;
import io.shepherd.runtime.state.StateSignature;
import io.shepherd.runtime.state.snapshot.StateImage.ListImage;
import io.shepherd.runtime.state.snapshot.StateImage.TableImage;
import io.shepherd.runtime.state.snapshot.StateImage.TimersImage;
import io.shepherd.runtime.timers.Timer;

/**
 * Writes the body of an operator snapshot: the operator's name, then the keyed, operator-list and
 * timer sections, every value through one {@link ValueWriter} so each class is named once. A
 * value that cannot be written fails naming the state it is in.
 */
final class ImageWriter {
    private final ByteOutput out;
    private final ValueWriter values;
    private final String operator;

    private ImageWriter(ByteOutput out, ValueCodec codec, String operator) {
        this.out = out;
        this.values = codec.writer(out);
        this.operator = operator;
    }

    static void write(StateImage image, ByteOutput out, ValueCodec codec) {
        ImageWriter writer = new ImageWriter(out, codec, image.operator());
        out.writeString(image.operator());
        writer.writeTables(image);
        writer.writeLists(image);
        writer.writeTimers(image.timers());
    }

    private void writeTables(StateImage image) {
        out.writeByte(SnapshotFormat.KEYED_SECTION);
        out.writeVarInt(image.tables().size());
        for (TableImage table : image.tables()) {
            try {
                writeTable(table);
            } catch (SerializationException e) {
                throw failed("keyed state '" + table.name() + "'", e);
            }
        }
    }

    private void writeTable(TableImage table) {
        out.writeString(table.name());
        writeSignature(table.signature());
        out.writeVarInt(table.keys().length);
        for (int i = 0; i < table.keys().length; i++) {
            values.write(table.keys()[i]);
            writeValue(table.signature(), table.values()[i]);
        }
    }

    private void writeValue(StateSignature signature, Object value) {
        switch (signature.kind()) {
            case LIST -> writeAll((Object[]) value);
            case MAP -> {
                Object[] pairs = (Object[]) value;
                out.writeVarInt(pairs.length / 2);
                for (Object keyOrValue : pairs) {
                    values.write(keyOrValue);
                }
            }
            case VALUE, REDUCING -> values.write(value);
        }
    }

    private void writeLists(StateImage image) {
        out.writeByte(SnapshotFormat.LISTS_SECTION);
        out.writeVarInt(image.lists().size());
        for (ListImage list : image.lists()) {
            try {
                out.writeString(list.name());
                out.writeString(list.signature().type());
                writeAll(list.elements());
            } catch (SerializationException e) {
                throw failed("operator list state '" + list.name() + "'", e);
            }
        }
    }

    private void writeTimers(TimersImage timers) {
        out.writeByte(SnapshotFormat.TIMERS_SECTION);
        out.writeBoolean(timers != null);
        if (timers != null) {
            try {
                out.writeSignedVarLong(timers.watermark());
                writeTimers(timers.eventTimers());
                writeTimers(timers.processingTimers());
            } catch (SerializationException e) {
                throw failed("the key of a timer", e);
            }
        }
    }

    private void writeTimers(Timer[] timers) {
        out.writeVarInt(timers.length);
        for (Timer timer : timers) {
            out.writeSignedVarLong(timer.timestamp());
            values.write(timer.key());
        }
    }

    private void writeAll(Object[] elements) {
        out.writeVarInt(elements.length);
        for (Object element : elements) {
            values.write(element);
        }
    }

    private void writeSignature(StateSignature signature) {
        out.writeByte(SnapshotFormat.kindCode(signature.kind()));
        out.writeString(signature.type());
        if (signature.mapKeyType() != null) {
            out.writeString(signature.mapKeyType());
        }
    }

    private SerializationException failed(String where, SerializationException cause) {
        return new SerializationException("cannot snapshot " + where + " of operator '" + operator + "': "
                + cause.getMessage(), cause);
    }
}
