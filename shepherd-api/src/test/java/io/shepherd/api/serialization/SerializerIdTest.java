package io.shepherd.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.tuple.Tuple2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ids are stored with state and compared on restore, so they are pinned here: changing one is a
 * format change and must be deliberate.
 */
class SerializerIdTest {

    enum Shape { CIRCLE, SQUARE }

    record Item(String sku, int count, double[] weights, Shape shape, Map<String, List<Long>> history) {}

    @Test
    void when_built_ins_describe_themselves_then_ids_are_stable() {
        assertThat(List.of(Serializers.longs(), Serializers.varLongs(), Serializers.ints(), Serializers.shorts(),
                Serializers.bytes(), Serializers.doubles(), Serializers.floats(), Serializers.booleans(),
                Serializers.chars(), Serializers.strings(), Serializers.byteArrays(), Serializers.intArrays(),
                Serializers.longArrays(), Serializers.doubleArrays()))
                .extracting(Serializer::id)
                .containsExactly("long", "varlong", "int", "short", "byte", "double", "float", "boolean", "char",
                        "string", "byte[]", "int[]", "long[]", "double[]");
    }

    @Test
    void when_composites_describe_themselves_then_ids_nest() {
        assertThat(Serializers.nullable(Serializers.strings()).id()).isEqualTo("nullable(string)");
        assertThat(Serializers.mapOf(Serializers.strings(), Serializers.listOf(Serializers.longs())).id())
                .isEqualTo("map(string,list(long))");
        assertThat(Serializers.setOf(Serializers.ints()).id()).isEqualTo("set(int)");
        assertThat(Serializers.enums(Shape.class).id()).isEqualTo("enum(" + Shape.class.getName() + "){CIRCLE,SQUARE}");
        assertThat(Serializers.of(String[].class).id()).isEqualTo("array(nullable(string))");
        assertThat(Serializers.tuple2(Serializers.strings(), Serializers.longs()).id())
                .isEqualTo("record(" + Tuple2.class.getName() + "){f0:string,f1:long}");
    }

    @Test
    void when_a_record_is_resolved_then_its_id_names_each_component_and_its_format() {
        assertThat(Serializers.of(Item.class).id()).isEqualTo("record(" + Item.class.getName() + "){"
                + "sku:nullable(string),count:int,weights:nullable(double[]),"
                + "shape:nullable(enum(" + Shape.class.getName() + "){CIRCLE,SQUARE}),"
                + "history:nullable(map(nullable(string),nullable(list(nullable(long)))))}");
    }
}
