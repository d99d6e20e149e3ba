package io.shepherd.runtime.state;

import io.shepherd.api.state.StateDescriptor;

/**
 * Restored state that no descriptor has asked for yet. State is created lazily, when the operator
 * first asks for it by descriptor, so restored entries wait here and are handed over then, after
 * checking that the descriptor describes what was stored. Snapshots taken in the meantime include
 * it, so state an operator leaves alone for a while is not lost.
 *
 * @param signature what the snapshot says the state is
 * @param contents the entries (keyed state) or the elements (operator lists)
 */
public record Unclaimed<C>(StateSignature signature, C contents) {

    /** Returns the contents if {@code requested} describes the stored state, else fails naming both. */
    C claim(StateDescriptor<?> requested, String operator) {
        requireSignature(requested.name(), StateSignature.of(requested), operator);
        return contents;
    }

    void requireSignature(String name, StateSignature requested, String operator) {
        if (!requested.equals(signature)) {
            throw new IllegalStateException("operator '" + operator + "' asks for state '" + name + "' as "
                    + requested + ", but the state restored under that name is " + signature
                    + ". Keep a state's kind and types across restores, or give the changed state a new name");
        }
    }
}
