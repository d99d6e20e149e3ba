package io.shepherd.testkit.sim;

import io.shepherd.testkit.time.SimTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the text of a {@link SimulationFailure}: the headline first, then everything needed to
 * understand and replay it, then the trace that led up to it.
 */
final class FailureReport {

    private final Map<String, Supplier<String>> context = new LinkedHashMap<>();

    void addContext(String title, Supplier<String> text) {
        if (context.putIfAbsent(title, text) != null) {
            throw new IllegalArgumentException("failure context '" + title + "' is already registered");
        }
    }

    String render(String headline, String detail, long seed, long timeNs, long eventIndex, EventTrace trace) {
        StringBuilder text = new StringBuilder(headline).append('\n');
        if (detail != null && !detail.isEmpty()) {
            text.append(indent(detail));
        }
        text.append("  seed ").append(seed).append(" (replay with -Dshepherd.seed=").append(seed).append(")\n");
        text.append("  at simulated ").append(SimTime.format(timeNs)).append(", event #").append(eventIndex)
                .append('\n');
        for (Map.Entry<String, Supplier<String>> section : context.entrySet()) {
            text.append(section.getKey()).append(":\n").append(indent(describe(section.getValue())));
        }
        int held = trace.entries().size();
        text.append("last ").append(held).append(" of ").append(trace.recorded())
                .append(" trace entries, oldest first:\n")
                .append(trace.render());
        return text.toString();
    }

    /** A context that fails to describe itself must not hide the failure being reported. */
    private static String describe(Supplier<String> section) {
        try {
            return String.valueOf(section.get());
        } catch (RuntimeException e) {
            return "(could not be described: " + e + ")";
        }
    }

    private static String indent(String block) {
        StringBuilder text = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (!line.isEmpty()) {
                text.append("  ").append(line).append('\n');
            }
        }
        return text.toString();
    }
}
