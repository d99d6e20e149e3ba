package io.shepherd.api.plan;

import io.shepherd.api.ErrorPolicy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One operation of a job as the user wrote it, with its settings and inputs. Built up by the fluent
 * API ({@code DataStream}), then validated and translated by the runtime.
 */
public final class PlanNode implements Serializable {
    /** Parallelism not set on the node: the job's default applies. */
    public static final int DEFAULT_PARALLELISM = 0;

    private final int id;
    private final Operation operation;
    private final List<PlanEdge> inputs = new ArrayList<>();
    private String name;
    private String uid;
    private int parallelism = DEFAULT_PARALLELISM;
    private ErrorPolicy errorPolicy;

    public PlanNode(int id, String name, Operation operation) {
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    public int id() {
        return id;
    }

    public Operation operation() {
        return operation;
    }

    public List<PlanEdge> inputs() {
        return inputs;
    }

    public void addInput(PlanEdge edge) {
        inputs.add(Objects.requireNonNull(edge, "edge"));
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("operator name must be non-empty");
        }
        this.name = name;
    }

    /** The user-set stable id, or null; checkpoints key state by it (or by a derived id when unset). */
    public String uid() {
        return uid;
    }

    public void setUid(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("uid of operator '" + name + "' must be non-empty");
        }
        this.uid = uid;
    }

    public int parallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "parallelism of operator '" + name + "' must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** The operator's own error policy, or null to follow the job's. */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    public void setErrorPolicy(ErrorPolicy errorPolicy) {
        this.errorPolicy = Objects.requireNonNull(errorPolicy, "error policy");
    }

    @Override
    public String toString() {
        return "'" + name + "' (#" + id + (uid != null ? ", uid " + uid : "") + ")";
    }
}
