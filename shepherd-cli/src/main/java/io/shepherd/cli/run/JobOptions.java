package io.shepherd.cli.run;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.JobConfig;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.cli.UserError;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which job a command works on and how it is configured: the options {@code shepherd run} and
 * {@code shepherd savepoint check} share, so that the check takes the very arguments of the run it
 * checks. Loads the class (from a jar, or the class path) and builds a {@link io.shepherd.api.Job}
 * in an environment configured from the options.
 */
public final class JobOptions {

    /** What a command does with a built job. */
    @FunctionalInterface
    public interface BuiltJobAction<T> {
        T apply(StreamEnvironment env, String jobName) throws Exception;
    }

    @FunctionalInterface
    interface LoadedJobAction<T> {
        T apply(LoadedJob job) throws Exception;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-c", "--class"}, required = true, paramLabel = "CLASS",
            description = "Fully qualified name of the job class.")
    String className;

    @Option(names = "--jar", paramLabel = "PATH",
            description = "Jar holding the job class and its dependencies; without it the class path is searched.")
    Path jar;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", description = "Default parallelism of operators.")
    Integer parallelism;

    @Option(names = "--max-parallelism", paramLabel = "N", description = "Key groups: the limit of rescaling.")
    Integer maxParallelism;

    @Option(names = "--worker-threads", paramLabel = "N", description = "Threads that run the tasks.")
    Integer workerThreads;

    @Option(names = "--batch-size", paramLabel = "N", description = "Records per batch between tasks.")
    Integer batchSize;

    @Option(names = "--buffer-timeout-ms", paramLabel = "MS",
            description = "Longest a partly filled batch waits before it is sent.")
    Long bufferTimeoutMs;

    @Option(names = "--error-policy", paramLabel = "POLICY",
            description = "What a record a function throws on does: ${COMPLETION-CANDIDATES}.")
    ErrorPolicy errorPolicy;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Take a checkpoint this often (e.g. 500ms, 10s, 2m); a failed task then restores the job "
                    + "from the latest one.")
    Duration checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Where checkpoints (and savepoints) are kept; without it, a temporary directory.")
    Path checkpointDir;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A job argument (repeatable): passed to Job.build, or set as a system property for a main.")
    Map<String, String> arguments = new LinkedHashMap<>();

    String className() {
        return className;
    }

    /**
     * Loads the job class and runs {@code action} with the job's class loader as the thread's
     * context class loader: functions are deserialized per subtask with it, so it must see the jar.
     */
    <T> T withJobClass(LoadedJobAction<T> action) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = JobLoader.loaderFor(jar);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return action.apply(JobLoader.load(className, loader, jar));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            if (loader instanceof Closeable closeable && jar != null) {
                closeQuietly(closeable);
            }
        }
    }

    /**
     * Builds the job, which must implement {@link io.shepherd.api.Job}, in a configured environment
     * and runs {@code action} with it, with the job's class loader as the context class loader.
     *
     * @param command what needs the job to be buildable, for the error
     */
    public <T> T withBuiltJob(String command, BuiltJobAction<T> action) throws Exception {
        return withJobClass(job -> {
            if (!(job instanceof LoadedJob.Buildable buildable)) {
                throw new UserError(command + " needs a job class implementing io.shepherd.api.Job, so that it can"
                        + " build the job without running it; " + className + " only has a main method");
            }
            return action.apply(build(buildable), buildable.job().name());
        });
    }

    /** Configures an environment from the options and has the job describe itself in it. */
    StreamEnvironment build(LoadedJob.Buildable buildable) {
        StreamEnvironment env = StreamEnvironment.create();
        configure(env.config());
        try {
            buildable.job().build(env, Map.copyOf(arguments));
        } catch (Exception e) {
            // Job.build's contract: a failure here means the job cannot be described, usually from bad arguments.
            throw new UserError("job " + className + " could not be built: " + e.getMessage(), e);
        }
        return env;
    }

    private void configure(JobConfig config) {
        try {
            if (parallelism != null) {
                config.setParallelism(parallelism);
            }
            if (maxParallelism != null) {
                config.setMaxParallelism(maxParallelism);
            }
            if (workerThreads != null) {
                config.setWorkerThreads(workerThreads);
            }
            if (batchSize != null) {
                config.setBatchSize(batchSize);
            }
            if (bufferTimeoutMs != null) {
                config.setBufferTimeout(Duration.ofMillis(bufferTimeoutMs));
            }
            if (errorPolicy != null) {
                config.setErrorPolicy(errorPolicy);
            }
            if (checkpointInterval != null) {
                config.checkpointing().setInterval(checkpointInterval);
            }
            if (checkpointDir != null) {
                config.checkpointing().setDirectory(checkpointDir.toString());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The configuration options given, by name: a main method configures its own job and ignores them. */
    List<String> configOptionsGiven() {
        List<String> given = new ArrayList<>();
        addIf(given, parallelism, "--parallelism");
        addIf(given, maxParallelism, "--max-parallelism");
        addIf(given, workerThreads, "--worker-threads");
        addIf(given, batchSize, "--batch-size");
        addIf(given, bufferTimeoutMs, "--buffer-timeout-ms");
        addIf(given, errorPolicy, "--error-policy");
        addIf(given, checkpointInterval, "--checkpoint-interval");
        addIf(given, checkpointDir, "--checkpoint-dir");
        return given;
    }

    private static void addIf(List<String> given, Object value, String option) {
        if (value != null) {
            given.add(option);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // The job has ended; a jar that cannot be closed costs one file handle until exit.
        }
    }
}
