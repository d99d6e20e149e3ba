package io.shepherd.runtime.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.testkit.SeededRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CompletionWatermarkTest {

    @Test
    void when_records_complete_out_of_order_then_the_committed_position_stops_at_the_first_unfinished() {
        CompletionWatermark watermark = new CompletionWatermark(8, 100);
        int first = watermark.add(100);
        int second = watermark.add(105);
        int third = watermark.add(107);

        watermark.complete(second);
        watermark.complete(third);
        assertThat(watermark.committed()).isEqualTo(100);

        watermark.complete(first);
        assertThat(watermark.committed()).isEqualTo(108);
        assertThat(watermark.uncommitted()).isZero();
    }

    @Test
    void when_completions_arrive_in_random_order_then_everything_below_the_committed_position_is_done() {
        SeededRuns.of("completion watermark against a set of unfinished positions", 200, 5_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int limit = 1 + random.nextInt(16);
            CompletionWatermark watermark = new CompletionWatermark(limit, 0);
            TreeSet<Long> emitted = new TreeSet<>();
            TreeSet<Long> unfinished = new TreeSet<>();
            List<long[]> open = new ArrayList<>(); // {position, slot}
            long position = 0;
            for (int step = 0; step < 500; step++) {
                if (!watermark.isFull() && (open.isEmpty() || random.nextBoolean())) {
                    position += 1 + random.nextInt(3);
                    open.add(new long[] {position, watermark.add(position)});
                    emitted.add(position);
                    unfinished.add(position);
                } else {
                    long[] done = open.remove(random.nextInt(open.size()));
                    watermark.complete((int) done[1]);
                    unfinished.remove(done[0]);
                }
                // Just past the last record before the first unfinished one; the start if there is none.
                Long lastDone = unfinished.isEmpty() ? emitted.last() : emitted.lower(unfinished.first());
                assertThat(watermark.committed()).isEqualTo(lastDone == null ? 0 : lastDone + 1);
                assertThat(watermark.uncommitted()).isLessThanOrEqualTo(limit);
            }
        });
    }

    @Test
    void when_positions_go_backwards_or_the_ring_is_full_then_adding_is_refused() {
        CompletionWatermark watermark = new CompletionWatermark(2, 10);
        assertThatThrownBy(() -> watermark.add(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increase");
        watermark.add(10);
        assertThatThrownBy(() -> watermark.add(10)).isInstanceOf(IllegalArgumentException.class);
        watermark.add(11);
        assertThat(watermark.isFull()).isTrue();
        assertThatThrownBy(() -> watermark.add(12)).isInstanceOf(IllegalStateException.class);
    }
}
