package io.shepherd.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.execution.Recovery;
import java.util.List;
import java.util.Locale;

/** A demo run told two ways: a short summary for people, one JSON object for machines. */
public final class DemoReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoReport() {}

    /** The JSON report on one line; its field names are a contract that scripts rely on. */
    public static String json(DemoOutcome outcome) {
        DemoSpec spec = outcome.spec();
        Verification v = outcome.verification();
        CheckpointSettings checkpoints = spec.checkpoints();
        ObjectNode node = JSON.createObjectNode();
        node.put("guarantee", spec.guarantee().label());
        node.put("mechanism", spec.mechanism().label());
        if (checkpoints == null) {
            node.putNull("checkpointing");
            node.putNull("checkpoint_interval_ms");
        } else {
            node.put("checkpointing", checkpoints.checkpointing().label());
            node.put("checkpoint_interval_ms", checkpoints.interval().toMillis());
        }
        node.put("transfers", spec.transfers());
        node.put("accounts", spec.accounts());
        node.put("parallelism", spec.parallelism());
        node.put("seed", spec.seed());
        node.put("legs_expected", v.legsExpected());
        node.put("legs_applied", v.legsApplied());
        node.put("lost", v.lost());
        node.put("duplicated", v.duplicated());
        node.put("unexpected", v.unexpected());
        node.put("balance_mismatches", v.balanceMismatches());
        node.put("money_drift", v.moneyDrift());
        node.put("failures", spec.failures());
        node.put("failures_injected", outcome.injected().size());
        node.put("recoveries", outcome.recoveryCount());
        node.put("recovery_ms_mean", roundedMillis(outcome.recoveryMsMean()));
        node.put("recovery_ms_max", roundedMillis(outcome.recoveryMsMax()));
        node.put("records_per_second", Math.round(outcome.transfersPerSecond()));
        node.put("wall_ms", outcome.jobDuration().toMillis());
        node.put("verified", outcome.verified());
        addAll(node.putArray("lost_legs"), v.lostLegs());
        addAll(node.putArray("duplicated_legs"), v.duplicatedLegs());
        addAll(node.putArray("mismatched_balances"), v.mismatchedBalances());
        ArrayNode injected = node.putArray("injected_failures");
        for (FailureInjector.Injection injection : outcome.injected()) {
            injected.addObject().put("site", injection.point().site().operator())
                    .put("kind", injection.point().kind().label()).put("tx", injection.txId());
        }
        ArrayNode recoveries = node.putArray("recovery_list");
        for (Recovery recovery : outcome.recoveries()) {
            recoveries.addObject()
                    .put("failed_task", recovery.failedTask())
                    .put("restored_checkpoint", recovery.restoredCheckpoint())
                    .put("recovery_ms", roundedMillis(DemoOutcome.millis(recovery)));
        }
        ackFields(node, outcome);
        outcome.recoveryShortfall().ifPresent(shortfall -> node.put("recovery_shortfall", shortfall));
        return node.toString();
    }

    /** What ack mode counted; null outside it. */
    private static void ackFields(ObjectNode node, DemoOutcome outcome) {
        if (outcome.spec().mechanism() != RecoveryMechanism.ACKING) {
            for (String field : List.of("replays", "failed_trees", "timeouts", "latency_ms_p50", "latency_ms_p99")) {
                node.putNull(field);
            }
            return;
        }
        AckMetrics acking = outcome.acking();
        node.put("replays", acking.replayed());
        node.put("failed_trees", acking.failed());
        node.put("timeouts", acking.timedOut());
        node.put("latency_ms_p50", roundedMillis(acking.latencyP50Us() / 1000.0));
        node.put("latency_ms_p99", roundedMillis(acking.latencyP99Us() / 1000.0));
    }

    /** A few lines for a person: what ran, what was checked, and the verdict last. */
    public static String human(DemoOutcome outcome) {
        DemoSpec spec = outcome.spec();
        Verification v = outcome.verification();
        StringBuilder out = new StringBuilder();
        line(out, "Bank transfers on the embedded engine: %,d transfers over %,d accounts, parallelism %d, seed %d",
                spec.transfers(), spec.accounts(), spec.parallelism(), spec.seed());
        line(out, "  guarantee %s, %s, %d failures injected, %d recoveries", spec.guarantee().label(),
                recoveryMechanism(spec), outcome.injected().size(), outcome.recoveryCount());
        failureLines(out, outcome);
        if (spec.mechanism() == RecoveryMechanism.ACKING) {
            AckMetrics acking = outcome.acking();
            line(out, "  ack mode: %,d replays (%,d trees failed, %,d timed out); complete latency p50 %.2f ms, "
                    + "p99 %.2f ms", acking.replayed(), acking.failed(), acking.timedOut(),
                    acking.latencyP50Us() / 1000.0, acking.latencyP99Us() / 1000.0);
        }
        line(out, "  ran in %.2f s: %,.0f transfers/s", outcome.jobDuration().toNanos() / 1e9,
                outcome.transfersPerSecond());
        line(out, "  legs: %,d expected, %,d applied, %,d lost, %,d duplicated%s", v.legsExpected(), v.legsApplied(),
                v.lost(), v.duplicated(), v.unexpected() == 0 ? "" : String.format(Locale.ROOT, ", %,d unexpected",
                        v.unexpected()));
        line(out, "  balances: %,d of %,d accounts right; money drift %,d", spec.accounts() - v.balanceMismatches(),
                spec.accounts(), v.moneyDrift());
        examples(out, "lost", v.lost(), v.lostLegs());
        examples(out, "duplicated", v.duplicatedLegs().size(), v.duplicatedLegs());
        examples(out, "wrong balances", v.balanceMismatches(), v.mismatchedBalances());
        if (outcome.verified()) {
            line(out, "VERIFIED %s: %s", spec.guarantee().label(), kept(outcome));
        } else if (!v.satisfies(spec.guarantee())) {
            line(out, "NOT VERIFIED: the output breaks the %s guarantee (see above).", spec.guarantee().label());
        } else {
            line(out, "NOT VERIFIED: %s.", outcome.recoveryShortfall().orElseThrow());
        }
        return out.toString();
    }

    private static String recoveryMechanism(DemoSpec spec) {
        CheckpointSettings checkpoints = spec.checkpoints();
        if (checkpoints == null) {
            return "recovery mechanism " + spec.mechanism().label();
        }
        return "recovery by " + checkpoints.checkpointing().label() + " checkpoints every "
                + Durations.format(checkpoints.interval());
    }

    /** One line per failure, with the recovery that followed it, then the recovery times. */
    private static void failureLines(StringBuilder out, DemoOutcome outcome) {
        List<FailureInjector.Injection> injected = outcome.injected();
        List<Recovery> recoveries = outcome.recoveries();
        boolean acking = outcome.spec().mechanism() == RecoveryMechanism.ACKING;
        for (int i = 0; i < injected.size(); i++) {
            FailureInjector.Injection injection = injected.get(i);
            String recovered = acking ? replayed(injection.point().kind())
                    : i < recoveries.size() ? recovered(recoveries.get(i)) : "no recovery reported";
            line(out, "    failure %d, %s in %s at tx %,d: %s", injection.point().number(),
                    injection.point().kind().label(), injection.point().site().operator(), injection.txId(), recovered);
        }
        if (!recoveries.isEmpty()) {
            line(out, "  recovery time: %.1f ms mean, %.1f ms max", outcome.recoveryMsMean(), outcome.recoveryMsMax());
        }
    }

    private static String replayed(FailureKind kind) {
        return switch (kind) {
            case THROW -> "its tree failed and the source emitted the transfer again";
            case DROP -> "its tree timed out and the source emitted the transfer again";
        };
    }

    private static String recovered(Recovery recovery) {
        String from = recovery.restoredCheckpoint() < 0 ? "restarted from the start"
                : "restored checkpoint " + recovery.restoredCheckpoint();
        return String.format(Locale.ROOT, "%s, recovered in %.1f ms", from, DemoOutcome.millis(recovery));
    }

    private static String kept(DemoOutcome outcome) {
        Verification v = outcome.verification();
        String through = outcome.injected().isEmpty() ? ""
                : String.format(Locale.ROOT, " through %d failures", outcome.injected().size());
        return switch (outcome.spec().guarantee()) {
            case EXACTLY_ONCE -> "every leg applied exactly once, every final balance right, total money conserved"
                    + through + ".";
            case AT_LEAST_ONCE -> String.format(Locale.ROOT,
                    "no leg lost%s (%,d duplicated applications, which at-least-once allows).", through,
                    v.duplicated());
            case AT_MOST_ONCE -> String.format(Locale.ROOT,
                    "no leg applied twice%s (%,d lost legs, which at-most-once allows).", through, v.lost());
        };
    }

    private static void examples(StringBuilder out, String what, long count, List<String> examples) {
        if (!examples.isEmpty()) {
            line(out, "  %s: %s%s", what, String.join(", ", examples), count > examples.size() ? ", ..." : "");
        }
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static void addAll(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** Milliseconds to a microsecond: finer is noise, coarser hides fast recoveries. */
    private static double roundedMillis(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
