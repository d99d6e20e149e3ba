package io.shepherd.runtime.state;

import io.shepherd.api.state.MapStateDescriptor;
import io.shepherd.api.state.StateDescriptor;
import java.util.Objects;

/**
 * What a snapshot records about a named state so that a restore can tell whether the state the
 * operator asks for is the one that was stored: its kind and its types, by class name (the classes
 * need not be loaded to compare them).
 *
 * @param kind value, list, map or reducing
 * @param type the value type, the list element type, or the map value type
 * @param mapKeyType the map key type for {@link StateDescriptor.Kind#MAP}, else null
 */
public record StateSignature(StateDescriptor.Kind kind, String type, String mapKeyType) {

    public StateSignature {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        if ((kind == StateDescriptor.Kind.MAP) != (mapKeyType != null)) {
            throw new IllegalArgumentException("a map key type is given for map state and only for it, got " + kind
                    + " with key type " + mapKeyType);
        }
    }

    public static StateSignature of(StateDescriptor<?> descriptor) {
        String mapKeyType = descriptor instanceof MapStateDescriptor<?, ?> map ? map.keyType().getName() : null;
        return new StateSignature(descriptor.kind(), descriptor.type().getName(), mapKeyType);
    }

    @Override
    public String toString() {
        return kind + " state of " + (mapKeyType == null ? type : mapKeyType + " -> " + type);
    }
}
