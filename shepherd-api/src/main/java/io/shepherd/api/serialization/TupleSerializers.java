package io.shepherd.api.serialization;

import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import java.util.Objects;

/**
 * Tuples written field by field, exactly as {@link RecordSerializer} would write them (the ids
 * and bytes are the same), but calling the accessors directly: tuples are common enough in keyed
 * state and on the wire to be worth the few lines.
 */
final class TupleSerializers {
    private TupleSerializers() {}

    static final class Tuple2Serializer<A, B> implements Serializer<Tuple2<A, B>> {
        private static final long serialVersionUID = 1L;

        private final Serializer<A> first;
        private final Serializer<B> second;
        private final String id;

        Tuple2Serializer(Serializer<A> first, Serializer<B> second) {
            this.first = Objects.requireNonNull(first, "serializer of f0");
            this.second = Objects.requireNonNull(second, "serializer of f1");
            this.id = "record(" + Tuple2.class.getName() + "){f0:" + first.id() + ",f1:" + second.id() + "}";
        }

        @Override
        public void write(Tuple2<A, B> value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id);
            }
            first.write(value.f0(), out);
            second.write(value.f1(), out);
        }

        @Override
        public Tuple2<A, B> read(ByteInput in) {
            A f0 = first.read(in);
            return new Tuple2<>(f0, second.read(in));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Tuple2<A, B> copy(Tuple2<A, B> value) {
            return new Tuple2<>(first.copy(value.f0()), second.copy(value.f1()));
        }
    }

    static final class Tuple3Serializer<A, B, C> implements Serializer<Tuple3<A, B, C>> {
        private static final long serialVersionUID = 1L;

        private final Serializer<A> first;
        private final Serializer<B> second;
        private final Serializer<C> third;
        private final String id;

        Tuple3Serializer(Serializer<A> first, Serializer<B> second, Serializer<C> third) {
            this.first = Objects.requireNonNull(first, "serializer of f0");
            this.second = Objects.requireNonNull(second, "serializer of f1");
            this.third = Objects.requireNonNull(third, "serializer of f2");
            this.id = "record(" + Tuple3.class.getName() + "){f0:" + first.id() + ",f1:" + second.id() + ",f2:"
                    + third.id() + "}";
        }

        @Override
        public void write(Tuple3<A, B, C> value, ByteOutput out) {
            if (value == null) {
                throw Nulls.rejected(id);
            }
            first.write(value.f0(), out);
            second.write(value.f1(), out);
            third.write(value.f2(), out);
        }

        @Override
        public Tuple3<A, B, C> read(ByteInput in) {
            A f0 = first.read(in);
            B f1 = second.read(in);
            return new Tuple3<>(f0, f1, third.read(in));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Tuple3<A, B, C> copy(Tuple3<A, B, C> value) {
            return new Tuple3<>(first.copy(value.f0()), second.copy(value.f1()), third.copy(value.f2()));
        }
    }
}
