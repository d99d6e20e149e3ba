package io.shepherd.cli.run;

import io.shepherd.api.Job;
import io.shepherd.api.StreamEnvironment;
import java.io.FileNotFoundException;
import java.util.Map;

/** A job that refuses to be built without its argument, with a checked exception. */
public final class PickyArgumentsJob implements Job {
    @Override
    public void build(StreamEnvironment env, Map<String, String> args) throws Exception {
        if (!args.containsKey("input")) {
            throw new FileNotFoundException("no input given: pass -D input=PATH");
        }
    }
}
