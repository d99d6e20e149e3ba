package io.shepherd.cli.run;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.JobConfig;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.cli.ExitCodes;
import io.shepherd.cli.UserError;
import io.shepherd.cli.progress.ProgressReporter;
import io.shepherd.common.Clock;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shepherd run}: loads a job class (from a jar, or the class path) and runs it on the
 * embedded engine. A class implementing {@link io.shepherd.api.Job} is built in an environment
 * configured from the options, run with progress on stderr, and summed up on stdout; a class with
 * a {@code main} method is simply called, with the positional arguments.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a job class on the embedded engine.",
            "The class either implements io.shepherd.api.Job (then the options below configure it, progress is "
                    + "shown and the result summed up) or has a public static void main(String[]) (then it is called "
                    + "with the ARGS, and -D pairs become system properties)."
        })
public final class RunCommand implements Callable<Integer> {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    @Spec
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

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A job argument (repeatable): passed to Job.build, or set as a system property for a main.")
    Map<String, String> arguments = new LinkedHashMap<>();

    @Parameters(paramLabel = "ARGS", description = "Arguments for a main method.")
    List<String> mainArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = JobLoader.loaderFor(jar);
        // Functions are deserialized per subtask with the context class loader: it must see the jar.
        Thread.currentThread().setContextClassLoader(loader);
        try {
            LoadedJob job = JobLoader.load(className, loader, jar);
            if (job instanceof LoadedJob.Buildable buildable) {
                return runBuildable(buildable);
            }
            return runMain((LoadedJob.WithMain) job);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            if (loader instanceof Closeable closeable && jar != null) {
                closeQuietly(closeable);
            }
        }
    }

    private int runBuildable(LoadedJob.Buildable buildable) throws Exception {
        if (!mainArguments.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "positional arguments " + mainArguments
                    + " are for a main method; " + className + " implements Job: pass its arguments as -D key=value");
        }
        StreamEnvironment env = StreamEnvironment.create();
        configure(env.config());
        try {
            buildable.job().build(env, Map.copyOf(arguments));
        } catch (Exception e) {
            // Job.build's contract: a failure here means the job cannot be described, usually from bad arguments.
            throw new UserError("job " + className + " could not be built: " + e.getMessage(), e);
        }
        JobClient client = env.executeAsync(buildable.job().name());
        PrintWriter err = spec.commandLine().getErr();
        JobResult result;
        try (ProgressReporter progress = new ProgressReporter(
                        client::metrics, err, ProgressReporter.stderrIsTerminal(), Clock.system(), "records", -1)
                .start(PROGRESS_INTERVAL)) {
            result = client.await();
        }
        JobSummary.print(result, spec.commandLine().getOut());
        return result.status() == JobStatus.FINISHED ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private int runMain(LoadedJob.WithMain withMain) throws Exception {
        List<String> ignored = configOptionsGiven();
        if (!ignored.isEmpty()) {
            spec.commandLine().getErr().println("run: warning: " + String.join(", ", ignored) + " ignored: "
                    + className + " has a main method and configures its own environment; implement "
                    + "io.shepherd.api.Job to let the command configure it");
        }
        arguments.forEach(System::setProperty);
        try {
            withMain.main().invoke(null, (Object) mainArguments.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
        return ExitCodes.OK;
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
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<String> configOptionsGiven() {
        List<String> given = new ArrayList<>();
        addIf(given, parallelism, "--parallelism");
        addIf(given, maxParallelism, "--max-parallelism");
        addIf(given, workerThreads, "--worker-threads");
        addIf(given, batchSize, "--batch-size");
        addIf(given, bufferTimeoutMs, "--buffer-timeout-ms");
        addIf(given, errorPolicy, "--error-policy");
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
