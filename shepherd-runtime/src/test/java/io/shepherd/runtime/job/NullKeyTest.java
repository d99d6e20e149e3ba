package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.functions.Collector;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.ShepherdThreads;
import org.junit.jupiter.api.Test;

/** A key selector that returns null is a bug in the job: it fails at the first such record, whatever the policy. */
class NullKeyTest {

    @Test
    void when_a_key_selector_returns_null_then_the_job_fails_naming_the_keyed_operator_and_the_record() {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        CollectSink<Tuple2<String, Long>> sink = new CollectSink<>();
        env.fromElements("ok-1", "ok-2", "no-key", "ok-3")
                .keyBy(word -> word.startsWith("ok") ? word : null)
                .count().name("per-word counts")
                .sink(sink);
        assertThatThrownBy(() -> Jobs.run(env, "null keys"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'per-word counts'")
                .hasMessageContaining("record no-key")
                .hasMessageContaining("null");
        ShepherdThreads.assertNoneAlive();
        sink.clear();
    }

    @Test
    void when_the_record_with_no_key_comes_from_a_skipping_flat_map_then_the_job_still_fails() {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        env.config().setErrorPolicy(ErrorPolicy.SKIP);
        CollectSink<Tuple2<String, Long>> sink = new CollectSink<>();
        env.fromElements("a b", "c", "d")
                .flatMap((String line, Collector<String> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(word);
                    }
                }).name("split")
                .keyBy(word -> word.equals("c") ? null : word)
                .count().name("per-word counts")
                .sink(sink);
        assertThatThrownBy(() -> Jobs.run(env, "null keys behind a flat map"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'per-word counts'")
                .hasMessageContaining("record c");
        assertThat(sink.results()).extracting(Tuple2::f0).doesNotContain("d");
        ShepherdThreads.assertNoneAlive();
        sink.clear();
    }
}
