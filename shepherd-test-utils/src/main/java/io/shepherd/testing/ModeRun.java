package io.shepherd.testing;

import io.shepherd.api.DeadLetter;
import java.util.List;

/**
 * What one mode's run produced, and which step emitted each output item.
 *
 * @param steps the steps the mode fed, after it derived them from the test's steps
 * @param emittedBy for each output item, the index in {@code steps} of the step during which it was
 *     emitted; {@code steps.size()} for the end of input
 */
record ModeRun(HarnessMode mode, List<HarnessStep> steps, List<StreamItem> output, int[] emittedBy,
        List<DeadLetter> deadLetters) {

    /** Where output item {@code index} came from, for messages. */
    String origin(int index) {
        int step = emittedBy[index];
        if (step == steps.size()) {
            return "emitted at the end of input";
        }
        return "emitted at step #" + (step + 1) + " of " + steps.size() + ", " + steps.get(step);
    }
}
