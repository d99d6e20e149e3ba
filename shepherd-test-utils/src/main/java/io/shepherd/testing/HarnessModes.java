package io.shepherd.testing;

import io.shepherd.api.plan.Operation;
import java.util.ArrayList;
import java.util.List;

/** The modes {@link OperatorVerifier} runs unless told otherwise. */
public final class HarnessModes {
    private HarnessModes() {}

    /** The steps as given, on one operator instance: what the test describes. */
    public static final HarnessMode PLAIN = new HarnessMode() {
        @Override
        public String name() {
            return "plain";
        }
    };

    /**
     * After every step the operator is replaced by a new instance that keeps its state
     * ({@link OperatorHarness#restartKeepingState()}). A function that keeps anything in its own
     * fields loses it here, as it would when its job restarts — and such a field is also shared by
     * every key of the subtask, which is rarely what was meant.
     */
    public static final HarnessMode RESTART_AFTER_EVERY_STEP = new HarnessMode() {
        @Override
        public String name() {
            return "restart after every step";
        }

        @Override
        public void afterStep(OperatorHarness harness) throws Exception {
            harness.restartKeepingState();
        }

        @Override
        public void checkApplicable(Operation operation) {
            if (operation instanceof Operation.TimestampsOp) {
                throw new IllegalArgumentException("mode '" + name() + "' cannot judge a timestamp assigner: the "
                        + "runtime's timestamps operator keeps its watermark progress in fields, not state, so a "
                        + "restart changes its watermarks whatever the assigner does; leave the mode out with "
                        + "modes(HarnessModes.PLAIN, HarnessModes.WATERMARK_AFTER_EVERY_RECORD)");
            }
        }

        @Override
        public String hint() {
            return "the function keeps something in a field instead of in state. A function's fields are copied "
                    + "from the job's plan when its operator starts, so what they accumulate is lost when the job "
                    + "restarts, and it is shared by every key of the subtask. Keep it in keyed state (obtained in "
                    + "open()) or operator state; make caches transient and rebuild them in open()";
        }
    };

    /**
     * After every record, a watermark as far ahead as it can go without passing the test's next
     * watermark or any record before that one — so no record becomes late, but event-time timers fire
     * as early as a job could fire them. In a job, watermarks come on a processing-time interval, so
     * where they fall between records differs from run to run; a function whose results depend on it
     * computes different results after a restart. Records are compared in any order.
     */
    public static final HarnessMode WATERMARK_AFTER_EVERY_RECORD = new HarnessMode() {
        @Override
        public String name() {
            return "watermark after every record";
        }

        @Override
        public List<HarnessStep> steps(List<HarnessStep> steps) {
            return withEarliestWatermarks(steps);
        }

        @Override
        public boolean preservesOrder() {
            return false;
        }

        @Override
        public String hint() {
            return "the function's results depend on where watermarks fall between records, which differs from run "
                    + "to run in a job. Typically an event-time timer at time t uses state that records later than t "
                    + "have already changed; keep state per timestamp and emit only what is at or before t";
        }
    };

    /** Every built-in mode, plain first. */
    public static List<HarnessMode> defaults() {
        return List.of(PLAIN, RESTART_AFTER_EVERY_STEP, WATERMARK_AFTER_EVERY_RECORD);
    }

    /**
     * Inserts after each record the largest watermark that stays below every timestamp of the records
     * up to the next scripted watermark and does not pass that watermark, when it advances. The end
     * of input counts as a last watermark; records after the next scripted watermark are not
     * considered, since they arrive after it anyway. A scripted watermark that an inserted one
     * already reached is dropped, as the runtime never repeats a watermark.
     */
    static List<HarnessStep> withEarliestWatermarks(List<HarnessStep> steps) {
        int n = steps.size();
        // bound[i]: how far a watermark inserted after step i may go. The final watermark itself is
        // left to the end of input, so inserted ones stop just below it.
        long[] bound = new long[n];
        long next = Long.MAX_VALUE - 1;
        for (int i = n - 1; i >= 0; i--) {
            bound[i] = next;
            HarnessStep step = steps.get(i);
            if (step instanceof Watermark w) {
                next = w.timestamp();
            } else if (step instanceof TimestampedRecord r && r.hasTimestamp()) {
                next = Math.min(next, r.timestamp() - 1);
            }
        }
        List<HarnessStep> result = new ArrayList<>(2 * n);
        long current = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            HarnessStep step = steps.get(i);
            if (step instanceof Watermark w) {
                if (w.timestamp() > current) {
                    current = w.timestamp();
                    result.add(step);
                }
            } else {
                result.add(step);
                if (step instanceof TimestampedRecord && bound[i] > current) {
                    current = bound[i];
                    result.add(new Watermark(current));
                }
            }
        }
        return result;
    }
}
