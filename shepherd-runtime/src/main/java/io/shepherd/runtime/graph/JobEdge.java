package io.shepherd.runtime.graph;

import io.shepherd.api.functions.KeySelector;
import io.shepherd.api.plan.Partitioning;

/**
 * A connection between two tasks' vertices, with its partitioning resolved (never DEFAULT).
 *
 * @param targetInput which input of the target's head operator it feeds: 0, or 1 for the second
 *     input of a two-input operator
 * @param deadLetters whether it carries the source vertex's dead letters rather than its output
 */
public record JobEdge(
        JobVertex source, JobVertex target, Partitioning partitioning, KeySelector<?, ?> keySelector,
        int targetInput, boolean deadLetters) {}
