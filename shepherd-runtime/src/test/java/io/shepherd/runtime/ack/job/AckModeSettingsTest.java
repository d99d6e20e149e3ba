package io.shepherd.runtime.ack.job;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.api.sink.DiscardingSink;
import io.shepherd.runtime.LocalExecutor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AckModeSettingsTest {

    @Test
    void when_a_job_enables_both_ack_mode_and_checkpoints_then_it_is_rejected_before_it_runs() {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        env.config().acking().enable();
        env.config().checkpointing().setInterval(Duration.ofSeconds(1));
        env.fromElements(1L, 2L).sink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.executeAsync("both"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both ack mode and checkpoints")
                .hasMessageContaining("exclusive");
    }

    @Test
    void when_settings_are_out_of_range_then_the_setter_says_what_is_allowed() {
        StreamEnvironment env = StreamEnvironment.create(new LocalExecutor());
        assertThatThrownBy(() -> env.config().acking().setMaxPending(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> env.config().acking().setTreeTimeout(Duration.ZERO)).hasMessageContaining("1 ms");
        assertThatThrownBy(() -> env.config().acking().setAckers(-1)).hasMessageContaining(">= 0");
    }
}
