package io.shepherd.api.serialization;

/** The one error for a {@code null} given to a serializer that does not accept it. */
final class Nulls {
    private Nulls() {}

    static SerializationException rejected(String serializerId) {
        return new SerializationException("the '" + serializerId + "' serializer cannot write null; wrap it with "
                + "Serializers.nullable(...) if null is a valid value, or find where the null comes from");
    }
}
