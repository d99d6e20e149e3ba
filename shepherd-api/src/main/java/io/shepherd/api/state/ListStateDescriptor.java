package io.shepherd.api.state;

/** Describes a {@link ListState}; the type is the element type. */
public final class ListStateDescriptor<T> extends StateDescriptor<T> {
    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name, elementType);
    }

    @Override
    public Kind kind() {
        return Kind.LIST;
    }
}
