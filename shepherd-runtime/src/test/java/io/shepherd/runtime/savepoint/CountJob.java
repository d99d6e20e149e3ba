package io.shepherd.runtime.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shepherd.api.DataStream;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobClient;
import io.shepherd.api.execution.JobStatus;
import io.shepherd.api.functions.KeyedProcessFunction;
import io.shepherd.api.plan.LogicalPlan;
import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.TransactionalCollectSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The job the savepoint tests run, and the changes they make to it between the run that takes a
 * savepoint and the run that starts from it: a {@link SplitSource} (uid "numbers"), optionally a
 * stateless map without a uid, a running count per key (uid "count") and a transactional sink
 * (uid "sink").
 */
final class CountJob {
    static final String NAME = "counts";
    static final int KEYS = 13;
    /** Splits of the source: at least the largest parallelism the tests use. */
    static final int SPLITS = 4;
    /** The source's pace per subtask: slow enough that records keep flowing while a savepoint is taken. */
    static final int RECORDS_PER_MS = 16;

    private final long count;
    private final Path checkpoints;
    private final TransactionalCollectSink<Tuple2<Long, Long>> sink;
    private int parallelism = 1;
    private int maxParallelism = 128;
    private long holdAt = Long.MAX_VALUE;
    private Duration interval = Duration.ofMillis(20);
    private String restoreFrom;
    private KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> counter = new RunningCount();
    private String counterUid = "count";
    private boolean keyed = true;
    private boolean passThrough;

    /** @param checkpoints the job's checkpoint directory: its savepoints go there too */
    CountJob(long count, Path checkpoints, TransactionalCollectSink<Tuple2<Long, Long>> sink) {
        this.count = count;
        this.checkpoints = checkpoints;
        this.sink = sink;
    }

    CountJob parallelism(int parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    CountJob maxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
        return this;
    }

    /** The source emits only the values below {@code holdAt}, then idles without ending. */
    CountJob holdAt(long holdAt) {
        this.holdAt = holdAt;
        return this;
    }

    CountJob checkpointInterval(Duration interval) {
        this.interval = interval;
        return this;
    }

    CountJob restoreFrom(Path savepoint) {
        this.restoreFrom = savepoint.toString();
        return this;
    }

    CountJob counter(KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> counter) {
        this.counter = counter;
        return this;
    }

    CountJob counterUid(String uid) {
        this.counterUid = uid;
        return this;
    }

    /** The count's operator becomes a map without keys, which keeps the uid "count" but has no keyed state. */
    CountJob withoutKeyBy() {
        this.keyed = false;
        return this;
    }

    /** A stateless map without a uid between source and count. */
    CountJob withPassThrough() {
        this.passThrough = true;
        return this;
    }

    StreamEnvironment environment() {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(parallelism);
        env.config().setMaxParallelism(maxParallelism);
        env.config().checkpointing().setInterval(interval).setDirectory(checkpoints.toString())
                .setRestoreFrom(restoreFrom);
        DataStream<Long> numbers =
                env.fromSource(new SplitSource(count, SPLITS, RECORDS_PER_MS, holdAt), "numbers").uid("numbers");
        if (passThrough) {
            numbers = numbers.map(v -> v).name("pass");
        }
        DataStream<Tuple2<Long, Long>> counts = keyed
                ? numbers.keyBy(v -> v % KEYS).process(counter)
                : numbers.map(v -> Tuple2.of(v % KEYS, 1L));
        counts.name("count").uid(counterUid).sink(sink).name("sink").uid("sink");
        return env;
    }

    LogicalPlan plan() {
        return environment().buildPlan(NAME);
    }

    JobClient start() {
        return environment().executeAsync(NAME);
    }

    /** Runs the job until its source has emitted {@code records}, then stops it with a savepoint. */
    Path stopWithSavepointAfter(long records) throws Exception {
        JobClient job = start();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Jobs.DEADLINE)
                .until(() -> job.metrics().sourceRecords() >= records);
        String savepoint = job.stopWithSavepoint().get(Jobs.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(Jobs.await(job).status()).as("status after stop with savepoint").isEqualTo(JobStatus.CANCELLED);
        return Path.of(savepoint);
    }

    /** What the job commits when it runs once without failures: (key, n) for n = 1..count of the key. */
    static List<Tuple2<Long, Long>> reference(long records) {
        long[] counts = new long[KEYS];
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (long v = 0; v < records; v++) {
            int key = (int) (v % KEYS);
            out.add(Tuple2.of((long) key, ++counts[key]));
        }
        return out;
    }
}
