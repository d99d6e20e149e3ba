package io.shepherd.connectors.generator;

import io.shepherd.api.functions.FunctionContext;
import io.shepherd.api.source.Source;
import io.shepherd.api.source.SourceReader;
import java.util.Objects;

/**
 * A parallel, deterministic and replayable source that makes its records from their sequence
 * numbers: the record at index {@code i} is {@code function(i)}, for {@code i} from 0 up to a count
 * (bounded) or without end (unbounded).
 *
 * <ul>
 *   <li><b>Parallel.</b> Subtask {@code s} of {@code n} generates the indices {@code s, s+n, s+2n, ...},
 *       so the set of records does not depend on the parallelism, only their interleaving does.
 *   <li><b>Deterministic.</b> A {@linkplain #seeded seeded} function is handed random numbers derived
 *       from {@code (seed, index)} alone (see {@link IndexRandom}), so the record at an index is the
 *       same at any parallelism and after any number of restarts.
 *   <li><b>Replayable.</b> Each reader keeps the next index it will generate in operator list state
 *       {@code "position"} (one {@code Long}), with the parallelism in {@code "parallelism"} (one
 *       {@code Integer}); it writes them on every snapshot and resumes from them when it is created
 *       over restored state. The position can only be restored at the parallelism it was taken at; a
 *       reader restored with another one fails with an error saying so.
 *   <li><b>Rate limited</b>, optionally: {@link #withRateLimit} caps the whole source at a number of
 *       records per second, split evenly over the subtasks and measured on the engine's processing-time
 *       clock. A reader ahead of its rate reports {@code NOTHING_AVAILABLE}; it never sleeps.
 * </ul>
 *
 * <p>Readers emit a run of up to {@value GeneratorReader#MAX_RUN} records per poll and allocate
 * nothing per record beyond what the function allocates, so a trivial function runs at tens of
 * millions of records per second per core.
 *
 * <pre>{@code
 * env.fromSource(GeneratorSource.of(1_000_000, i -> i), "numbers");
 * env.fromSource(GeneratorSource.seeded(1_000_000, 42, (i, random) -> new Order(i, random.nextInt(100))), "orders");
 * }</pre>
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class GeneratorSource<T> implements Source<T> {
    private static final long serialVersionUID = 1L;

    /** The count of an unbounded source: indices run up to {@link Long#MAX_VALUE}, which is never reached. */
    static final long UNBOUNDED = Long.MAX_VALUE;

    private final SeededRecordFunction<T> function;
    private final boolean usesRandom;
    private final long seed;
    private final long count;
    private final double recordsPerSecond;

    private GeneratorSource(
            SeededRecordFunction<T> function, boolean usesRandom, long seed, long count, double recordsPerSecond) {
        this.function = function;
        this.usesRandom = usesRandom;
        this.seed = seed;
        this.count = count;
        this.recordsPerSecond = recordsPerSecond;
    }

    /** The records {@code function(0) ... function(count - 1)}. */
    public static <T> GeneratorSource<T> of(long count, RecordFunction<T> function) {
        return new GeneratorSource<>(adapt(function), false, 0, requireCount(count), 0);
    }

    /** The records {@code function(0), function(1), ...} without end. */
    public static <T> GeneratorSource<T> unbounded(RecordFunction<T> function) {
        return new GeneratorSource<>(adapt(function), false, 0, UNBOUNDED, 0);
    }

    /** {@code count} records, each made from its index and random numbers that depend only on {@code (seed, index)}. */
    public static <T> GeneratorSource<T> seeded(long count, long seed, SeededRecordFunction<T> function) {
        return new GeneratorSource<>(
                Objects.requireNonNull(function, "record function"), true, seed, requireCount(count), 0);
    }

    /** Like {@link #seeded(long, long, SeededRecordFunction)}, without end. */
    public static <T> GeneratorSource<T> seededUnbounded(long seed, SeededRecordFunction<T> function) {
        return new GeneratorSource<>(Objects.requireNonNull(function, "record function"), true, seed, UNBOUNDED, 0);
    }

    /**
     * This source, emitting at most {@code recordsPerSecond} records per second in total; each of
     * {@code n} subtasks takes {@code recordsPerSecond / n}.
     */
    public GeneratorSource<T> withRateLimit(double recordsPerSecond) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException(
                    "rate limit must be a positive, finite number of records per second, got " + recordsPerSecond);
        }
        return new GeneratorSource<>(function, usesRandom, seed, count, recordsPerSecond);
    }

    /** Whether the source ends after {@link #count()} records. */
    public boolean isBounded() {
        return count != UNBOUNDED;
    }

    /** How many records the source emits in total; {@link Long#MAX_VALUE} when unbounded. */
    public long count() {
        return count;
    }

    /** The rate limit in records per second for the whole source; 0 when there is none. */
    public double rateLimit() {
        return recordsPerSecond;
    }

    @Override
    public SourceReader<T> createReader(FunctionContext context) {
        RateLimiter limiter =
                recordsPerSecond > 0 ? new RateLimiter(recordsPerSecond / context.parallelism()) : null;
        IndexRandom random = usesRandom ? new IndexRandom(seed) : null;
        return new GeneratorReader<>(function, random, count, limiter, context);
    }

    @Override
    public String toString() {
        return "GeneratorSource{count=" + (isBounded() ? Long.toString(count) : "unbounded")
                + (usesRandom ? ", seed=" + seed : "")
                + (recordsPerSecond > 0 ? ", rate=" + recordsPerSecond + "/s" : "") + "}";
    }

    private static <T> SeededRecordFunction<T> adapt(RecordFunction<T> function) {
        Objects.requireNonNull(function, "record function");
        return (index, random) -> function.apply(index);
    }

    private static long requireCount(long count) {
        if (count < 0 || count == UNBOUNDED) {
            throw new IllegalArgumentException("count must be between 0 and " + (UNBOUNDED - 1) + ", got " + count
                    + "; use unbounded(...) for a source without end");
        }
        return count;
    }
}
