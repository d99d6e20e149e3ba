package io.shepherd.api;

import java.util.Map;

/**
 * A job that a launcher (the {@code shepherd run} command, a test, a cluster client) can build in
 * an environment it configured itself, then start, watch and report on.
 *
 * <p>Contract: the implementing class is public with a public no-argument constructor.
 * {@link #build} only describes the job — sources, transformations, sinks — in the environment it
 * is given; it does not call {@code execute}: the launcher does, after {@code build} returns. The
 * environment's {@link StreamEnvironment#config() config} already holds the launcher's settings
 * (parallelism and the like); a job may still override them, for the whole job or per operator.
 *
 * <pre>{@code
 * public final class Doubler implements Job {
 *     public void build(StreamEnvironment env, Map<String, String> args) {
 *         int n = Integer.parseInt(args.getOrDefault("n", "1000"));
 *         env.fromCollection(java.util.stream.LongStream.range(0, n).boxed().toList())
 *            .map(x -> x * 2)
 *            .sink(new DiscardingSink<>());
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Job {

    /**
     * Describes the job in {@code env}.
     *
     * @param env where to add sources, transformations and sinks; configured by the launcher
     * @param args the job's own arguments ({@code -D key=value} on the command line); never null
     * @throws Exception when the arguments are wrong or the job cannot be described; the launcher
     *     reports the message and does not start the job
     */
    void build(StreamEnvironment env, Map<String, String> args) throws Exception;

    /** The name the job runs under; the simple name of the class by default. */
    default String name() {
        return getClass().getSimpleName();
    }
}
