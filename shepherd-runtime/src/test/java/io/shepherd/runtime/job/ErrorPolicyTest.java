package io.shepherd.runtime.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.shepherd.api.DataStream;
import io.shepherd.api.DeadLetter;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.execution.JobMetrics;
import io.shepherd.api.sink.CollectSink;
import io.shepherd.api.time.WatermarkStrategy;
import io.shepherd.runtime.LocalExecutor;
import io.shepherd.runtime.partition.KeyGroups;
import io.shepherd.runtime.testing.Jobs;
import io.shepherd.runtime.testing.Multisets;
import io.shepherd.runtime.testing.Shared;
import io.shepherd.runtime.testing.ShepherdThreads;
import io.shepherd.testkit.SeededRuns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * SKIP and DEAD_LETTER set aside exactly the records a function threw on and let everything else
 * through; each dead letter names the operator whose function threw, even inside a chain, with its
 * error, subtask and the record's timestamp. Each check runs over seeded random poison sets.
 */
class ErrorPolicyTest {

    /** One seeded case: input 0..n-1, two random poison sets, a random parallelism. */
    private record Case(List<Long> input, Set<Long> first, Set<Long> second, int parallelism) {
        static Case draw(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 1 + random.nextInt(3_000);
            double rate = random.nextDouble() * 0.3;
            List<Long> input = LongStream.range(0, n).boxed().toList();
            Set<Long> first = new HashSet<>();
            Set<Long> second = new HashSet<>();
            for (long x : input) {
                if (random.nextDouble() < rate) {
                    (random.nextBoolean() ? first : second).add(x);
                }
            }
            return new Case(input, first, second, 2 + random.nextInt(3));
        }

        Set<Long> survivors() {
            return Poison.without(Poison.without(input, first), second);
        }

        StreamEnvironment env() {
            StreamEnvironment env = StreamEnvironment.create(new LocalExecutor()).setParallelism(parallelism);
            env.config().setBatchSize(1 + (int) (input.size() % 50)).setChannelCapacityBatches(2);
            return env;
        }
    }

    private static List<String> letters(List<DeadLetter> letters) {
        List<String> described = new ArrayList<>();
        for (DeadLetter letter : letters) {
            described.add(letter.operator() + "/" + letter.record() + "/" + letter.error());
        }
        return described;
    }

    private static List<String> expectedLetters(String operator, Set<Long> records) {
        return records.stream().map(x -> operator + "/" + x + "/" + Poison.error(operator, x)).toList();
    }

    private static void assertSameMultiset(List<?> expected, List<?> actual, String what) {
        Multisets.Diff<?> diff = Multisets.diff(expected, actual);
        assertThat(diff.isEmpty()).as("%s: %s", what, diff).isTrue();
    }

    @Test
    void when_chained_operators_send_dead_letters_then_each_letter_names_the_operator_that_threw() {
        SeededRuns.of("dead letters from a chain", 8, 200).forEach(seed -> {
            Case c = Case.draw(seed);
            StreamEnvironment env = c.env();
            CollectSink<DeadLetter> deadLetters = new CollectSink<>();
            CollectSink<Long> out = new CollectSink<>();
            env.setDeadLetterSink(deadLetters);
            env.fromCollection(c.input()).name("numbers")
                    .map(new Poison.Map(c.first(), "validate")).name("validate").errorPolicy(ErrorPolicy.DEAD_LETTER)
                    .map(new Poison.Map(c.second(), "enrich")).name("enrich").errorPolicy(ErrorPolicy.DEAD_LETTER)
                    .sink(out);
            try {
                JobMetrics metrics = execute(env);
                List<String> expected = new ArrayList<>(expectedLetters("validate", c.first()));
                expected.addAll(expectedLetters("enrich", Poison.without(c.second(), c.first())));
                assertSameMultiset(expected, letters(deadLetters.results()), "dead letters");
                assertThat(deadLetters.results()).allSatisfy(letter -> {
                    assertThat(letter.subtask()).isBetween(0, c.parallelism() - 1);
                    assertThat(letter.timestamp()).isEqualTo(Long.MIN_VALUE);
                });
                assertSameMultiset(List.copyOf(c.survivors()), out.results(), "main output");
                assertThat(metrics.operator("validate").recordsFailed()).isEqualTo(c.first().size());
                assertThat(metrics.operator("validate").deadLetters()).isEqualTo(c.first().size());
                assertThat(metrics.operator("enrich").deadLetters()).isEqualTo(expected.size() - c.first().size());
                assertThat(metrics.sinkRecords()).as("dead letters are not sink records")
                        .isEqualTo(c.survivors().size());
            } finally {
                deadLetters.clear();
                out.clear();
            }
        });
    }

    @Test
    void when_a_keyed_operator_sends_dead_letters_then_they_carry_its_subtask_and_the_records_timestamp() {
        SeededRuns.of("dead letters from a keyed operator", 8, 200).forEach(seed -> {
            Case c = Case.draw(seed);
            StreamEnvironment env = c.env();
            CollectSink<DeadLetter> deadLetters = new CollectSink<>();
            CollectSink<Long> out = new CollectSink<>();
            env.setDeadLetterSink(deadLetters);
            Set<Long> poison = new HashSet<>(c.first());
            poison.addAll(c.second());
            env.fromCollection(c.input())
                    .assignTimestampsAndWatermarks(WatermarkStrategy.forMonotonousTimestamps((Long x) -> 1_000 + x))
                    .keyBy(x -> x % 7)
                    .process(new Poison.Keyed(poison, "score")).name("score").errorPolicy(ErrorPolicy.DEAD_LETTER)
                    .sink(out);
            try {
                execute(env);
                assertSameMultiset(expectedLetters("score", poison), letters(deadLetters.results()), "dead letters");
                assertThat(deadLetters.results()).allSatisfy(letter -> {
                    long record = (Long) letter.record();
                    assertThat(letter.subtask()).isEqualTo(KeyGroups.subtaskOfKey(record % 7, 128, c.parallelism()));
                    assertThat(letter.timestamp()).isEqualTo(1_000 + record);
                });
                assertSameMultiset(List.copyOf(Poison.without(c.input(), poison)), out.results(), "main output");
            } finally {
                deadLetters.clear();
                out.clear();
            }
        });
    }

    @Test
    void when_an_operator_skips_then_exactly_the_rest_comes_out_and_the_skips_are_counted() {
        SeededRuns.of("skipped records", 8, 200).forEach(seed -> {
            Case c = Case.draw(seed);
            StreamEnvironment env = c.env();
            CollectSink<Long> out = new CollectSink<>();
            env.fromCollection(c.input())
                    .rebalance()
                    .map(new Poison.Map(c.first(), "validate")).name("validate").errorPolicy(ErrorPolicy.SKIP)
                    .keyBy(x -> x % 3)
                    .process(new Poison.Keyed(c.second(), "score")).name("score").errorPolicy(ErrorPolicy.SKIP)
                    .sink(out);
            try {
                JobMetrics metrics = execute(env);
                assertSameMultiset(List.copyOf(c.survivors()), out.results(), "main output");
                assertThat(metrics.operator("validate").recordsFailed()).isEqualTo(c.first().size());
                assertThat(metrics.operator("score").recordsFailed())
                        .isEqualTo(Poison.without(c.second(), c.first()).size());
                assertThat(metrics.operator("validate").deadLetters()).isZero();
                assertThat(metrics.operator("validate").recordsIn()).isEqualTo(c.input().size());
            } finally {
                out.clear();
            }
        });
    }

    @Test
    void when_a_sink_throws_under_dead_letter_then_the_letters_name_the_sink() {
        SeededRuns.of("dead letters from a sink", 4, 100).forEach(seed -> {
            Case c = Case.draw(seed);
            StreamEnvironment env = c.env();
            CollectSink<DeadLetter> deadLetters = new CollectSink<>();
            Shared<Queue<Long>> written = Shared.of(new ConcurrentLinkedQueue<>());
            env.setDeadLetterSink(deadLetters);
            DataStream<Long> numbers = env.fromCollection(c.input());
            numbers.sink(new Poison.CollectingSink(c.first(), "store", written)).name("store")
                    .errorPolicy(ErrorPolicy.DEAD_LETTER);
            try {
                execute(env);
                assertSameMultiset(expectedLetters("store", c.first()), letters(deadLetters.results()),
                        "dead letters");
                assertSameMultiset(List.copyOf(Poison.without(c.input(), c.first())), List.copyOf(written.get()),
                        "written");
            } finally {
                deadLetters.clear();
                written.release();
            }
        });
    }

    @Test
    void when_dead_letter_is_the_jobs_policy_then_failed_records_go_to_the_dead_letter_sink() {
        Case c = Case.draw(7);
        StreamEnvironment env = c.env();
        env.config().setErrorPolicy(ErrorPolicy.DEAD_LETTER);
        CollectSink<DeadLetter> deadLetters = new CollectSink<>();
        CollectSink<Long> out = new CollectSink<>();
        env.setDeadLetterSink(deadLetters);
        env.fromCollection(c.input()).map(new Poison.Map(c.first(), "validate")).name("validate").sink(out);
        try {
            execute(env);
            assertSameMultiset(expectedLetters("validate", c.first()), letters(deadLetters.results()), "dead letters");
            assertSameMultiset(List.copyOf(Poison.without(c.input(), c.first())), out.results(), "main output");
        } finally {
            deadLetters.clear();
            out.clear();
        }
    }

    private static JobMetrics execute(StreamEnvironment env) {
        try {
            JobMetrics metrics = Jobs.run(env, "error policies").metrics();
            ShepherdThreads.assertNoneAlive();
            return metrics;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
