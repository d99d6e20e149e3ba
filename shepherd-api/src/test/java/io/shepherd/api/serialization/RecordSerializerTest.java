package io.shepherd.api.serialization;

import static io.shepherd.api.serialization.RoundTrip.bytesOf;
import static io.shepherd.api.serialization.RoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.tuple.Tuple2;
import io.shepherd.api.tuple.Tuple3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {

    enum Level { LOW, HIGH }

    record Point(int x, int y) {}

    record Person(String name, long id, List<String> tags, Map<String, Integer> scores, Level level, Point home) {}

    record Box<T>(T value) {}

    record Holder(Box<String> box, Tuple2<String, Long> pair, Set<Tuple3<Integer, Level, byte[]>> triples) {}

    private record Hidden(long secret) {}

    record Empty() {}

    record Positive(int n) {
        Positive {
            if (n < 0) {
                throw new IllegalArgumentException("n must be positive, got " + n);
            }
        }
    }

    record Bag(List<int[]> arrays) {}

    record AllPrimitives(long l, int i, short s, byte b, char c, double d, float f, boolean z) {}

    @Test
    void when_a_record_has_primitive_components_then_it_is_written_without_any_overhead() {
        Serializer<Point> points = Serializers.of(Point.class);
        assertThat(roundTrip(points, new Point(Integer.MIN_VALUE, 7))).isEqualTo(new Point(Integer.MIN_VALUE, 7));
        assertThat(bytesOf(points, new Point(1, 2))).hasSize(8);
    }

    @Test
    void when_a_record_has_every_primitive_type_then_edge_values_round_trip_in_fixed_width() {
        Serializer<AllPrimitives> serializer = Serializers.of(AllPrimitives.class);
        AllPrimitives min = new AllPrimitives(Long.MIN_VALUE, Integer.MIN_VALUE, Short.MIN_VALUE, Byte.MIN_VALUE,
                Character.MIN_VALUE, -0.0, Float.NaN, false);
        AllPrimitives max = new AllPrimitives(Long.MAX_VALUE, Integer.MAX_VALUE, Short.MAX_VALUE, Byte.MAX_VALUE,
                Character.MAX_VALUE, Double.POSITIVE_INFINITY, Float.MAX_VALUE, true);
        assertThat(roundTrip(serializer, min)).isEqualTo(min);
        assertThat(roundTrip(serializer, max)).isEqualTo(max);
        assertThat(bytesOf(serializer, max)).hasSize(8 + 4 + 2 + 1 + 2 + 8 + 4 + 1);
        assertThat(serializer.id()).isEqualTo("record(" + AllPrimitives.class.getName()
                + "){l:long,i:int,s:short,b:byte,c:char,d:double,f:float,z:boolean}");
    }

    @Test
    void when_a_record_is_written_many_times_then_it_keeps_round_tripping() {
        // Enough calls for the JVM to specialize the composed method handles; the result must not change.
        Serializer<Person> people = Serializers.of(Person.class);
        for (int i = 0; i < 20_000; i++) {
            Person person = new Person("p" + i, i, List.of(), Map.of(), Level.values()[i % 2], new Point(i, -i));
            assertThat(RoundTrip.read(people, bytesOf(people, person))).isEqualTo(person);
        }
    }

    @Test
    void when_threads_share_one_record_serializer_then_each_round_trip_is_correct() throws Exception {
        Serializer<Person> people = Serializers.of(Person.class);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        Person person = new Person("t" + thread, i, List.of("x" + i), Map.of(), Level.LOW,
                                new Point(thread, i));
                        assertThat(RoundTrip.read(people, bytesOf(people, person))).isEqualTo(person);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void when_a_record_nests_records_collections_and_enums_then_it_round_trips() {
        Person person = new Person("Zo\u00eb \uD83D\uDE00", -5, List.of("a", "b"), Map.of("x", 1), Level.HIGH,
                new Point(3, 4));
        assertThat(roundTrip(Serializers.of(Person.class), person)).isEqualTo(person);
    }

    @Test
    void when_reference_components_are_null_then_the_record_still_round_trips() {
        List<String> tags = new ArrayList<>();
        tags.add(null);
        Person person = new Person(null, 1, tags, null, null, null);
        assertThat(roundTrip(Serializers.of(Person.class), person)).isEqualTo(person);
    }

    @Test
    void when_a_component_is_a_generic_record_or_tuple_then_its_type_arguments_are_resolved() {
        Holder holder = new Holder(new Box<>("inside"), Tuple2.of("k", 9L),
                Set.of(Tuple3.of(1, Level.LOW, new byte[0])));
        Holder read = roundTrip(Serializers.of(Holder.class), holder);
        assertThat(read.box()).isEqualTo(holder.box());
        assertThat(read.pair()).isEqualTo(holder.pair());
        assertThat(read.triples()).singleElement().satisfies(t -> {
            assertThat(t.f0()).isEqualTo(1);
            assertThat(t.f1()).isEqualTo(Level.LOW);
            assertThat(t.f2()).isEmpty();
        });
    }

    @Test
    void when_a_record_is_not_public_then_it_is_still_reachable() {
        assertThat(roundTrip(Serializers.of(Hidden.class), new Hidden(42))).isEqualTo(new Hidden(42));
    }

    @Test
    void when_a_record_has_no_components_then_it_takes_no_bytes() {
        assertThat(bytesOf(Serializers.of(Empty.class), new Empty())).isEmpty();
        assertThat(roundTrip(Serializers.of(Empty.class), new Empty())).isEqualTo(new Empty());
    }

    @Test
    void when_the_canonical_constructor_rejects_what_was_read_then_the_error_names_record_and_position() {
        ByteOutput out = new ByteOutput();
        out.writeByte(0);
        out.writeInt(-3);
        ByteInput in = new ByteInput(out.toByteArray());
        in.readByte();
        assertThatThrownBy(() -> Serializers.of(Positive.class).read(in))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("canonical constructor of record " + Positive.class.getName())
                .hasMessageContaining("at position 1")
                .hasMessageContaining("n must be positive, got -3");
    }

    @Test
    void when_generic_tuples_get_explicit_component_serializers_then_they_round_trip() {
        Serializer<Tuple2<String, Long>> pairs = Serializers.tuple2(Serializers.strings(), Serializers.longs());
        assertThat(roundTrip(pairs, Tuple2.of("key", Long.MAX_VALUE))).isEqualTo(Tuple2.of("key", Long.MAX_VALUE));
        assertThat(bytesOf(pairs, Tuple2.of("ab", 1L))).hasSize(1 + 2 + 8);

        Serializer<Tuple3<Level, List<Long>, String>> triples = Serializers.tuple3(Serializers.enums(Level.class),
                Serializers.listOf(Serializers.longs()), Serializers.nullable(Serializers.strings()));
        Tuple3<Level, List<Long>, String> triple = Tuple3.of(Level.LOW, List.of(1L, 2L), null);
        assertThat(roundTrip(triples, triple)).isEqualTo(triple);
    }

    @Test
    void when_a_tuple_is_built_explicitly_or_as_a_record_then_ids_and_bytes_agree() {
        Serializer<Tuple2<String, Long>> explicit = Serializers.tuple2(Serializers.strings(), Serializers.longs());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<Tuple2<String, Long>> asRecord = (Serializer) Serializers.record(Tuple2.class, Serializers.strings(),
                Serializers.longs());
        assertThat(explicit.id()).isEqualTo(asRecord.id());
        assertThat(bytesOf(explicit, Tuple2.of("x", 3L))).isEqualTo(bytesOf(asRecord, Tuple2.of("x", 3L)));
    }

    @Test
    void when_a_generic_record_gets_explicit_component_serializers_then_it_round_trips() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<Box<Long>> boxes = (Serializer) Serializers.record(Box.class, Serializers.varLongs());
        assertThat(roundTrip(boxes, new Box<>(5L))).isEqualTo(new Box<>(5L));
        assertThat(boxes.id()).isEqualTo("record(" + Box.class.getName() + "){value:varlong}");
    }

    @Test
    void when_explicit_serializers_do_not_match_the_components_then_the_error_lists_the_components() {
        assertThatThrownBy(() -> Serializers.record(Point.class, Serializers.ints()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 components (x, y) but 1 serializers were given");
    }

    @Test
    void when_a_record_is_copied_then_mutable_components_are_not_shared() {
        Bag original = new Bag(List.of(new int[] {1, 2}));
        Bag copy = Serializers.of(Bag.class).copy(original);
        original.arrays().get(0)[0] = 99;
        assertThat(copy.arrays().get(0)).containsExactly(1, 2);
    }
}
