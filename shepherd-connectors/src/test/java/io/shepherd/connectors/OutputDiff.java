package io.shepherd.connectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares a sink's output with the records of a run without failures, record by record. */
public final class OutputDiff {
    private static final int SHOWN = 50;

    private OutputDiff() {}

    /**
     * Fails unless {@code actual} holds exactly the records of {@code expected}, each as often, in any
     * order; the message lists the records lost and the records doubled or made up.
     */
    public static void assertSameRecords(List<String> expected, List<String> actual, String context) {
        Map<String, Integer> balance = new HashMap<>();
        expected.forEach(record -> balance.merge(record, 1, Integer::sum));
        actual.forEach(record -> balance.merge(record, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        balance.forEach((record, count) -> {
            for (int i = 0; i < Math.abs(count); i++) {
                (count > 0 ? missing : extra).add(record);
            }
        });
        if (!missing.isEmpty() || !extra.isEmpty()) {
            missing.sort(null);
            extra.sort(null);
            throw new AssertionError(context + ": expected " + expected.size() + " records, found " + actual.size()
                    + "; missing " + missing.size() + ": " + head(missing) + "; extra (doubled or made up) "
                    + extra.size() + ": " + head(extra));
        }
    }

    private static List<String> head(List<String> records) {
        return records.size() <= SHOWN ? records : records.subList(0, SHOWN);
    }
}
