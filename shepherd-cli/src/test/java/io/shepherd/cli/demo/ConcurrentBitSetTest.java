package io.shepherd.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConcurrentBitSetTest {

    @Test
    void when_a_bit_is_added_twice_then_only_the_first_add_reports_it_new() {
        ConcurrentBitSet bits = new ConcurrentBitSet(130);

        assertThat(bits.add(64)).isTrue();
        assertThat(bits.add(64)).isFalse();
        assertThat(bits.contains(64)).isTrue();
        assertThat(bits.contains(63)).isFalse();
        assertThat(bits.cardinality()).isEqualTo(1);
    }

    @Test
    void when_searching_across_words_then_the_next_set_and_clear_bits_are_found() {
        ConcurrentBitSet bits = new ConcurrentBitSet(130);
        bits.add(0);
        bits.add(1);
        bits.add(129);

        assertThat(bits.nextSetBit(2)).isEqualTo(129);
        assertThat(bits.nextSetBit(130)).isEqualTo(-1);
        assertThat(bits.nextClearBit(0)).isEqualTo(2);
        assertThat(bits.nextClearBit(129)).isEqualTo(-1);
    }

    @Test
    void when_every_bit_is_set_then_no_clear_bit_is_found_past_the_size() {
        ConcurrentBitSet bits = new ConcurrentBitSet(70);
        for (int i = 0; i < 70; i++) {
            bits.add(i);
        }
        assertThat(bits.nextClearBit(0)).isEqualTo(-1);
        bits.remove(69);
        assertThat(bits.nextClearBit(0)).isEqualTo(69);
    }

    @Test
    void when_out_of_range_then_it_says_the_range() {
        ConcurrentBitSet bits = new ConcurrentBitSet(10);

        assertThatThrownBy(() -> bits.add(10)).hasMessageContaining("outside 0..9");
        assertThatThrownBy(() -> bits.add(-1)).hasMessageContaining("outside 0..9");
    }

    @Test
    void when_two_threads_add_the_same_bits_then_each_bit_is_new_to_exactly_one() throws Exception {
        int size = 200_000;
        ConcurrentBitSet bits = new ConcurrentBitSet(size);
        AtomicLong newBits = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        Runnable adder = () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (int i = 0; i < size; i++) {
                if (bits.add(i)) {
                    newBits.incrementAndGet();
                }
            }
        };
        Thread a = new Thread(adder);
        Thread b = new Thread(adder);
        a.start();
        b.start();
        start.countDown();
        a.join();
        b.join();

        assertThat(newBits.get()).isEqualTo(size);
        assertThat(bits.cardinality()).isEqualTo(size);
    }
}
