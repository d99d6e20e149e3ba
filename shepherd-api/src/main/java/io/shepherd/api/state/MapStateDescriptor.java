package io.shepherd.api.state;

import java.util.Objects;

/** Describes a {@link MapState}; the state type is the map's value type. */
public final class MapStateDescriptor<K, V> extends StateDescriptor<V> {
    private final Class<K> keyType;

    public MapStateDescriptor(String name, Class<K> keyType, Class<V> valueType) {
        super(name, valueType);
        this.keyType = Objects.requireNonNull(keyType, "map key type");
    }

    public Class<K> keyType() {
        return keyType;
    }

    @Override
    public Kind kind() {
        return Kind.MAP;
    }
}
