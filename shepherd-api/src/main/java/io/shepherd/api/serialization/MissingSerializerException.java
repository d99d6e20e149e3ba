package io.shepherd.api.serialization;

/**
 * No serializer is known for a type. This is a configuration error found when a job is built
 * (never while records flow): the message names the type, where it was met (for example which
 * record component), and how to register a serializer for it.
 */
public class MissingSerializerException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MissingSerializerException(String message) {
        super(message);
    }

    public MissingSerializerException(String message, Throwable cause) {
        super(message, cause);
    }
}
