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

        @Override
        boolean runs(PeerJob job) {
            return job != PeerJob.KEYED_COUNT_ACKED; // Flink has no per-record acking
        }
    },
    STORM {
        @Override
        void run(RunSpec spec) throws Exception {
            StormJobs.run(spec);
        }

        @Override
        boolean runs(PeerJob job) {
            return job == PeerJob.KEYED_COUNT || job == PeerJob.KEYED_COUNT_ACKED;
        }
    };

    /** Runs the job to its end in this JVM; what it measured is in the {@link Probe}. */
    abstract void run(RunSpec spec) throws Exception;

    /** Whether this engine has a version of the job. */
    boolean runs(PeerJob job) {
        return true;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Engine fromLabel(String label) {
        for (Engine engine : values()) {
            if (engine.label().equals(label)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + label + "'; known: shepherd, flink, storm");
    }
}
