package io.shepherd.testing;

import static io.shepherd.testing.Items.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.DataStream;
import io.shepherd.api.DeadLetter;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.runtime.operators.OperatorFailure;
import org.junit.jupiter.api.Test;

class DeadLetterHarnessTest {

    private static OperatorHarness parser(ErrorPolicy policy) {
        return OperatorHarness.builderForStream((DataStream<String> s) -> s.map(Integer::parseInt))
                .name("parse")
                .errorPolicy(policy)
                .build();
    }

    @Test
    void when_the_function_throws_under_dead_letter_then_the_record_is_set_aside_and_the_rest_goes_on()
            throws Exception {
        try (OperatorHarness harness = parser(ErrorPolicy.DEAD_LETTER)) {
            harness.processElement("1", 5);
            harness.processElement("x", 6);
            harness.processElement("3", 7);

            assertThat(harness.output()).containsExactly(record(1, 5), record(3, 7));
            assertThat(harness.deadLetters()).containsExactly(new DeadLetter(
                    "parse", 0, "x", "java.lang.NumberFormatException: For input string: \"x\"", 6));
            assertThat(harness.metrics().recordsFailed()).isEqualTo(1);
            assertThat(harness.metrics().deadLetters()).isEqualTo(1);
        }
    }

    @Test
    void when_the_function_throws_under_fail_then_the_call_fails_naming_operator_and_record() throws Exception {
        try (OperatorHarness harness = parser(ErrorPolicy.FAIL)) {
            harness.processElement("1");

            assertThatThrownBy(() -> harness.processElement("x"))
                    .isInstanceOf(OperatorFailure.class)
                    .hasMessageContaining("operator 'parse'")
                    .hasMessageContaining("failed on record x");
            assertThat(harness.deadLetters()).isEmpty();
        }
    }

    @Test
    void when_the_function_throws_under_skip_then_the_record_is_dropped_and_counted() throws Exception {
        try (OperatorHarness harness = parser(ErrorPolicy.SKIP)) {
            harness.processElement("x");
            harness.processElement("2");

            assertThat(harness.<Integer>outputValues()).containsExactly(2);
            assertThat(harness.deadLetters()).isEmpty();
            assertThat(harness.metrics().recordsFailed()).isEqualTo(1);
        }
    }
}
