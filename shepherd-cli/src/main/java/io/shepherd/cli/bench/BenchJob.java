package io.shepherd.cli.bench;

import io.shepherd.api.StreamEnvironment;
import io.shepherd.connectors.generator.GeneratorSource;
import java.util.Locale;

/** The end-to-end benchmark jobs: the same logical jobs the peer comparison runs on other engines. */
public enum BenchJob {
    /** generator → map → filter → discard: the cost of moving records, no state. */
    STATELESS {
        @Override
        void build(StreamEnvironment env, long records, double rate) {
            env.fromSource(generator(records, rate), "generator")
                    .map(value -> value * 3)
                    .filter(value -> (value & 1) == 0)
                    .sink(new InputEndSink<>());
        }
    },
    /** generator (key = value mod 10,000) → keyBy → running count in keyed state → discard. */
    KEYED_COUNT {
        @Override
        void build(StreamEnvironment env, long records, double rate) {
            env.fromSource(generator(records, rate), "generator")
                    .keyBy(value -> value % KEYS)
                    .count()
                    .sink(new InputEndSink<>());
        }
    };

    static final long KEYS = 10_000;

    /** @param rate records per second the source is held to; 0 for as fast as it goes */
    abstract void build(StreamEnvironment env, long records, double rate);

    private static GeneratorSource<Long> generator(long records, double rate) {
        GeneratorSource<Long> source = GeneratorSource.of(records, index -> index);
        return rate > 0 ? source.withRateLimit(rate) : source;
    }

    /** The name used on the command line and in results. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static BenchJob fromLabel(String label) {
        for (BenchJob job : values()) {
            if (job.label().equals(label)) {
                return job;
            }
        }
        throw new IllegalArgumentException("unknown bench job '" + label + "'; known: stateless, keyed-count");
    }
}
