package io.shepherd.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.tuple.Tuple2;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.channel.StreamEvent;
import io.shepherd.runtime.state.OperatorStateBackend;
import io.shepherd.runtime.state.snapshot.OperatorSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task's part of a checkpoint survives the trip to bytes: operators by uid, input watermarks, in-flight data in order. */
class TaskStateTest {

    @Test
    void in_flight_data_and_watermarks_round_trip_in_order() {
        TaskSnapshot snapshot = new TaskSnapshot(new long[] {17, Long.MIN_VALUE});
        snapshot.addOperator("counter", OperatorSnapshot.take(null, new OperatorStateBackend("counter"), null));
        RecordBatch keyed = new RecordBatch(4, true);
        keyed.add(Tuple2.of("a", 1L), 10, "a");
        keyed.add(Tuple2.of("b", 2L), 11, "b");
        RecordBatch plain = new RecordBatch(4);
        plain.add("x", Long.MIN_VALUE);
        snapshot.setInFlight(List.of(List.of(keyed, new StreamEvent.Watermark(9)), List.of(plain)));

        TaskState state = TaskState.read(snapshot.serialize(), "test");

        assertThat(state.operators()).containsOnlyKeys("counter");
        assertThat(state.inputWatermarks()).containsExactly(17, Long.MIN_VALUE);
        assertThat(describe(state.inFlight())).containsExactly(
                List.of("Tuple2[f0=a, f1=1]@10 key a", "Tuple2[f0=b, f1=2]@11 key b", "watermark 9"),
                List.of("x@" + Long.MIN_VALUE));
        assertThat(snapshot.channelStateBytes()).isPositive();
    }

    @Test
    void a_cut_file_is_an_error_not_less_state() {
        TaskSnapshot snapshot = new TaskSnapshot(new long[] {1});
        RecordBatch batch = new RecordBatch(2);
        batch.add(42L, 1);
        snapshot.setInFlight(List.of(List.of(batch)));
        byte[] bytes = snapshot.serialize();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] shorter = Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> TaskState.read(shorter, "cut")).as("cut at %d", cut).isInstanceOf(RuntimeException.class);
        }
    }

    private static List<List<String>> describe(List<List<Object>> channels) {
        List<List<String>> described = new ArrayList<>();
        for (List<Object> channel : channels) {
            List<String> elements = new ArrayList<>();
            for (Object element : channel) {
                if (element instanceof RecordBatch batch) {
                    for (int i = 0; i < batch.size(); i++) {
                        elements.add(batch.record(i) + "@" + batch.timestamp(i) + (batch.hasKeys() ? " key " + batch.key(i) : ""));
                    }
                } else if (element instanceof StreamEvent.Watermark watermark) {
                    elements.add("watermark " + watermark.timestamp());
                }
            }
            described.add(elements);
        }
        return described;
    }
}
