package io.shepherd.testkit.time;

import static io.shepherd.testkit.time.SimTime.millis;
import static io.shepherd.testkit.time.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkewedClockTest {

    @Test
    void when_offset_then_the_view_is_ahead_by_that_much_on_both_scales() {
        SimClock base = new SimClock();
        SkewedClock ahead = new SkewedClock(base, millis(40), 0);
        base.advanceTo(millis(100));
        assertThat(ahead.nanoTime()).isEqualTo(millis(140));
        assertThat(ahead.currentTimeMillis()).isEqualTo(base.currentTimeMillis() + 40);
    }

    @Test
    void when_drifting_then_the_disagreement_grows_with_time() {
        SimClock base = new SimClock();
        SkewedClock fast = new SkewedClock(base, 0, 1_000);
        SkewedClock slow = new SkewedClock(base, 0, -1_000);
        base.advanceTo(seconds(10));
        assertThat(fast.nanoTime()).isEqualTo(seconds(10) + millis(10));
        assertThat(slow.nanoTime()).isEqualTo(seconds(10) - millis(10));
    }

    @Test
    void when_two_nodes_disagree_then_a_lease_can_look_expired_to_one_and_live_to_the_other() {
        SimClock base = new SimClock();
        SkewedClock holder = new SkewedClock(base, 0, -50_000);
        SkewedClock grantor = new SkewedClock(base, 0, 50_000);
        long leaseNs = millis(1_000);
        base.advanceTo(millis(960));
        assertThat(grantor.nanoTime()).as("the grantor thinks the lease expired").isGreaterThan(leaseNs);
        assertThat(holder.nanoTime()).as("the holder thinks it still holds it").isLessThan(leaseNs);
    }

    @Test
    void when_skewed_then_the_view_never_goes_backwards() {
        SimClock base = new SimClock();
        SkewedClock slow = new SkewedClock(base, -millis(5), -SkewedClock.MAX_DRIFT_PPM);
        long previous = slow.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            base.advanceBy(7);
            assertThat(slow.nanoTime()).isGreaterThanOrEqualTo(previous);
            previous = slow.nanoTime();
        }
        assertThatThrownBy(() -> new SkewedClock(base, 0, 200_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
