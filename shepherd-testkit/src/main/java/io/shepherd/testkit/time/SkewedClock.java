package io.shepherd.testkit.time;

import io.shepherd.common.Clock;

/**
 * One node's view of simulated time: off by a fixed offset, and running fast or slow by a fixed rate.
 *
 * <p>Real machines disagree about the time, and protocols that rely on leases or timeouts across
 * nodes (the HA coordinator's, for one) must stay safe when they do. A test gives a node a skewed
 * clock in its {@link io.shepherd.testkit.net.NodeFactory}, e.g.
 * {@code new SkewedClock(ctx.clock(), SimTime.millis(40), 200)}, and hands that to the protocol.
 *
 * <p>Reading {@code b} on the base clock reads {@code b + offsetNs + b * driftPpm / 1,000,000} here,
 * on both the monotonic and the wall-clock scale. The view stays monotonic because the drift is
 * bounded to ±10%, far beyond any real oscillator but useful for exaggerating an effect.
 */
public final class SkewedClock implements Clock {

    /** The largest drift allowed, in parts per million: 10%. */
    public static final long MAX_DRIFT_PPM = 100_000;

    private final Clock base;
    private final long offsetNs;
    private final long driftPpm;

    /**
     * @param base the clock to skew, usually the simulation's
     * @param offsetNs how far ahead (or, if negative, behind) this view is at base time zero
     * @param driftPpm how much faster (or slower) this view runs, in parts per million
     */
    public SkewedClock(Clock base, long offsetNs, long driftPpm) {
        if (Math.abs(driftPpm) > MAX_DRIFT_PPM) {
            throw new IllegalArgumentException("drift must be within +-" + MAX_DRIFT_PPM + " ppm, got " + driftPpm);
        }
        this.base = base;
        this.offsetNs = offsetNs;
        this.driftPpm = driftPpm;
    }

    @Override
    public long nanoTime() {
        long b = base.nanoTime();
        return b + skewNs(b);
    }

    @Override
    public long currentTimeMillis() {
        return base.currentTimeMillis() + Math.floorDiv(skewNs(base.nanoTime()), 1_000_000L);
    }

    private long skewNs(long baseNs) {
        return offsetNs + Math.multiplyExact(baseNs, driftPpm) / 1_000_000L;
    }

    @Override
    public String toString() {
        return "SkewedClock[offset " + SimTime.formatDuration(offsetNs) + ", drift " + driftPpm + " ppm]";
    }
}
