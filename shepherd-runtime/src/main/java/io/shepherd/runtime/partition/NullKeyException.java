package io.shepherd.runtime.partition;

import io.shepherd.runtime.Records;

/** A key selector returned null: a bug in the job, so it fails the job whatever the error policy. */
public final class NullKeyException extends IllegalStateException {
    private NullKeyException(String message) {
        super(message);
    }

    /** Returns the key, or throws naming the keyed operator and the record when it is null. */
    public static Object requireKey(Object key, String operator, Object record) {
        if (key == null) {
            throw new NullKeyException("the key selector of '" + operator + "' returned null for record "
                    + Records.describe(record) + "; keys must not be null");
        }
        return key;
    }
}
