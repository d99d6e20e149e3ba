package io.shepherd.api.plan;

import io.shepherd.api.functions.KeySelector;
import java.io.Serializable;
import java.util.Objects;

/**
 * An input of a plan node: records flow from node {@code sourceId} under {@code partitioning};
 * {@code keySelector} is set exactly when the partitioning is {@link Partitioning#HASH}.
 */
public record PlanEdge(int sourceId, Partitioning partitioning, KeySelector<?, ?> keySelector) implements Serializable {
    public PlanEdge {
        Objects.requireNonNull(partitioning, "partitioning");
        if ((partitioning == Partitioning.HASH) != (keySelector != null)) {
            throw new IllegalArgumentException("a key selector goes with HASH partitioning and only with it");
        }
    }
}
