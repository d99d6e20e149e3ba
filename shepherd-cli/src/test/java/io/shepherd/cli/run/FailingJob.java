package io.shepherd.cli.run;

import io.shepherd.api.Job;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.sink.DiscardingSink;
import java.util.Map;

/** A job whose function throws on one record. */
public final class FailingJob implements Job {
    @Override
    public void build(StreamEnvironment env, Map<String, String> args) {
        env.fromElements(1, 2, 3, 4)
                .map(x -> {
                    if (x == 3) {
                        throw new IllegalStateException("three is not allowed");
                    }
                    return x;
                })
                .name("picky")
                .sink(new DiscardingSink<>());
    }
}
