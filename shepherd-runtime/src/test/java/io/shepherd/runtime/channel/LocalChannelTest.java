package io.shepherd.runtime.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalChannelTest {

    @Test
    void when_a_channel_is_full_then_it_refuses_exactly_at_its_capacity() {
        for (int capacity : new int[] {2, 3, 4, 5, 16, 17}) {
            LocalChannel channel = new LocalChannel(capacity);
            int accepted = 0;
            while (accepted < 100 && channel.offer(accepted)) {
                accepted++;
            }
            assertThat(accepted).as("elements a channel of capacity %d holds", capacity).isEqualTo(capacity);
            assertThat(channel.poll()).isEqualTo(0);
            assertThat(channel.offer("again")).as("room after one was taken").isTrue();
            assertThat(channel.offer("too many")).isFalse();
        }
    }

    @Test
    void when_elements_are_taken_then_they_come_out_in_the_order_they_went_in() {
        LocalChannel channel = new LocalChannel(3);
        for (int round = 0; round < 10; round++) {
            channel.offer(round);
            channel.offer(-round);
            assertThat(channel.poll()).isEqualTo(round);
            assertThat(channel.poll()).isEqualTo(-round);
            assertThat(channel.isEmpty()).isTrue();
            assertThat(channel.poll()).isNull();
        }
    }
}
