package io.shepherd.runtime.pipeline;

import io.shepherd.runtime.testing.Multisets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares what a sink received with what the reference expects; says exactly what differs. */
final class SinkCheck {
    private SinkCheck() {}

    /** Empty when the sink got what was expected; otherwise what is wrong, precisely. */
    static String problems(ReferenceInterpreter.Expected expected, List<Rec> actual) {
        if (expected instanceof ReferenceInterpreter.Exact exact) {
            Multisets.Diff<Rec> diff = Multisets.diff(exact.records(), actual);
            return diff.isEmpty() ? "" : "expected " + exact.size() + " records, got " + actual.size() + ": " + diff;
        }
        return runningSumProblems(((ReferenceInterpreter.RunningSums) expected).inputValuesByKey(), actual);
    }

    private static String runningSumProblems(Map<Long, List<Long>> inputValues, List<Rec> actual) {
        Map<Long, List<Long>> emitted = new TreeMap<>();
        for (Rec rec : actual) {
            emitted.computeIfAbsent(rec.key(), k -> new ArrayList<>()).add(rec.value());
        }
        StringBuilder problems = new StringBuilder();
        if (!emitted.keySet().equals(inputValues.keySet())) {
            problems.append("keys expected ").append(inputValues.keySet()).append(", got ").append(emitted.keySet())
                    .append("; ");
        }
        inputValues.forEach((key, values) -> {
            List<Long> sums = new ArrayList<>(emitted.getOrDefault(key, List.of()));
            sums.sort(null);
            // Sorted running sums of non-negative values step up by exactly the values summed.
            List<Long> steps = new ArrayList<>();
            long previous = 0;
            for (long sum : sums) {
                steps.add(sum - previous);
                previous = sum;
            }
            Multisets.Diff<Long> diff = Multisets.diff(values, steps);
            long total = values.stream().mapToLong(Long::longValue).sum();
            if (!diff.isEmpty() || previous != total) {
                problems.append("key ").append(key).append(": final value ").append(previous).append(" (expected ")
                        .append(total).append("), emitted ").append(sums).append(" are not the running sums of ")
                        .append(values).append(" in any order; steps ").append(diff).append("; ");
            }
        });
        return problems.toString();
    }
}
