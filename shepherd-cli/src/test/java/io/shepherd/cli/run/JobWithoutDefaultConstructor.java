package io.shepherd.cli.run;

import io.shepherd.api.Job;
import io.shepherd.api.StreamEnvironment;
import java.util.Map;

/** A job the command cannot create: its only constructor takes an argument. */
public final class JobWithoutDefaultConstructor implements Job {
    public JobWithoutDefaultConstructor(int size) {}

    @Override
    public void build(StreamEnvironment env, Map<String, String> args) {}
}
