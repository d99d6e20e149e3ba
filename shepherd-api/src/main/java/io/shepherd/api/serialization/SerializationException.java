package io.shepherd.api.serialization;

/**
 * A value could not be written or read: the input is truncated or corrupt, or a value breaks the
 * serializer's contract (for example a {@code null} given to a serializer that does not accept one).
 *
 * <p>Messages name the byte position in the input where reading failed, so that a corrupt state
 * file or frame can be located.
 */
public class SerializationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
