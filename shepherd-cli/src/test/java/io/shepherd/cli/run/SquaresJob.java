package io.shepherd.cli.run;

import io.shepherd.api.Job;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.sink.DiscardingSink;
import java.util.Map;
import java.util.stream.LongStream;

/** A job {@code shepherd run} can configure; it notes what it was given so tests can check. */
public final class SquaresJob implements Job {
    static volatile int seenParallelism;
    static volatile Map<String, String> seenArgs;

    @Override
    public void build(StreamEnvironment env, Map<String, String> args) {
        seenParallelism = env.config().parallelism();
        seenArgs = args;
        int n = Integer.parseInt(args.getOrDefault("n", "100"));
        env.fromCollection(LongStream.range(0, n).boxed().toList())
                .map(x -> x * x)
                .name("square")
                .sink(new DiscardingSink<>());
    }
}
