package io.shepherd.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.runtime.channel.InputChannel;
import io.shepherd.runtime.channel.LocalChannel;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputGateTest {
    private final LocalChannel fast = new LocalChannel(16);
    private final LocalChannel slow = new LocalChannel(16);
    private final InputGate gate = new InputGate(new InputChannel[] {fast, slow}, io.shepherd.common.Clock.system());
    private final List<String> seen = new ArrayList<>();
    private final InputHandler handler = new InputHandler() {
        @Override
        public void onBatch(RecordBatch batch, int input) {
            for (int i = 0; i < batch.size(); i++) {
                seen.add("record " + batch.record(i));
            }
        }

        @Override
        public void onWatermark(long watermark) {
            seen.add("watermark " + watermark);
        }

        @Override
        public void onEndOfInput() {
            seen.add("end");
        }
    };

    private void drain() throws Exception {
        while (gate.pollNext(handler)) {
            // Keep delivering until every channel is empty.
        }
    }

    private static RecordBatch batch(Object... records) {
        RecordBatch batch = new RecordBatch(records.length);
        for (Object record : records) {
            batch.add(record, 0);
        }
        return batch;
    }

    @Test
    void when_one_input_is_ahead_then_the_watermark_waits_for_the_slowest() throws Exception {
        fast.offer(new StreamEvent.Watermark(1_000));
        drain();
        assertThat(seen).isEmpty();
        slow.offer(new StreamEvent.Watermark(10));
        drain();
        assertThat(seen).containsExactly("watermark 10");
        slow.offer(new StreamEvent.Watermark(2_000));
        drain();
        assertThat(seen).containsExactly("watermark 10", "watermark 1000");
    }

    @Test
    void when_a_watermark_goes_backwards_on_a_channel_then_nothing_is_passed_on() throws Exception {
        fast.offer(new StreamEvent.Watermark(50));
        slow.offer(new StreamEvent.Watermark(40));
        drain();
        slow.offer(new StreamEvent.Watermark(30));
        fast.offer(new StreamEvent.Watermark(20));
        drain();
        assertThat(seen).containsExactly("watermark 40");
    }

    @Test
    void when_an_input_ends_then_it_no_longer_holds_the_watermark_back_and_the_last_end_ends_the_gate()
            throws Exception {
        slow.offer(new StreamEvent.Watermark(5));
        fast.offer(batch("a"));
        fast.offer(StreamEvent.EndOfPartition.INSTANCE);
        drain();
        assertThat(seen).containsExactly("record a", "watermark 5");
        assertThat(gate.isFinished()).isFalse();
        slow.offer(batch("b"));
        slow.offer(StreamEvent.EndOfPartition.INSTANCE);
        drain();
        assertThat(seen).containsExactly("record a", "watermark 5", "record b", "end");
        assertThat(gate.isFinished()).isTrue();
    }

    @Test
    void when_both_inputs_have_data_then_they_are_read_in_turns() throws Exception {
        for (int i = 0; i < 3; i++) {
            fast.offer(batch("f" + i));
            slow.offer(batch("s" + i));
        }
        drain();
        assertThat(seen).containsExactly("record f0", "record s0", "record f1", "record s1", "record f2", "record s2");
    }
}
