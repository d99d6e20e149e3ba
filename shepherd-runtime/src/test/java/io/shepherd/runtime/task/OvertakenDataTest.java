package io.shepherd.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.checkpoint.CheckpointingMode;
import io.shepherd.common.Clock;
import io.shepherd.runtime.channel.InputChannel;
import io.shepherd.runtime.channel.LocalChannel;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.channel.StreamEvent.CheckpointBarrier;
import io.shepherd.runtime.checkpoint.CheckpointOptions;
import io.shepherd.runtime.checkpoint.CheckpointType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A barrier sent ahead makes the data it overtook in-flight data at once: the snapshot is complete
 * when the barrier is read, not once the task has worked through the backlog, and the backlog is
 * still processed afterwards, in order.
 */
class OvertakenDataTest {

    @Test
    void the_overtaken_backlog_is_captured_when_the_barrier_is_read_and_processed_after() throws Exception {
        LocalChannel channel = new LocalChannel(8);
        InputGate gate = new InputGate(new InputChannel[] {channel}, Clock.system());
        List<String> events = new ArrayList<>();
        gate.setBarrierHandler(new BarrierHandler(1, new BarrierHandler.Actions() {
            @Override
            public void snapshot(CheckpointBarrier barrier, boolean unaligned, long alignmentNanos) {
                events.add("snapshot " + barrier.checkpointId() + (unaligned ? " unaligned" : ""));
            }

            @Override
            public void inFlightDataCaptured(long checkpointId, List<List<Object>> channels) {
                events.add("captured " + channels.get(0).size() + " elements");
            }

            @Override
            public void abort(long checkpointId, String reason, boolean forward) {
                events.add("abort");
            }
        }, gate));
        for (int i = 0; i < 3; i++) {
            RecordBatch batch = new RecordBatch(1);
            batch.add((long) i, 0);
            channel.offer(batch);
        }
        channel.offer(new StreamEvent.Watermark(5));
        CheckpointOptions unaligned = new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.UNALIGNED,
                Long.MAX_VALUE);
        channel.offerPriority(new CheckpointBarrier(1, 0, unaligned, 4));

        InputHandler task = new InputHandler() {
            @Override
            public void onBatch(RecordBatch batch, int input) {
                events.add("record " + batch.record(0));
            }

            @Override
            public void onWatermark(long watermark) {
                events.add("watermark " + watermark);
            }

            @Override
            public void onEndOfInput() {}
        };
        while (gate.pollNext(task)) {
            // read everything there is
        }

        assertThat(events).containsExactly("snapshot 1 unaligned", "captured 4 elements", "record 0", "record 1",
                "record 2", "watermark 5");
    }
}
