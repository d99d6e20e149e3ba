package io.shepherd.api.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of state and its value type. The name is unique within an operator; with the
 * operator's uid it is what checkpoints and savepoints key the state by.
 */
public abstract class StateDescriptor<T> implements Serializable {
    private final String name;
    private final Class<T> type;

    protected StateDescriptor(String name, Class<T> type) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("state name must be non-empty");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "state type");
    }

    public String name() {
        return name;
    }

    /** The type of what is stored: the value, the list element, or the map value. */
    public Class<T> type() {
        return type;
    }

    /** Which kind of state this describes; two descriptors of the same name must agree on it. */
    public abstract Kind kind();

    /** The kinds of state. */
    public enum Kind {
        VALUE,
        LIST,
        MAP,
        REDUCING
    }

    @Override
    public String toString() {
        return kind() + " state '" + name + "' of " + type.getName();
    }
}
