package io.shepherd.bench.compare;

import java.util.Locale;

/** The engines the comparison runs its jobs on. */
enum Engine {
    SHEPHERD {
        @Override
        void run(RunSpec spec) throws Exception {
            ShepherdJobs.run(spec);
        }
    },
    FLINK {
        @Override
        void run(RunSpec spec) throws Exception {
            FlinkJobs.run(spec);
        }
    };

    /** Runs the job to its end in this JVM; what it measured is in the {@link Probe}. */
    abstract void run(RunSpec spec) throws Exception;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Engine fromLabel(String label) {
        for (Engine engine : values()) {
            if (engine.label().equals(label)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + label + "'; known: shepherd, flink");
    }
}
