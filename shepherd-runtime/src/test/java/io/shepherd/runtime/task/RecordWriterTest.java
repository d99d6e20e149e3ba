package io.shepherd.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.functions.KeySelector;
import io.shepherd.runtime.channel.LocalChannel;
import io.shepherd.runtime.channel.OutputChannel;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.operators.OperatorFailure;
import io.shepherd.runtime.partition.BroadcastPartitioner;
import io.shepherd.runtime.partition.KeyPartitioner;
import io.shepherd.runtime.partition.RebalancePartitioner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    /** Everything in a channel, batches unpacked to records, events by name. */
    private static List<String> contents(LocalChannel channel) {
        List<String> out = new ArrayList<>();
        for (Object element = channel.poll(); element != null; element = channel.poll()) {
            if (element instanceof RecordBatch batch) {
                List<Object> records = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    records.add(batch.record(i));
                }
                out.add("batch" + records);
            } else if (element instanceof StreamEvent.Watermark watermark) {
                out.add("wm" + watermark.timestamp());
            } else {
                out.add("end");
            }
        }
        return out;
    }

    @Test
    void when_a_batch_fills_then_it_is_sent_and_an_event_flushes_the_partial_one_first() {
        LocalChannel channel = new LocalChannel(8);
        RecordWriter writer = new RecordWriter(new OutputChannel[] {channel}, new RebalancePartitioner(1, 0), "next",
                0, 2);
        for (int i = 0; i < 5; i++) {
            writer.emit(i, i);
        }
        writer.emitWatermark(3);
        writer.emit(5, 5);
        writer.broadcastEvent(StreamEvent.EndOfPartition.INSTANCE);
        assertThat(contents(channel)).containsExactly("batch[0, 1]", "batch[2, 3]", "batch[4]", "wm3", "batch[5]",
                "end");
    }

    @Test
    void when_a_channel_is_full_then_elements_wait_in_order_and_go_once_there_is_room() {
        LocalChannel channel = new LocalChannel(2);
        RecordWriter writer = new RecordWriter(new OutputChannel[] {channel}, new RebalancePartitioner(1, 0), "next",
                0, 1);
        for (int i = 0; i < 5; i++) {
            writer.emit(i, i);
        }
        writer.emitWatermark(9);
        assertThat(writer.hasPending()).isTrue();
        assertThat(writer.sendPending()).isFalse();
        List<String> received = new ArrayList<>(contents(channel));
        while (!writer.sendPending()) {
            received.addAll(contents(channel));
        }
        received.addAll(contents(channel));
        assertThat(received).containsExactly("batch[0]", "batch[1]", "batch[2]", "batch[3]", "batch[4]", "wm9");
        assertThat(writer.hasPending()).isFalse();
    }

    @Test
    void when_broadcasting_then_every_channel_gets_every_record() {
        LocalChannel a = new LocalChannel(4);
        LocalChannel b = new LocalChannel(4);
        RecordWriter writer = new RecordWriter(new OutputChannel[] {a, b}, new BroadcastPartitioner(), "next", 0, 4);
        writer.emit("x", 0);
        writer.emit("y", 0);
        writer.flushOpenBatches();
        assertThat(contents(a)).containsExactly("batch[x, y]");
        assertThat(contents(b)).containsExactly("batch[x, y]");
    }

    @Test
    void when_a_key_selector_throws_then_the_failure_is_attributed_to_the_keyed_operator() {
        KeySelector<String, Integer> length = value -> {
            throw new IllegalStateException("no key in " + value);
        };
        RecordWriter writer = new RecordWriter(new OutputChannel[] {new LocalChannel(2)},
                new KeyPartitioner(length, "totals", 128, 1), "totals", 3, 4);
        assertThatThrownBy(() -> writer.emit("rec-9", 0))
                .isInstanceOf(OperatorFailure.class)
                .hasMessageContaining("'totals (key selector)' (subtask 3)")
                .hasMessageContaining("rec-9");
    }
}
