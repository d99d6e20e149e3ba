package io.shepherd.testing;

import io.shepherd.api.DeadLetter;
import java.util.List;

/**
 * What one mode's run produced, and which step emitted each output item.
 *
 * @param steps the steps the mode fed, after it derived them from the test's steps
 * @param outputEnds for each step, how many output items there were once it had run; the last
 *     entry, at {@code steps.size()}, is for the end of input
 */
record ModeRun(HarnessMode mode, List<HarnessStep> steps, List<StreamItem> output, int[] outputEnds,
        List<DeadLetter> deadLetters) {

    /** The index in {@link #steps} of the step that emitted output item {@code index}; {@code steps.size()} for the end. */
    int stepOf(int index) {
        int step = 0;
        while (outputEnds[step] <= index) {
            step++;
        }
        return step;
    }

    /**
     * Whether the step moved time (a watermark, a clock move or the end of input) and so may have
     * fired several timers due at the same time, whose order the runtime does not promise.
     */
    boolean movedTime(int step) {
        return step == steps.size() || !(steps.get(step) instanceof TimestampedRecord);
    }

    /** Where output item {@code index} came from, for messages. */
    String origin(int index) {
        int step = stepOf(index);
        if (step == steps.size()) {
            return "emitted at the end of input";
        }
        return "emitted at step #" + (step + 1) + " of " + steps.size() + ", " + steps.get(step);
    }
}
