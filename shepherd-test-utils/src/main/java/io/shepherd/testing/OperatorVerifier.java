package io.shepherd.testing;

import io.shepherd.api.DeadLetter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Tries to break an operator: runs the same steps once per {@link HarnessMode}, each on a new
 * harness, ends the input (final watermark, then finish), and checks that every run produced the
 * expected output and the same dead letters. A function that passes the plain run but fails another
 * mode works only as long as nothing goes wrong in its job; the failure names the mode, the first
 * difference, the step that emitted it, and what to suspect.
 *
 * <pre>{@code
 * OperatorHarness.verify(() -> OperatorHarness.forKeyedProcess(Event::user, new Counter()))
 *         .input(record(new Event("ann"), 10), record(new Event("bob"), 11), watermark(20))
 *         .expectOutput(record("ann:1", 10), record("bob:1", 11));
 * }</pre>
 *
 * <p>By default records are compared in order, with their timestamps, and watermarks are not
 * compared ({@link #includeWatermarks()} compares them too). Records that one watermark, clock move
 * or end of input emits with the same timestamp are compared in any order among themselves: they
 * come from timers due at the same time (of different keys), which the runtime fires in no
 * promised order. Modes that move watermarks compare all records in any order (see
 * {@link HarnessMode#preservesOrder()}).
 */
public final class OperatorVerifier {
    private final Supplier<OperatorHarness> harnesses;
    private List<HarnessStep> steps = List.of();
    private List<HarnessMode> modes = HarnessModes.defaults();
    private boolean includeWatermarks;
    private boolean anyOrder;
    private String operatorName = "?";

    OperatorVerifier(Supplier<OperatorHarness> harnesses) {
        this.harnesses = Objects.requireNonNull(harnesses, "harness supplier");
    }

    /** The steps every mode starts from: records, watermarks and moves of the processing-time clock. */
    public OperatorVerifier input(HarnessStep... steps) {
        return input(Arrays.asList(steps));
    }

    public OperatorVerifier input(List<? extends HarnessStep> steps) {
        for (HarnessStep step : steps) {
            Objects.requireNonNull(step, "a step of the input is null");
        }
        this.steps = List.copyOf(steps);
        return this;
    }

    /** The modes to run, in this order; {@link HarnessModes#defaults()} unless set. */
    public OperatorVerifier modes(HarnessMode... modes) {
        if (modes.length == 0) {
            throw new IllegalArgumentException("name at least one mode to run");
        }
        this.modes = List.of(modes);
        return this;
    }

    /** Compares watermarks too, in modes that keep the order of the output. */
    public OperatorVerifier includeWatermarks() {
        this.includeWatermarks = true;
        return this;
    }

    /** Compares records in any order in every mode, for operators whose output order is not part of their contract. */
    public OperatorVerifier anyOrder() {
        this.anyOrder = true;
        return this;
    }

    /** Runs every mode and checks its output against {@code expected}. */
    public void expectOutput(StreamItem... expected) {
        expectOutput(Arrays.asList(expected));
    }

    /**
     * Runs every mode and checks its output against {@code expected}.
     *
     * @throws AssertionError naming each mode whose output differs, or whose dead letters differ from
     *     the first mode's, or in which a step threw
     */
    public void expectOutput(List<? extends StreamItem> expected) {
        List<StreamItem> want = List.copyOf(expected);
        if (!includeWatermarks && want.stream().anyMatch(item -> item instanceof Watermark)) {
            throw new IllegalArgumentException("the expected output lists watermarks but watermarks are not "
                    + "compared; call includeWatermarks() to compare them, or leave them out");
        }
        List<ModeRun> runs = runAll();
        List<String> failures = new ArrayList<>();
        boolean plainPassed = false;
        for (ModeRun run : runs) {
            String mismatch = comparisonFor(run.mode()).mismatch(want, run);
            if (mismatch == null && run.mode() == HarnessModes.PLAIN) {
                plainPassed = true;
            }
            if (mismatch != null) {
                failures.add(failure(run, "output differs from the expected output", mismatch));
            }
        }
        failures.addAll(deadLetterFailures(runs));
        report(failures, plainPassed, runs.size());
    }

    /**
     * Runs every mode and checks that each produced what the first mode did, for when the output is
     * easier to check by other means; returns the first mode's output.
     */
    public List<StreamItem> expectSameOutputInEveryMode() {
        List<ModeRun> runs = runAll();
        ModeRun reference = runs.get(0);
        List<String> failures = new ArrayList<>();
        for (ModeRun run : runs.subList(1, runs.size())) {
            String mismatch = comparisonFor(run.mode()).mismatch(reference.output(), run);
            if (mismatch != null) {
                failures.add(failure(run, "output differs from mode '" + reference.mode().name() + "'", mismatch));
            }
        }
        failures.addAll(deadLetterFailures(runs));
        report(failures, reference.mode() == HarnessModes.PLAIN, runs.size());
        return reference.output();
    }

    private OutputComparison comparisonFor(HarnessMode mode) {
        return new OutputComparison(!anyOrder && mode.preservesOrder(), includeWatermarks);
    }

    private List<ModeRun> runAll() {
        List<ModeRun> runs = new ArrayList<>();
        for (HarnessMode mode : modes) {
            runs.add(run(mode));
        }
        return runs;
    }

    private ModeRun run(HarnessMode mode) {
        List<HarnessStep> modeSteps = List.copyOf(mode.steps(steps));
        OperatorHarness harness = harnesses.get();
        if (harness == null || !harness.isFresh()) {
            throw new IllegalArgumentException("the harness supplier must create a new, unused harness on every "
                    + "call, e.g. () -> OperatorHarness.forMap(fn)");
        }
        operatorName = harness.operatorName();
        ModeRun result;
        try {
            mode.checkApplicable(harness.operation());
            result = drive(mode, modeSteps, harness);
        } catch (RuntimeException | Error e) {
            try {
                harness.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        try {
            harness.close();
        } catch (Exception e) {
            throw new AssertionError("mode '" + mode.name() + "': closing operator '" + operatorName + "' failed: "
                    + e, e);
        }
        return result;
    }

    private static ModeRun drive(HarnessMode mode, List<HarnessStep> modeSteps, OperatorHarness harness) {
        int[] outputEnds = new int[modeSteps.size() + 1];
        for (int i = 0; i < modeSteps.size(); i++) {
            HarnessStep step = modeSteps.get(i);
            runStep(mode, i, modeSteps, () -> harness.apply(step));
            runStep(mode, i, modeSteps, () -> mode.afterStep(harness));
            outputEnds[i] = harness.outputSize();
        }
        runStep(mode, modeSteps.size(), modeSteps, harness::finish);
        outputEnds[modeSteps.size()] = harness.outputSize();
        return new ModeRun(mode, modeSteps, harness.output(), outputEnds, harness.deadLetters());
    }

    private interface StepAction {
        void run() throws Exception;
    }

    private static void runStep(HarnessMode mode, int index, List<HarnessStep> steps, StepAction action) {
        try {
            action.run();
        } catch (Exception e) {
            String where = index == steps.size() ? "the end of input"
                    : "step #" + (index + 1) + " of " + steps.size() + ", " + steps.get(index);
            throw new AssertionError("mode '" + mode.name() + "': " + where + " threw " + e, e);
        }
    }

    /** Dead letters must not depend on the mode: the same records fail the same way, in any order. */
    private List<String> deadLetterFailures(List<ModeRun> runs) {
        List<String> failures = new ArrayList<>();
        ModeRun reference = runs.get(0);
        Map<DeadLetter, Integer> expected = count(reference.deadLetters());
        for (ModeRun run : runs.subList(1, runs.size())) {
            if (!count(run.deadLetters()).equals(expected)) {
                failures.add(failure(run, "dead letters differ from mode '" + reference.mode().name() + "'",
                        "expected: " + OutputComparison.show(reference.deadLetters()) + "\n    actual:   "
                                + OutputComparison.show(run.deadLetters())));
            }
        }
        return failures;
    }

    private static Map<DeadLetter, Integer> count(List<DeadLetter> deadLetters) {
        Map<DeadLetter, Integer> counts = new HashMap<>();
        for (DeadLetter letter : deadLetters) {
            counts.merge(letter, 1, Integer::sum);
        }
        return counts;
    }

    private String failure(ModeRun run, String what, String details) {
        String fed = run.steps().equals(steps) ? "" : "\n    steps this mode fed: " + OutputComparison.show(run.steps());
        return "mode '" + run.mode().name() + "' (" + comparisonFor(run.mode()).describe() + "): " + what + "\n    "
                + details + fed;
    }

    private void report(List<String> failures, boolean plainPassed, int modeCount) {
        if (failures.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("verifying operator '").append(operatorName)
                .append("' over ").append(steps.size()).append(" input steps in ").append(modeCount)
                .append(" modes found ").append(failures.size()).append(failures.size() == 1 ? " problem:" : " problems:");
        for (String failure : failures) {
            message.append("\n  ").append(failure);
        }
        if (plainPassed) {
            for (HarnessMode mode : modes) {
                boolean failed = failures.stream().anyMatch(f -> f.startsWith("mode '" + mode.name() + "'"));
                if (failed && !mode.hint().isEmpty()) {
                    message.append("\n  The plain run is right, so in mode '").append(mode.name())
                            .append("' suspect this: ").append(mode.hint()).append('.');
                }
            }
        }
        throw new AssertionError(message.toString());
    }
}
