package io.shepherd.testing;

import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.plan.Operation;
import io.shepherd.runtime.graph.Functions;

/**
 * An operation as the runtime ships it to a subtask: validated, serialized once, with the settings
 * the subtask runs under. Each {@link #newCopy()} is a fresh copy of the user's functions, as a
 * subtask gets when it starts — or starts again.
 *
 * @param original the operation as the user built it; only its kind and key selector are read
 * @param uid the id its state is stored under
 * @param errorPolicy the operator's own policy, or the job's when it has none
 */
record ShippedOperation(
        Operation original, String name, String uid, ErrorPolicy errorPolicy, int maxParallelism,
        long watermarkIntervalMs, byte[] bytes) {

    Operation newCopy() {
        return Functions.deserialize(bytes);
    }

    boolean keyed() {
        return original.keySelector() != null;
    }
}
