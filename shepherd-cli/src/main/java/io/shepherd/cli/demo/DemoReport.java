package io.shepherd.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode node = JSON.createObjectNode();
        node.put("guarantee", spec.guarantee().label());
        node.put("mechanism", spec.mechanism().label());
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
        node.put("failures_injected", outcome.failuresInjected());
        node.put("recoveries", outcome.recoveries());
        node.put("records_per_second", Math.round(outcome.transfersPerSecond()));
        node.put("wall_ms", outcome.jobDuration().toMillis());
        node.put("verified", outcome.verified());
        addAll(node.putArray("lost_legs"), v.lostLegs());
        addAll(node.putArray("duplicated_legs"), v.duplicatedLegs());
        addAll(node.putArray("mismatched_balances"), v.mismatchedBalances());
        return node.toString();
    }

    /** A few lines for a person: what ran, what was checked, and the verdict last. */
    public static String human(DemoOutcome outcome) {
        DemoSpec spec = outcome.spec();
        Verification v = outcome.verification();
        StringBuilder out = new StringBuilder();
        line(out, "Bank transfers on the embedded engine: %,d transfers over %,d accounts, parallelism %d, seed %d",
                spec.transfers(), spec.accounts(), spec.parallelism(), spec.seed());
        line(out, "  guarantee %s, recovery mechanism %s, %d failures injected, %d recoveries",
                spec.guarantee().label(), spec.mechanism().label(), outcome.failuresInjected(), outcome.recoveries());
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
            line(out, "VERIFIED %s: %s", spec.guarantee().label(), kept(spec.guarantee(), v));
        } else {
            line(out, "NOT VERIFIED: the output breaks the %s guarantee (see above).", spec.guarantee().label());
        }
        return out.toString();
    }

    private static String kept(Guarantee guarantee, Verification v) {
        return switch (guarantee) {
            case EXACTLY_ONCE -> "every leg applied exactly once, every final balance right, total money conserved.";
            case AT_LEAST_ONCE -> String.format(Locale.ROOT,
                    "no leg lost (%,d duplicated applications, which at-least-once allows).", v.duplicated());
            case AT_MOST_ONCE -> String.format(Locale.ROOT,
                    "no leg applied twice (%,d lost legs, which at-most-once allows).", v.lost());
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
}
