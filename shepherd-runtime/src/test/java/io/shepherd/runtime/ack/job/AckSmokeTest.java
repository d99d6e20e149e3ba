package io.shepherd.runtime.ack.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AckSmokeTest {
    @Test
    void smoke() throws Exception {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.config().acking().enable();
        CollectSink<Long> sink = new CollectSink<>();
        List<Long> input = LongStream.range(0, 100_000).boxed().toList();
        env.fromCollection(input).map(x -> x * 2).keyBy(x -> x % 10).reduce(Long::sum).sink(sink);
        JobResult result = Jobs.run(env, "smoke");
        System.out.println(result.metrics().acking());
        assertThat(sink.results()).hasSize(100_000);
    }
}
