package io.shepherd.testkit.sim;

/**
 * A property of the whole simulated system that must hold at every check, such as "at most one leader
 * per epoch".
 *
 * <p>An invariant reads the state of the simulation (the nodes' state machines, and any history the
 * test records on the side, such as every grant ever made) and says what is wrong if anything is. It
 * must not change the simulation: it runs after events, and a check that sent a message or drew a
 * random number would make the run depend on how often invariants are checked. It may keep history
 * of its own (the highest epoch seen so far, to check that epochs never go backwards), provided that
 * history only grows from what it observes.
 */
@FunctionalInterface
public interface Invariant {

    /**
     * Checks the invariant against the present state.
     *
     * @return null when it holds; otherwise what is wrong, naming the nodes, epochs or values involved
     *     so that the report can be acted on without re-running
     */
    String violation();
}
