package io.shepherd.testkit.example;

/**
 * Bugs that can be switched on in the example election, each a classic of quorum protocols, so that
 * a test can prove the simulation kit finds them.
 */
enum Flaw {
    /** The protocol as it should be. */
    NONE,
    /** A journal node grants an epoch equal to its promise, not only a higher one: an off-by-one. */
    GRANTS_EQUAL_EPOCH,
    /** A writer counts grant messages instead of distinct journal nodes, so a duplicate counts twice. */
    COUNTS_DUPLICATE_GRANTS,
    /** A journal node keeps its promise in memory only, so a restart forgets it. */
    FORGETS_PROMISE_ON_RESTART
}
