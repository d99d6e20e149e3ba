package io.shepherd.api.serialization;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * An enum constant as its ordinal, a var-int (one byte for up to 128 constants). The
 * {@linkplain #id() id} lists the constants in order, so adding, removing or reordering constants
 * changes it and a savepoint check catches the change instead of mapping ordinals to the wrong
 * constants.
 */
final class EnumSerializer<E extends Enum<E>> implements Serializer<E> {
    private static final long serialVersionUID = 1L;

    private final Class<E> type;
    private final String id;
    private transient E[] constants;

    EnumSerializer(Class<E> type) {
        this.type = Objects.requireNonNull(type, "enum class");
        this.constants = type.getEnumConstants();
        StringJoiner names = new StringJoiner(",", "enum(" + type.getName() + "){", "}");
        for (E constant : constants) {
            names.add(constant.name());
        }
        this.id = names.toString();
    }

    @Override
    public void write(E value, ByteOutput out) {
        if (value == null) {
            throw Nulls.rejected(id);
        }
        out.writeVarInt(value.ordinal());
    }

    @Override
    public E read(ByteInput in) {
        int at = in.position();
        int ordinal = in.readVarInt();
        E[] known = constants;
        if (ordinal < 0 || ordinal >= known.length) {
            throw in.invalidAt(at, "ordinal " + ordinal + " is not a constant of " + type.getName() + ", which has "
                    + known.length);
        }
        return known[ordinal];
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public E copy(E value) {
        return value;
    }

    /** The constants are not shipped with the serializer; they are looked up again where it lands. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        constants = type.getEnumConstants();
    }
}
