package io.shepherd.cli.run;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Takes a savepoint of {@link CountsJob} through the API, for the commands that read one. */
public final class CountsSavepoint {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private CountsSavepoint() {}

    /** Runs the job at {@code parallelism} until {@code records} were read, then stops it with a savepoint. */
    public static Path take(Path checkpoints, int parallelism, long records) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        env.config().checkpointing().setInterval(Duration.ofMillis(20)).setDirectory(checkpoints.toString());
        new CountsJob().build(env, Map.of());
        JobClient job = env.executeAsync("CountsJob");
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (job.metrics().sourceRecords() < records) {
            if (System.nanoTime() > deadline) {
                job.cancel();
                throw new AssertionError("job read only " + job.metrics().sourceRecords() + " records in " + DEADLINE);
            }
            Thread.sleep(5);
        }
        String savepoint = job.stopWithSavepoint().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        job.await(DEADLINE);
        return Path.of(savepoint);
    }
}
