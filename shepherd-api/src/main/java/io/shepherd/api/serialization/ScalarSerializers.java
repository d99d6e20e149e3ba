package io.shepherd.api.serialization;

/**
 * The built-in serializers of boxed primitives and strings. Each is an enum singleton, so it stays
 * one instance after being shipped with a job. All values are immutable, so {@code copy} returns
 * the value itself. Wire formats are in {@code docs/serialization.md}.
 */
final class ScalarSerializers {
    private ScalarSerializers() {}

    /** Eight bytes, little-endian. */
    enum LongSerializer implements Serializer<Long> {
        INSTANCE;

        @Override
        public void write(Long value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeLong(value);
        }

        @Override
        public Long read(ByteInput in) {
            return in.readLong();
        }

        @Override
        public String id() {
            return "long";
        }

        @Override
        public Long copy(Long value) {
            return value;
        }
    }

    /** Zig-zag var-long: one byte for -64..63, ten for the extremes. For counters and small ids. */
    enum VarLongSerializer implements Serializer<Long> {
        INSTANCE;

        @Override
        public void write(Long value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeSignedVarLong(value);
        }

        @Override
        public Long read(ByteInput in) {
            return in.readSignedVarLong();
        }

        @Override
        public String id() {
            return "varlong";
        }

        @Override
        public Long copy(Long value) {
            return value;
        }
    }

    /** Four bytes, little-endian. */
    enum IntSerializer implements Serializer<Integer> {
        INSTANCE;

        @Override
        public void write(Integer value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeInt(value);
        }

        @Override
        public Integer read(ByteInput in) {
            return in.readInt();
        }

        @Override
        public String id() {
            return "int";
        }

        @Override
        public Integer copy(Integer value) {
            return value;
        }
    }

    /** Two bytes, little-endian. */
    enum ShortSerializer implements Serializer<Short> {
        INSTANCE;

        @Override
        public void write(Short value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeShort(value);
        }

        @Override
        public Short read(ByteInput in) {
            return in.readShort();
        }

        @Override
        public String id() {
            return "short";
        }

        @Override
        public Short copy(Short value) {
            return value;
        }
    }

    /** One byte. */
    enum ByteSerializer implements Serializer<Byte> {
        INSTANCE;

        @Override
        public void write(Byte value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeByte(value);
        }

        @Override
        public Byte read(ByteInput in) {
            return in.readByte();
        }

        @Override
        public String id() {
            return "byte";
        }

        @Override
        public Byte copy(Byte value) {
            return value;
        }
    }

    /** The eight raw IEEE 754 bytes, little-endian: NaN payloads and -0.0 survive. */
    enum DoubleSerializer implements Serializer<Double> {
        INSTANCE;

        @Override
        public void write(Double value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeDouble(value);
        }

        @Override
        public Double read(ByteInput in) {
            return in.readDouble();
        }

        @Override
        public String id() {
            return "double";
        }

        @Override
        public Double copy(Double value) {
            return value;
        }
    }

    /** The four raw IEEE 754 bytes, little-endian: NaN payloads and -0.0 survive. */
    enum FloatSerializer implements Serializer<Float> {
        INSTANCE;

        @Override
        public void write(Float value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeFloat(value);
        }

        @Override
        public Float read(ByteInput in) {
            return in.readFloat();
        }

        @Override
        public String id() {
            return "float";
        }

        @Override
        public Float copy(Float value) {
            return value;
        }
    }

    /** One byte, 0 or 1; anything else is corrupt input. */
    enum BooleanSerializer implements Serializer<Boolean> {
        INSTANCE;

        @Override
        public void write(Boolean value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeBoolean(value);
        }

        @Override
        public Boolean read(ByteInput in) {
            return in.readBoolean();
        }

        @Override
        public String id() {
            return "boolean";
        }

        @Override
        public Boolean copy(Boolean value) {
            return value;
        }
    }

    /** The UTF-16 code unit, two bytes little-endian; a lone surrogate is a valid char. */
    enum CharSerializer implements Serializer<Character> {
        INSTANCE;

        @Override
        public void write(Character value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeChar(value);
        }

        @Override
        public Character read(ByteInput in) {
            return in.readChar();
        }

        @Override
        public String id() {
            return "char";
        }

        @Override
        public Character copy(Character value) {
            return value;
        }
    }

    /** Var-int UTF-8 length, then UTF-8; see {@link ByteOutput#writeString}. */
    enum StringSerializer implements Serializer<String> {
        INSTANCE;

        @Override
        public void write(String value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id());
            }
            out.writeString(value);
        }

        @Override
        public String read(ByteInput in) {
            return in.readString();
        }

        @Override
        public String id() {
            return "string";
        }

        @Override
        public String copy(String value) {
            return value;
        }
    }
}
