package io.shepherd.runtime.state;

import io.shepherd.api.state.StateDescriptor;
import java.util.HashMap;

/** One named keyed state: its descriptor and its entries, key to value (a list or map for those kinds). */
public record StateTable(StateDescriptor<?> descriptor, HashMap<Object, Object> entries) {

    void requireCompatible(StateDescriptor<?> requested, String operator) {
        if (requested.kind() != descriptor.kind() || !requested.type().equals(descriptor.type())) {
            throw new IllegalArgumentException("operator '" + operator + "' asks for " + requested
                    + " but the name is already used by " + descriptor + "; give each state its own name");
        }
    }
}
