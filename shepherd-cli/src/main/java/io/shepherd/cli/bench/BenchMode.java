package io.shepherd.cli.bench;

import io.shepherd.api.StreamEnvironment;
import java.util.Locale;

/** The delivery guarantee a bench run pays for; runs of several modes in one invocation compare them. */
public enum BenchMode {
    /** No tracking and no checkpoints: at-most-once, the reference. */
    NONE {
        @Override
        void configure(StreamEnvironment env) {}
    },
    /** Ack mode: every record's tree tracked, at-least-once (docs/ack-mode.md). */
    ACKING {
        @Override
        void configure(StreamEnvironment env) {
            env.config().acking().enable();
        }
    };

    abstract void configure(StreamEnvironment env);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BenchMode fromLabel(String label) {
        for (BenchMode mode : values()) {
            if (mode.label().equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown bench mode '" + label + "'; known: none, acking");
    }
}
