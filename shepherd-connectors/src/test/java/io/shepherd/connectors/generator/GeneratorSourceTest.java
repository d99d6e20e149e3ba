package io.shepherd.connectors.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.source.InputStatus;
import io.shepherd.api.source.SourceReader;
import io.shepherd.api.state.ListStateDescriptor;
import io.shepherd.connectors.ListOutput;
import io.shepherd.connectors.TestContext;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.testkit.SeededRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GeneratorSourceTest {

    private static final SeededRecordFunction<String> ORDERS =
            (index, random) -> index + ":" + random.nextInt(1_000) + ":" + random.nextLong();

    @Test
    void when_run_at_parallelism_1_to_4_then_every_run_emits_the_same_records() throws Exception {
        GeneratorSource<String> source = GeneratorSource.seeded(5_000, 99, ORDERS);
        List<String> expected = reference(5_000, 99, ORDERS);

        for (int parallelism = 1; parallelism <= 4; parallelism++) {
            StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(parallelism);
            CollectSink<String> sink = new CollectSink<>();
            env.fromSource(source, "orders").sink(sink);
            env.execute("generator at parallelism " + parallelism);

            List<String> sorted = new ArrayList<>(sink.results());
            sorted.sort(null);
            assertThat(sorted).as("records at parallelism %d", parallelism).isEqualTo(expected);
            sink.clear();
        }
    }

    @Test
    void when_every_subtask_reads_its_share_then_the_shares_partition_the_indices_in_order() throws Exception {
        for (long count : new long[] {0, 1, 3, 64, 65, 1_000}) {
            for (int parallelism = 1; parallelism <= 5; parallelism++) {
                List<Long> all = new ArrayList<>();
                for (int subtask = 0; subtask < parallelism; subtask++) {
                    List<Long> share = readAll(GeneratorSource.of(count, i -> i), new TestContext(subtask, parallelism));
                    long stride = parallelism;
                    long own = subtask;
                    assertThat(share).isSorted().allMatch(i -> i % stride == own);
                    all.addAll(share);
                }
                all.sort(null);
                assertThat(all).as("count %d, parallelism %d", count, parallelism)
                        .isEqualTo(LongStream.range(0, count).boxed().toList());
            }
        }
    }

    @Test
    void when_restored_from_a_snapshot_then_the_output_equals_an_uninterrupted_read() {
        SeededRuns.of("generator snapshot and restore", 60, 2_000).forEach(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            long count = random.nextLong(0, 3_000);
            int parallelism = random.nextInt(1, 5);
            int subtask = random.nextInt(parallelism);
            GeneratorSource<String> source = GeneratorSource.seeded(count, seed, ORDERS);
            List<String> uninterrupted = readAll(source, new TestContext(subtask, parallelism));

            List<String> committed = new ArrayList<>();
            TestContext context = new TestContext(subtask, parallelism);
            SourceReader<String> reader = create(source, context);
            boolean ended = false;
            while (!ended) {
                ListOutput<String> output = new ListOutput<>();
                int polls = random.nextInt(1, 20);
                for (int i = 0; i < polls && !ended; i++) {
                    ended = poll(reader, output) == InputStatus.END_OF_INPUT;
                }
                snapshot(reader);
                TestContext atSnapshot = context.restoredCopy();
                committed.addAll(output.records());
                // Work after the snapshot is lost in a failure half of the time: the reader restored
                // from the snapshot must then produce it again.
                if (!ended && random.nextBoolean()) {
                    ListOutput<String> lost = new ListOutput<>();
                    for (int i = random.nextInt(1, 5); i > 0; i--) {
                        poll(reader, lost);
                    }
                    context = atSnapshot;
                    reader = create(source, context);
                }
            }
            assertThat(committed).isEqualTo(uninterrupted);
        });
    }

    @Test
    void when_a_reader_snapshots_then_its_position_is_the_next_index_of_its_share() throws Exception {
        TestContext context = new TestContext(1, 3);
        GeneratorReader<Long> reader = (GeneratorReader<Long>) GeneratorSource.of(1_000, i -> i).createReader(context);
        ListOutput<Long> output = new ListOutput<>();
        reader.pollNext(output);
        reader.snapshotState(1);

        assertThat(output.records()).hasSize(GeneratorReader.MAX_RUN).startsWith(1L, 4L, 7L);
        assertThat(context.operatorList("position")).containsExactly(1L + 3L * GeneratorReader.MAX_RUN);
        assertThat(context.operatorList("parallelism")).containsExactly(3);
    }

    @Test
    void when_restored_at_another_parallelism_then_the_reader_refuses_with_a_clear_error() throws Exception {
        TestContext context = new TestContext(1, 3);
        SourceReader<Long> reader = GeneratorSource.of(1_000, i -> i).createReader(context);
        reader.pollNext(new ListOutput<>());
        reader.snapshotState(1);

        // Position 193 would be a valid index for subtask 1 of 2 or of 4: the parallelism kept with
        // it is what tells the mismatch.
        for (int parallelism : new int[] {2, 4}) {
            assertThatThrownBy(() -> GeneratorSource.of(1_000, i -> i).createReader(context.withStateAt(1, parallelism)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("subtask 1 of " + parallelism)
                    .hasMessageContaining("taken at parallelism 3");
        }
        assertThatThrownBy(() -> GeneratorSource.of(1_000, i -> i).createReader(context.withStateAt(0, 3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subtask 0 of 3")
                .hasMessageContaining("not one of this subtask's indices");
    }

    @Test
    void when_a_share_was_exhausted_before_the_snapshot_then_the_restored_reader_ends_at_once() throws Exception {
        TestContext context = new TestContext(0, 2);
        GeneratorSource<Long> source = GeneratorSource.of(10, i -> i);
        SourceReader<Long> reader = create(source, context);
        ListOutput<Long> all = new ListOutput<>();
        assertThat(reader.pollNext(all)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(all.records()).containsExactly(0L, 2L, 4L, 6L, 8L);
        reader.snapshotState(1);

        SourceReader<Long> restored = create(source, context.restoredCopy());
        ListOutput<Long> output = new ListOutput<>();
        assertThat(restored.pollNext(output)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(output.records()).isEmpty();
    }

    @Test
    void when_unbounded_then_the_reader_keeps_generating() throws Exception {
        GeneratorSource<Long> source = GeneratorSource.unbounded(i -> i * 10);
        SourceReader<Long> reader = source.createReader(new TestContext(0, 1));
        ListOutput<Long> output = new ListOutput<>();
        for (int i = 0; i < 100; i++) {
            assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        }
        assertThat(source.isBounded()).isFalse();
        assertThat(output.records()).hasSize(100 * GeneratorReader.MAX_RUN).startsWith(0L, 10L, 20L);
    }

    @Test
    void when_the_count_reaches_the_top_of_the_index_range_then_no_index_wraps_around() throws Exception {
        // count is a multiple of 3, so the last index of subtask 2 of 3 is count - 1; one more stride
        // would pass Long.MAX_VALUE.
        long count = Long.MAX_VALUE - 1;
        TestContext context = new TestContext(2, 3);
        context.getOperatorListState(new ListStateDescriptor<>("position", Long.class)).update(List.of(count - 4));
        context.getOperatorListState(new ListStateDescriptor<>("parallelism", Integer.class)).update(List.of(3));
        List<Long> tail = readAll(GeneratorSource.of(count, i -> i), context);
        assertThat(tail).containsExactly(count - 4, count - 1);
    }

    @Test
    void when_given_a_negative_count_or_rate_then_it_is_refused() {
        assertThatThrownBy(() -> GeneratorSource.of(-1, i -> i)).hasMessageContaining("count");
        assertThatThrownBy(() -> GeneratorSource.of(1, i -> i).withRateLimit(0)).hasMessageContaining("rate");
        assertThatThrownBy(() -> GeneratorSource.of(1, i -> i).withRateLimit(Double.NaN)).hasMessageContaining("rate");
    }

    static <T> List<T> reference(long count, long seed, SeededRecordFunction<T> function) {
        IndexRandom random = new IndexRandom(seed);
        List<T> records = new ArrayList<>();
        for (long index = 0; index < count; index++) {
            random.reset(index);
            records.add(function.apply(index, random));
        }
        records.sort(null);
        return records;
    }

    static <T> List<T> readAll(GeneratorSource<T> source, TestContext context) {
        SourceReader<T> reader = create(source, context);
        ListOutput<T> output = new ListOutput<>();
        while (poll(reader, output) != InputStatus.END_OF_INPUT) {
            // polls until the share is done
        }
        return output.records();
    }

    private static <T> SourceReader<T> create(GeneratorSource<T> source, TestContext context) {
        return source.createReader(context);
    }

    private static <T> InputStatus poll(SourceReader<T> reader, ListOutput<T> output) {
        try {
            return reader.pollNext(output);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void snapshot(SourceReader<?> reader) {
        try {
            reader.snapshotState(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
