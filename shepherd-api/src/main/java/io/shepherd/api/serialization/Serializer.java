package io.shepherd.api.serialization;

import java.io.Serializable;

/**
 * Turns values of one type into bytes and back: for state snapshots (checkpoints, savepoints),
 * and for records that leave the JVM (the network data plane, write-ahead logs). Records that
 * stay within one JVM are passed by reference and never meet a serializer.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Round trip.</b> {@code read} returns a value equal to the one {@code write} wrote and
 *       consumes exactly the bytes it wrote, no more, so values can be written back to back.</li>
 *   <li><b>Stateless and thread-safe.</b> A serializer holds no mutable state; one instance is
 *       shared by every thread and subtask. That is why there is no {@code duplicate()}.</li>
 *   <li><b>Serializable.</b> A serializer is itself {@link Serializable}, so that a job graph
 *       holding it can be shipped to a cluster. Fields that are not (method handles, caches) are
 *       transient and rebuilt when read.</li>
 *   <li><b>Nulls.</b> A serializer rejects {@code null} unless it says otherwise; wrap it with
 *       {@link Serializers#nullable} to allow one, at the cost of a presence byte.</li>
 *   <li><b>Errors.</b> Truncated or corrupt input fails with a {@link SerializationException}
 *       naming the position; a serializer never lets an index exception escape.</li>
 *   <li><b>Identity.</b> {@link #id()} describes the bytes this serializer writes. Two
 *       serializers with the same id read each other's bytes, so a savepoint can check that the
 *       serializer restoring a state is the one that wrote it.</li>
 * </ul>
 *
 * @param <T> the type of value
 */
public interface Serializer<T> extends Serializable {

    /** Appends {@code value} to {@code out}. */
    void write(T value, ByteOutput out);

    /** Reads one value that {@link #write} wrote, leaving {@code in} just after it. */
    T read(ByteInput in);

    /**
     * A stable description of the wire format, e.g. {@code long}, {@code list(string)} or
     * {@code record(com.example.Order){id:long,note:nullable(string)}}. It must change whenever
     * the bytes change, and only then; it is stored with state and compared on restore.
     */
    String id();

    /**
     * A copy of {@code value} that shares nothing mutable with it, for state that must be
     * snapshotted while it keeps changing. Serializers of immutable values return the value
     * itself; the default goes through bytes, which is correct for any serializer but slower.
     */
    default T copy(T value) {
        ByteOutput out = new ByteOutput();
        write(value, out);
        return read(new ByteInput(out.array(), 0, out.position()));
    }
}
