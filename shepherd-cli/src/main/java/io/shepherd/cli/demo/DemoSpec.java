package io.shepherd.cli.demo;

/**
 * What a demo run does: its input (seed, transfers, accounts), how it runs, and what it promises.
 *
 * @param transfers how many transfers the source emits, 1 to {@link #MAX_TRANSFERS}
 * @param accounts how many accounts they move money between, 2 to {@link #MAX_ACCOUNTS}
 * @param parallelism subtasks per operator, 1 to {@link #MAX_PARALLELISM}
 * @param seed the input's seed: the same seed gives the same transfers, and the same failure plan
 * @param openingBalance every account's balance before the first transfer
 * @param guarantee what the verification demands
 * @param mechanism how failures are recovered from; acking keeps at-least-once only
 * @param checkpoints how checkpoints are taken: given exactly when the mechanism is checkpoints, and in a
 *     mode that keeps the guarantee
 * @param failures how many failures to inject, 0 to {@link #MAX_FAILURES}; none without a recovery mechanism
 */
public record DemoSpec(
        long transfers,
        int accounts,
        int parallelism,
        long seed,
        long openingBalance,
        Guarantee guarantee,
        RecoveryMechanism mechanism,
        CheckpointSettings checkpoints,
        int failures) {
    public static final long MAX_TRANSFERS = 1_000_000_000L;
    public static final int MAX_ACCOUNTS = 100_000_000;
    /** Far beyond what one machine runs well; a bound, so a typo cannot start a million tasks. */
    public static final int MAX_PARALLELISM = 1024;
    /** Each failure is a restart of the whole job; a bound, so a typo cannot restart it for hours. */
    public static final int MAX_FAILURES = 100;
    public static final long DEFAULT_OPENING_BALANCE = 1_000_000;

    public DemoSpec {
        if (guarantee == null || mechanism == null) {
            throw new IllegalArgumentException("guarantee and mechanism must be given");
        }
        if (transfers < 1 || transfers > MAX_TRANSFERS) {
            throw new IllegalArgumentException("transfers must be in 1.." + MAX_TRANSFERS + ", got " + transfers);
        }
        if (accounts < 2 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be in 2.." + MAX_ACCOUNTS + ", got " + accounts);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be in 1.." + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (failures < 0 || failures > MAX_FAILURES) {
            throw new IllegalArgumentException("failures must be in 0.." + MAX_FAILURES + ", got " + failures);
        }
        if ((mechanism == RecoveryMechanism.CHECKPOINTS) != (checkpoints != null)) {
            throw new IllegalArgumentException("checkpoint settings go with the checkpoints mechanism, and only "
                    + "with it; the mechanism is " + mechanism.label());
        }
        if (failures > 0 && mechanism == RecoveryMechanism.NONE) {
            throw new IllegalArgumentException("injecting failures needs a recovery mechanism: with none, the first "
                    + "failure ends the run");
        }
        if (mechanism == RecoveryMechanism.ACKING && guarantee != Guarantee.AT_LEAST_ONCE) {
            throw new IllegalArgumentException("ack mode emits a transfer again when its tree fails, applying the leg "
                    + "that had got through a second time, so it cannot keep the " + guarantee.label()
                    + " guarantee: promise at-least-once, or use checkpoints");
        }
        if (checkpoints != null && !checkpoints.checkpointing().keeps().keeps(guarantee)) {
            throw new IllegalArgumentException(checkpoints.checkpointing().label() + " checkpointing may apply a leg "
                    + "twice after a restore, so it cannot keep the " + guarantee.label()
                    + " guarantee: use aligned or unaligned checkpointing, or promise at-least-once");
        }
    }

    /** A run without failures or checkpoints, exactly-once, as the demo does by default. */
    public static DemoSpec of(long transfers, int accounts, int parallelism, long seed) {
        return new DemoSpec(transfers, accounts, parallelism, seed, DEFAULT_OPENING_BALANCE,
                Guarantee.EXACTLY_ONCE, RecoveryMechanism.NONE, null, 0);
    }

    /** Two legs per transfer. */
    public long legsExpected() {
        return transfers * 2;
    }
}
