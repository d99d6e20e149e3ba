package io.shepherd.api.serialization;

import static io.shepherd.api.serialization.RoundTrip.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.tuple.Tuple2;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SerializerRegistryTest {

    /** A user type that is not a record. */
    static final class Money implements Serializable {
        final long cents;

        Money(long cents) {
            this.cents = cents;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Money money && money.cents == cents;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cents);
        }
    }

    static final class MoneySerializer implements Serializer<Money> {
        @Override
        public void write(Money value, ByteOutput out) {
            out.writeSignedVarLong(value.cents);
        }

        @Override
        public Money read(ByteInput in) {
            return new Money(in.readSignedVarLong());
        }

        @Override
        public String id() {
            return "money";
        }
    }

    record Order(long id, Money price, List<Money> refunds) {}

    record Node(String label, Node next) {}

    record Task(String name, Runnable action) {}

    record Raw(List<?> values) {}

    record Counter(long count) {}

    @Test
    void when_a_class_has_no_serializer_then_the_error_names_it_and_says_how_to_register_one() {
        assertThatThrownBy(() -> Serializers.of(Money.class))
                .isInstanceOf(MissingSerializerException.class)
                .hasMessageContaining("No serializer for " + Money.class.getName())
                .hasMessageContaining("SerializerRegistry.builder().register(Money.class, serializer)")
                .hasMessageContaining("Serializers.javaSerialization(Money.class)")
                .hasMessageContaining("never chosen for you");
    }

    @Test
    void when_an_unknown_type_is_nested_then_the_error_says_where_it_was_met() {
        assertThatThrownBy(() -> Serializers.of(Order.class))
                .isInstanceOf(MissingSerializerException.class)
                .hasMessageContaining("No serializer for " + Money.class.getName()
                        + " (met as component 'price' of record " + Order.class.getName() + ")");
        assertThatThrownBy(() -> Serializers.of(Task.class))
                .hasMessageContaining("java.lang.Runnable (met as component 'action' of record " + Task.class.getName())
                .hasMessageNotContaining("javaSerialization");
    }

    @Test
    void when_a_serializer_is_registered_then_it_is_used_wherever_its_class_is_met() {
        SerializerRegistry registry = SerializerRegistry.builder().register(Money.class, new MoneySerializer()).build();
        Order order = new Order(1, new Money(-250), List.of(new Money(5)));
        assertThat(roundTrip(registry.of(Order.class), order)).isEqualTo(order);
        assertThat(registry.of(Order.class).id()).isEqualTo("record(" + Order.class.getName()
                + "){id:long,price:nullable(money),refunds:nullable(list(nullable(money)))}");
    }

    @Test
    void when_a_class_is_registered_twice_then_the_builder_refuses() {
        SerializerRegistry.Builder builder = SerializerRegistry.builder().register(Money.class, new MoneySerializer());
        assertThatThrownBy(() -> builder.register(Money.class, new MoneySerializer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has serializer 'money'");
    }

    @Test
    void when_a_primitive_class_is_registered_then_it_replaces_the_built_in_of_its_box() {
        SerializerRegistry registry = SerializerRegistry.builder().register(long.class, Serializers.varLongs()).build();
        assertThat(registry.of(Long.class).id()).isEqualTo("varlong");
        assertThat(registry.of(long.class).id()).isEqualTo("varlong");
        assertThat(registry.of(Counter.class).id()).isEqualTo("record(" + Counter.class.getName() + "){count:varlong}");
    }

    @Test
    void when_a_serializable_class_has_no_serializer_then_java_serialization_is_not_chosen_silently() {
        assertThatThrownBy(() -> Serializers.of(ArrayList.class)).isInstanceOf(MissingSerializerException.class);
        SerializerRegistry registry = SerializerRegistry.builder()
                .register(Money.class, Serializers.javaSerialization(Money.class))
                .build();
        assertThat(registry.of(Money.class).id()).isEqualTo("java(" + Money.class.getName() + ")");
        assertThat(roundTrip(registry.of(Money.class), new Money(7))).isEqualTo(new Money(7));
    }

    @Test
    void when_a_collection_class_is_given_without_element_types_then_the_error_says_how_to_build_one() {
        assertThatThrownBy(() -> Serializers.of(List.class))
                .isInstanceOf(MissingSerializerException.class)
                .hasMessageContaining("element types are erased")
                .hasMessageContaining("Serializers.listOf");
        assertThatThrownBy(() -> Serializers.of(Raw.class)).hasMessageContaining("wildcard");
    }

    @Test
    void when_a_generic_tuple_class_is_given_then_the_error_points_to_the_explicit_factory() {
        assertThatThrownBy(() -> Serializers.of(Tuple2.class))
                .isInstanceOf(MissingSerializerException.class)
                .hasMessageContaining("type variable A of " + Tuple2.class.getName())
                .hasMessageContaining("Serializers.tuple2(a, b)");
    }

    @Test
    void when_a_record_contains_itself_then_the_error_says_recursive_types_need_a_registered_serializer() {
        assertThatThrownBy(() -> Serializers.of(Node.class))
                .isInstanceOf(MissingSerializerException.class)
                .hasMessageContaining("contains itself")
                .hasMessageContaining("register(Node.class");
    }

    @Test
    void when_optional_or_object_is_asked_for_then_there_is_no_serializer() {
        assertThatThrownBy(() -> Serializers.of(Optional.class)).isInstanceOf(MissingSerializerException.class);
        assertThatThrownBy(() -> Serializers.of(Object.class)).isInstanceOf(MissingSerializerException.class);
    }

    @Test
    void when_a_type_is_resolved_twice_then_the_cached_serializer_comes_back() {
        SerializerRegistry registry = SerializerRegistry.builder().register(Money.class, new MoneySerializer()).build();
        assertThat(registry.of(Order.class)).isSameAs(registry.of(Order.class));
    }

    @Test
    void when_a_primitive_class_is_given_then_its_box_serializer_is_returned() {
        assertThat(Serializers.of(long.class)).isSameAs(Serializers.longs());
        assertThat(Serializers.of(Integer.class)).isSameAs(Serializers.ints());
        assertThat(Serializers.of(String.class)).isSameAs(Serializers.strings());
    }
}
