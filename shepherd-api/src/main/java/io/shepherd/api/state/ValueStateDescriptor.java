package io.shepherd.api.state;

/** Describes a {@link ValueState}. */
public final class ValueStateDescriptor<T> extends StateDescriptor<T> {
    public ValueStateDescriptor(String name, Class<T> type) {
        super(name, type);
    }

    @Override
    public Kind kind() {
        return Kind.VALUE;
    }
}
