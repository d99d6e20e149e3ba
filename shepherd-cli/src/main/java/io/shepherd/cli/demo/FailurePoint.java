package io.shepherd.cli.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One failure a demo run injects: at {@code site}, in the way {@code kind} says, on the first record of
 * transfer {@code fromTx} or later that the site handles once the failure is armed (see
 * {@link FailureInjector}).
 *
 * @param number 1 for the first failure of a run, then 2, 3, ...
 * @param site the operator it strikes in
 * @param kind how it strikes
 * @param fromTx the first transfer id it may strike at
 */
public record FailurePoint(int number, FailureSite site, FailureKind kind, long fromTx) {
    /**
     * Failures are drawn from the first three fifths of the input, so that a replay after each of
     * them still has records ahead that reach the next failure's site.
     */
    static final double INPUT_SHARE = 0.6;

    /**
     * {@code failures} points drawn from {@code seed}: each of the given modes at random, at random moments in
     * input order.
     */
    public static List<FailurePoint> draw(long seed, int failures, long transfers, List<FailureMode> modes) {
        if (failures > 0 && modes.isEmpty()) {
            throw new IllegalArgumentException("no way to inject failures given");
        }
        SplittableRandom random = new SplittableRandom(seed);
        long bound = Math.max(1, (long) (transfers * INPUT_SHARE));
        List<FailurePoint> unnumbered = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            FailureMode mode = modes.get(random.nextInt(modes.size()));
            unnumbered.add(new FailurePoint(0, mode.site(), mode.kind(), random.nextLong(bound)));
        }
        unnumbered.sort(Comparator.comparingLong(FailurePoint::fromTx));
        List<FailurePoint> points = new ArrayList<>();
        for (FailurePoint point : unnumbered) {
            points.add(new FailurePoint(points.size() + 1, point.site(), point.kind(), point.fromTx()));
        }
        return points;
    }
}
