package io.shepherd.api.serialization;

/**
 * The built-in serializers of primitive arrays: a var-int element count, then the elements
 * back to back at fixed width, little-endian. The count is checked against the remaining input
 * before the array is allocated. {@code copy} clones the array.
 */
final class ArraySerializers {
    private ArraySerializers() {}

    /** What every primitive array serializer shares: the count, the bounds check, the null check. */
    abstract static class FixedWidthArraySerializer<A> implements Serializer<A> {
        private static final long serialVersionUID = 1L;

        private final String id;
        private final int elementBytes;

        FixedWidthArraySerializer(String id, int elementBytes) {
            this.id = id;
            this.elementBytes = elementBytes;
        }

        abstract int length(A array);

        abstract A allocate(int length);

        /** Writes all elements of {@code array} into {@code dst} from {@code at}. */
        abstract void put(A array, byte[] dst, int at);

        /** Fills {@code array} from {@code src} at {@code at}. */
        abstract void get(byte[] src, int at, A array);

        /** The index of the first element whose bytes are not a valid value, or -1; checked before {@link #get}. */
        int firstInvalid(byte[] src, int at, int length) {
            return -1;
        }

        @Override
        public final void write(A value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id);
            }
            int length = length(value);
            out.writeVarInt(length);
            int at = out.claim((long) length * elementBytes); // may grow the array: claim before array()
            put(value, out.array(), at);
        }

        @Override
        public final A read(ByteInput in) {
            int length = in.readLength();
            int position = in.position();
            int at = in.consume((long) length * elementBytes, id);
            int invalid = firstInvalid(in.array(), at, length);
            if (invalid >= 0) {
                throw in.invalidAt(position + invalid * elementBytes, "element " + invalid + " of a " + id
                        + " is " + in.array()[at + invalid * elementBytes] + ", not a valid value");
            }
            A array = allocate(length);
            get(in.array(), at, array);
            return array;
        }

        @Override
        public final String id() {
            return id;
        }
    }

    static final class BytesSerializer extends FixedWidthArraySerializer<byte[]> {
        private static final long serialVersionUID = 1L;
        static final BytesSerializer INSTANCE = new BytesSerializer();

        private BytesSerializer() {
            super("byte[]", 1);
        }

        @Override
        int length(byte[] array) {
            return array.length;
        }

        @Override
        byte[] allocate(int length) {
            return new byte[length];
        }

        @Override
        void put(byte[] array, byte[] dst, int at) {
            System.arraycopy(array, 0, dst, at, array.length);
        }

        @Override
        void get(byte[] src, int at, byte[] array) {
            System.arraycopy(src, at, array, 0, array.length);
        }

        @Override
        public byte[] copy(byte[] value) {
            return value.clone();
        }
    }

    static final class BooleansSerializer extends FixedWidthArraySerializer<boolean[]> {
        private static final long serialVersionUID = 1L;
        static final BooleansSerializer INSTANCE = new BooleansSerializer();

        private BooleansSerializer() {
            super("boolean[]", 1);
        }

        @Override
        int length(boolean[] array) {
            return array.length;
        }

        @Override
        boolean[] allocate(int length) {
            return new boolean[length];
        }

        @Override
        void put(boolean[] array, byte[] dst, int at) {
            for (int i = 0; i < array.length; i++) {
                dst[at + i] = (byte) (array[i] ? 1 : 0);
            }
        }

        /** Booleans are written as 0 or 1; any other byte is corrupt input. */
        @Override
        int firstInvalid(byte[] src, int at, int length) {
            for (int i = 0; i < length; i++) {
                if ((src[at + i] & ~1) != 0) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        void get(byte[] src, int at, boolean[] array) {
            for (int i = 0; i < array.length; i++) {
                array[i] = src[at + i] == 1;
            }
        }

        @Override
        public boolean[] copy(boolean[] value) {
            return value.clone();
        }
    }

    static final class ShortsSerializer extends FixedWidthArraySerializer<short[]> {
        private static final long serialVersionUID = 1L;
        static final ShortsSerializer INSTANCE = new ShortsSerializer();

        private ShortsSerializer() {
            super("short[]", Short.BYTES);
        }

        @Override
        int length(short[] array) {
            return array.length;
        }

        @Override
        short[] allocate(int length) {
            return new short[length];
        }

        @Override
        void put(short[] array, byte[] dst, int at) {
            for (int i = 0; i < array.length; i++) {
                LittleEndian.SHORT.set(dst, at + i * Short.BYTES, array[i]);
            }
        }

        @Override
        void get(byte[] src, int at, short[] array) {
            for (int i = 0; i < array.length; i++) {
                array[i] = (short) LittleEndian.SHORT.get(src, at + i * Short.BYTES);
            }
        }

        @Override
        public short[] copy(short[] value) {
            return value.clone();
        }
    }

    static final class CharsSerializer extends FixedWidthArraySerializer<char[]> {
        private static final long serialVersionUID = 1L;
        static final CharsSerializer INSTANCE = new CharsSerializer();

        private CharsSerializer() {
            super("char[]", Character.BYTES);
        }

        @Override
        int length(char[] array) {
            return array.length;
        }

        @Override
        char[] allocate(int length) {
            return new char[length];
        }

        @Override
        void put(char[] array, byte[] dst, int at) {
            for (int i = 0; i < array.length; i++) {
                LittleEndian.CHAR.set(dst, at + i * Character.BYTES, array[i]);
            }
        }

        @Override
        void get(byte[] src, int at, char[] array) {
            for (int i = 0; i < array.length; i++) {
                array[i] = (char) LittleEndian.CHAR.get(src, at + i * Character.BYTES);
            }
        }

        @Override
        public char[] copy(char[] value) {
            return value.clone();
        }
    }

    static final class IntsSerializer extends FixedWidthArraySerializer<int[]> {
        private static final long serialVersionUID = 1L;
        static final IntsSerializer INSTANCE = new IntsSerializer();

        private IntsSerializer() {
            super("int[]", Integer.BYTES);
        }

        @Override
        int length(int[] array) {
            return array.length;
        }

        @Override
        int[] allocate(int length) {
            return new int[length];
        }

        @Override
        void put(int[] array, byte[] dst, int at) {
            for (int i = 0; i < array.length; i++) {
                LittleEndian.INT.set(dst, at + i * Integer.BYTES, array[i]);
            }
        }

        @Override
        void get(byte[] src, int at, int[] array) {
            for (int i = 0; i < array.length; i++) {
                array[i] = (int) LittleEndian.INT.get(src, at + i * Integer.BYTES);
            }
        }

        @Override
        public int[] copy(int[] value) {
            return value.clone();
        }
    }

    static final class LongsSerializer extends FixedWidthArraySerializer<long[]> {
        private static final long serialVersionUID = 1L;
        static final LongsSerializer INSTANCE = new LongsSerializer();

        private LongsSerializer() {
            super("long[]", Long.BYTES);
        }

        @Override
        int length(long[] array) {
            return array.length;
        }

        @Override
        long[] allocate(int length) {
            return new long[length];
        }

        @Override
        void put(long[] array, byte[] dst, int at) {
            for (int i = 0; i < array.length; i++) {
                LittleEndian.LONG.set(dst, at + i * Long.BYTES, array[i]);
            }
        }

        @Override
        void get(byte[] src, int at, long[] array) {
            for (int i = 0; i < array.length; i++) {
                array[i] = (long) LittleEndian.LONG.get(src, at + i * Long.BYTES);
            }
        }

        @Override
        public long[] copy(long[] value) {
            return value.clone();
        }
    }

    static final class FloatsSerializer extends FixedWidthArraySerializer<float[]> {
        private static final long serialVersionUID = 1L;
        static final FloatsSerializer INSTANCE = new FloatsSerializer();

        private FloatsSerializer() {
            super("float[]", Float.BYTES);
        }

        @Override
        int length(float[] array) {
            return array.length;
        }

        @Override
        float[] allocate(int length) {
            return new float[length];
        }

        @Override
        void put(float[] array, byte[] dst, int at) {
            for (int i = 0; i < array.length; i++) {
                LittleEndian.INT.set(dst, at + i * Float.BYTES, Float.floatToRawIntBits(array[i]));
            }
        }

        @Override
        void get(byte[] src, int at, float[] array) {
            for (int i = 0; i < array.length; i++) {
                array[i] = Float.intBitsToFloat((int) LittleEndian.INT.get(src, at + i * Float.BYTES));
            }
        }

        @Override
        public float[] copy(float[] value) {
            return value.clone();
        }
    }

    static final class DoublesSerializer extends FixedWidthArraySerializer<double[]> {
        private static final long serialVersionUID = 1L;
        static final DoublesSerializer INSTANCE = new DoublesSerializer();

        private DoublesSerializer() {
            super("double[]", Double.BYTES);
        }

        @Override
        int length(double[] array) {
            return array.length;
        }

        @Override
        double[] allocate(int length) {
            return new double[length];
        }

        @Override
        void put(double[] array, byte[] dst, int at) {
            for (int i = 0; i < array.length; i++) {
                LittleEndian.LONG.set(dst, at + i * Double.BYTES, Double.doubleToRawLongBits(array[i]));
            }
        }

        @Override
        void get(byte[] src, int at, double[] array) {
            for (int i = 0; i < array.length; i++) {
                array[i] = Double.longBitsToDouble((long) LittleEndian.LONG.get(src, at + i * Double.BYTES));
            }
        }

        @Override
        public double[] copy(double[] value) {
            return value.clone();
        }
    }
}
