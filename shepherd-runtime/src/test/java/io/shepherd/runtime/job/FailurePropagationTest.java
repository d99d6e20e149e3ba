package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobExecutionException;
import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceOutput;
import io.shepherd.api.source.SourceReader;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.partition.KeyGroups;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.LifeCycleCounts;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.ShepherdThreads;
import io.shepherd.runtime.testing.Sources;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failing function fails the whole job with an error that names the operator, the subtask and
 * the record; every function that was opened is closed, and no engine thread outlives the job.
 */
class FailurePropagationTest {
    private final Shared<LifeCycleCounts> readers = Shared.of(new LifeCycleCounts());
    private final Shared<LifeCycleCounts> increments = Shared.of(new LifeCycleCounts());
    private final Shared<LifeCycleCounts> checks = Shared.of(new LifeCycleCounts());
    private final Shared<LifeCycleCounts> writers = Shared.of(new LifeCycleCounts());

    @AfterEach
    void release() {
        List.of(readers, increments, checks, writers).forEach(Shared::release);
    }

    private StreamEnvironment job(long incrementPoison, long checkPoison, boolean failOpen) {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(2);
        env.config().setWorkerThreads(2).setBatchSize(16);
        env.fromSource(Sources.counting(200_000, readers), "numbers")
                .map(new CountedFunctions.Increment(increments, incrementPoison)).name("increment")
                .keyBy(x -> x)
                .process(new CountedFunctions.Check(checks, checkPoison, failOpen)).name("check").setParallelism(3)
                .sink(new CountedFunctions.CountingSink(writers)).name("out").setParallelism(3);
        return env;
    }

    private void assertEverythingOpenedWasClosed() {
        for (Shared<LifeCycleCounts> counts : List.of(readers, increments, checks, writers)) {
            LifeCycleCounts c = counts.get();
            assertThat(c.closed.get()).as("closes (%s)", c).isEqualTo(c.opened.get());
        }
        ShepherdThreads.assertNoneAlive();
    }

    @Test
    void when_a_keyed_function_throws_then_the_job_fails_naming_operator_subtask_and_record() {
        long poison = 77_777;
        int subtask = KeyGroups.subtaskOfKey(poison + 1, 128, 3);
        assertThatThrownBy(() -> Jobs.run(job(-1, poison + 1, false), "poisoned"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("job 'poisoned' failed")
                .hasMessageContaining("operator 'check' (subtask " + subtask + ") failed on record " + (poison + 1))
                .hasMessageContaining("IllegalArgumentException: value 77778 is poison")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(checks.get().opened).hasValue(3);
        assertThat(readers.get().opened).hasValue(2);
        assertEverythingOpenedWasClosed();
    }

    @Test
    void when_a_function_chained_behind_the_source_throws_then_it_is_the_one_named() {
        assertThatThrownBy(() -> Jobs.run(job(1_001, -1, false), "poisoned early"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("operator 'increment' (subtask 1) failed on record 1001")
                .hasMessageContaining("cannot increment 1001");
        assertEverythingOpenedWasClosed();
    }

    @Test
    void when_open_throws_then_the_job_fails_naming_the_task_and_closes_what_was_opened() {
        assertThatThrownBy(() -> Jobs.run(job(-1, -1, true), "cannot open"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'check")
                .hasMessageContaining("subtask 0")
                .hasMessageContaining("no connection for subtask 0");
        assertEverythingOpenedWasClosed();
    }

    /** A source whose reader fails on its 500th poll. */
    record FailingSource() implements Source<Long> {
        @Override
        public SourceReader<Long> createReader(FunctionContext context) {
            return new SourceReader<>() {
                private long polls;

                @Override
                public InputStatus pollNext(SourceOutput<Long> out) {
                    if (++polls == 500) {
                        throw new IllegalStateException("lost the connection to the broker");
                    }
                    out.collect(polls);
                    return InputStatus.MORE_AVAILABLE;
                }
            };
        }
    }

    @Test
    void when_a_source_throws_then_the_job_fails_naming_the_source() {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(1);
        env.fromSource(new FailingSource(), "broker").map(x -> x).name("copy")
                .sink(new CountedFunctions.CountingSink(writers));
        assertThatThrownBy(() -> Jobs.run(env, "source fails"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'broker")
                .hasMessageContaining("subtask 0")
                .hasMessageContaining("lost the connection to the broker");
        assertEverythingOpenedWasClosed();
    }

    @Test
    void when_the_failure_is_awaited_twice_then_both_waits_report_it() {
        var client = job(-1, 123, false).executeAsync("awaited twice");
        assertThatThrownBy(client::await).isInstanceOf(JobExecutionException.class);
        assertThatThrownBy(client::await).isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("failed on record 123");
        assertEverythingOpenedWasClosed();
    }
}
