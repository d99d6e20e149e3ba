package io.shepherd.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.tuple.Tuple2;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void word_count() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        CollectSink<Tuple2<String, Long>> sink = new CollectSink<>();
        env.fromElements("a b c", "a b", "a")
                .flatMap((String line, Collector<String> out) -> {
                    for (String w : line.split(" ")) out.collect(w);
                })
                .keyBy(w -> w)
                .count()
                .sink(sink);
        var result = env.execute("wc");
        Map<String, Long> last = new HashMap<>();
        for (Tuple2<String, Long> t : sink.results()) last.merge(t.f0(), t.f1(), Math::max);
        assertThat(last).containsEntry("a", 3L).containsEntry("b", 2L).containsEntry("c", 1L);
        System.out.println(result);
    }
}
