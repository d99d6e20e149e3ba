package io.shepherd.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.runtime.channel.InputChannel;
import io.shepherd.runtime.channel.LocalChannel;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.testing.ManualClock;
import io.shepherd.runtime.checkpoint.TaskId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task says whether a call achieved anything, so that a worker whose tasks all wait backs off
 * instead of spinning: an idle job must cost (almost) no CPU.
 */
class TaskProgressTest {
    private final LocalChannel input = new LocalChannel(4);
    private final Task task = new Task(new TaskId(1, 0), "sink", List.of(), new TaskOutputs(List.of(), null), null,
            new InputGate(new InputChannel[] {input}, new ManualClock()), new TaskOutputs(List.of(), null), new ManualClock(), 16,
            1_000_000);

    @Test
    void when_no_input_is_waiting_then_a_call_makes_no_progress() throws Exception {
        task.open();
        assertThat(task.call()).isEqualTo(ProgressState.NO_PROGRESS);
        assertThat(task.call()).isEqualTo(ProgressState.NO_PROGRESS);
    }

    @Test
    void when_input_arrives_then_the_call_that_takes_it_makes_progress_and_the_end_finishes_the_task()
            throws Exception {
        task.open();
        RecordBatch batch = new RecordBatch(1);
        batch.add("x", 0);
        input.offer(batch);
        assertThat(task.call()).isEqualTo(ProgressState.MADE_PROGRESS);
        assertThat(task.call()).isEqualTo(ProgressState.NO_PROGRESS);
        input.offer(StreamEvent.EndOfPartition.INSTANCE);
        assertThat(task.call()).isEqualTo(ProgressState.MADE_PROGRESS);
        assertThat(task.call()).isEqualTo(ProgressState.DONE);
    }
}
