package io.shepherd.runtime.pipeline;

import io.shepherd.api.functions.KeySelector;

/** A key selector of generated pipelines: the key field, or a function of key and value. */
public record KeySel(Kind kind, long modulus) implements KeySelector<Rec, Long> {
    /** How the key is derived. */
    public enum Kind {
        FIELD,
        VALUE_MOD,
        KEY_PLUS_VALUE_MOD
    }

    public static KeySel field() {
        return new KeySel(Kind.FIELD, 0);
    }

    @Override
    public Long getKey(Rec rec) {
        return of(rec);
    }

    public long of(Rec rec) {
        return switch (kind) {
            case FIELD -> rec.key();
            case VALUE_MOD -> Math.floorMod(rec.value(), modulus);
            case KEY_PLUS_VALUE_MOD -> Math.floorMod(rec.key() + rec.value(), modulus);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FIELD -> "key";
            case VALUE_MOD -> "value%" + modulus;
            case KEY_PLUS_VALUE_MOD -> "(key+value)%" + modulus;
        };
    }
}
