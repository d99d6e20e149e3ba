package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.functions.KeyedCoProcessFunction;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.state.ListState;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.api.state.ValueState;
import io.shepherd.api.state.ValueStateDescriptor;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.graph.JobGraphBuilder;
import io.shepherd.runtime.testing.Jobs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two keyed streams connected into one operator: each record runs with its key, both inputs share the key's state. */
class TwoInputTest {

    @Test
    void a_join_sees_both_inputs_with_their_key_current() throws Exception {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(3);
        List<Tuple2<Integer, String>> names = new ArrayList<>();
        List<Tuple2<Integer, Long>> orders = new ArrayList<>();
        for (int customer = 0; customer < 50; customer++) {
            names.add(Tuple2.of(customer, "customer-" + customer));
            for (long order = 0; order < 4; order++) {
                orders.add(Tuple2.of(customer, customer * 100 + order));
            }
        }
        CollectSink<String> sink = new CollectSink<>();
        env.fromCollection(orders).keyBy(order -> order.f0())
                .connect(env.fromCollection(names).keyBy(name -> name.f0()))
                .process(new Enrich())
                .sink(sink);

        Jobs.run(env, "join");

        List<String> expected = new ArrayList<>();
        orders.forEach(order -> expected.add("customer-" + order.f0() + " ordered " + order.f1()));
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void each_edge_feeds_the_input_it_was_connected_to() {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        var first = env.fromElements(1L, 2L).keyBy(v -> v % 2);
        var second = env.fromElements(3L, 4L).keyBy(v -> v % 3);
        first.connect(second).process(new Ignore()).sink(new CollectSink<>());
        var graph = JobGraphBuilder.build(env.buildPlan("two inputs"));
        var coProcess = graph.vertices().stream().filter(v -> v.head().name().equals("co-process")).findFirst()
                .orElseThrow();
        assertThat(coProcess.inputs()).extracting(edge -> edge.targetInput()).containsExactly(0, 1);
        assertThatThrownBy(() -> first.connect(env.fromElements(5L).keyBy(v -> v)).process(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("co-process function");
    }

    private static final class Ignore extends KeyedCoProcessFunction<Long, Long, Long, Long> {
        @Override
        public void processElement1(Long value, KeyedProcessFunction.Context<Long> context, Collector<Long> out) {}

        @Override
        public void processElement2(Long value, KeyedProcessFunction.Context<Long> context, Collector<Long> out) {}
    }

    /** Buffers orders until the customer's name is known, then emits each order with the name. */
    private static final class Enrich extends KeyedCoProcessFunction<Integer, Tuple2<Integer, Long>, Tuple2<Integer, String>, String> {
        private transient ValueState<String> name;
        private transient ListState<Long> waiting;

        @Override
        public void open(FunctionContext context) {
            name = context.getState(new ValueStateDescriptor<>("name", String.class));
            waiting = context.getListState(new ListStateDescriptor<>("waiting", Long.class));
        }

        @Override
        public void processElement1(Tuple2<Integer, Long> order, KeyedProcessFunction.Context<Integer> context,
                Collector<String> out) {
            if (name.value() == null) {
                waiting.add(order.f1());
            } else {
                out.collect(name.value() + " ordered " + order.f1());
            }
        }

        @Override
        public void processElement2(Tuple2<Integer, String> customer, KeyedProcessFunction.Context<Integer> context,
                Collector<String> out) {
            name.update(customer.f1());
            for (Long order : waiting.get()) {
                out.collect(customer.f1() + " ordered " + order);
            }
            waiting.clear();
        }
    }
}
