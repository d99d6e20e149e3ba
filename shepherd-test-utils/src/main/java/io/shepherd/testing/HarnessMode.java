package io.shepherd.testing;

import io.shepherd.api.plan.Operation;
import java.util.List;

/**
 * One way {@link OperatorVerifier} runs a test's steps. Every mode must lead a correct function to
 * the same output; a mode exists because some mistake in a function makes its output differ there.
 * The built-in modes are in {@link HarnessModes}.
 *
 * <p>This is the extension point for new ways of breaking a function. A mode may change the steps
 * (add or split them, never change what a correct function computes), act on the harness between
 * steps (e.g. restart the operator), and say how its output compares. Checkpointing adds its mode
 * here: snapshot the operator's state to bytes and restore a new instance from them after every
 * step.
 */
public interface HarnessMode {

    /** A short name for messages, e.g. "restart after every step". */
    String name();

    /**
     * The steps this mode feeds the operator, derived from the test's steps; the same steps by
     * default. The verifier ends the input after them (final watermark, then finish).
     */
    default List<HarnessStep> steps(List<HarnessStep> steps) {
        return steps;
    }

    /** Runs after each step has been applied, before the next one; the verifier ends the input after the last. */
    default void afterStep(OperatorHarness harness) throws Exception {}

    /**
     * Whether this mode keeps the order of the output. A mode that moves watermarks may legitimately
     * change when timers fire relative to records, so its records are compared in any order and its
     * watermarks not at all.
     */
    default boolean preservesOrder() {
        return true;
    }

    /**
     * Refuses operations this mode cannot judge fairly, with an {@link IllegalArgumentException}
     * that says why and how to leave the mode out.
     */
    default void checkApplicable(Operation operation) {}

    /** What to suspect in the function when this mode's output is wrong and the plain run's is right. */
    default String hint() {
        return "";
    }
}
