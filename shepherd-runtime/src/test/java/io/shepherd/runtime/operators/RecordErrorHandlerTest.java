package io.shepherd.runtime.operators;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.runtime.metrics.OperatorCounters;
import org.junit.jupiter.api.Test;

class RecordErrorHandlerTest {

    @Test
    void when_dead_letters_have_nowhere_to_go_then_the_handler_refuses_to_exist() {
        assertThatThrownBy(() -> new RecordErrorHandler(
                        ErrorPolicy.DEAD_LETTER, "parse", 0, new OperatorCounters("parse"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'parse'");
    }

    @Test
    void when_a_failure_was_attributed_further_down_the_chain_then_it_passes_through_unchanged() {
        RecordErrorHandler skip =
                new RecordErrorHandler(ErrorPolicy.SKIP, "upstream", 0, new OperatorCounters("upstream"), null);
        OperatorFailure downstream = new OperatorFailure("downstream", 1, "r", new RuntimeException("boom"));
        assertThatThrownBy(() -> skip.onRecordFailed("input", 0, downstream)).isSameAs(downstream);
    }
}
