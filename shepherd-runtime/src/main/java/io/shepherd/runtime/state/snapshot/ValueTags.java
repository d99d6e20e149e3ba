package io.shepherd.runtime.state.snapshot;

/**
 * The first byte of every value {@link ValueCodec} writes: what follows and how to read it.
 * The numbers are part of the snapshot format (see {@code docs/state-snapshots.md}); never reuse one.
 */
final class ValueTags {
    static final byte NULL = 0;
    static final byte TRUE = 1;
    static final byte FALSE = 2;
    /** Zig-zag var-long. */
    static final byte LONG = 3;
    /** Zig-zag var-int. */
    static final byte INT = 4;
    static final byte STRING = 5;
    /** Raw IEEE 754 bits, 8 bytes. */
    static final byte DOUBLE = 6;
    static final byte BYTES = 7;
    static final byte TUPLE2 = 8;
    static final byte TUPLE3 = 9;
    /** Count, then the elements; reads back an {@code ArrayList}. */
    static final byte LIST = 10;
    /** Count, then key and value per entry; reads back a {@code LinkedHashMap}. */
    static final byte MAP = 11;
    /** Count, then the elements; reads back a {@code LinkedHashSet}. */
    static final byte SET = 12;
    // The tags below are followed by a class reference into the dictionary (see ClassDictionary).
    /** The constant's ordinal among the names the dictionary entry lists. */
    static final byte ENUM = 13;
    /** A record whose components have no serializer of their own: each component as a tagged value. */
    static final byte RECORD = 14;
    /** Whatever the class's serializer from the registry writes. */
    static final byte TYPED = 15;
    /** A length, then {@code java.io} serialization. */
    static final byte JAVA = 16;

    private ValueTags() {}

    static boolean refersToClass(byte tag) {
        return tag >= ENUM && tag <= JAVA;
    }
}
