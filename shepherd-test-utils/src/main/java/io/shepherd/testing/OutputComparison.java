package io.shepherd.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a mode's output with what was expected, and says how they differ: the first difference
 * when order counts, the missing and unexpected items when it does not.
 */
final class OutputComparison {
    /** Lists longer than this are cut short in messages. */
    private static final int MAX_ITEMS_SHOWN = 30;

    private final boolean ordered;
    private final boolean withWatermarks;

    /**
     * @param ordered whether order counts
     * @param withWatermarks whether watermarks are compared (only ever together with order)
     */
    OutputComparison(boolean ordered, boolean withWatermarks) {
        this.ordered = ordered;
        this.withWatermarks = withWatermarks && ordered;
    }

    /** Returns null when {@code run}'s output matches {@code expected}, else what differs. */
    String mismatch(List<StreamItem> expected, ModeRun run) {
        List<StreamItem> want = view(expected);
        List<Integer> positions = new ArrayList<>();
        List<StreamItem> got = new ArrayList<>();
        for (int i = 0; i < run.output().size(); i++) {
            StreamItem item = run.output().get(i);
            if (shows(item)) {
                got.add(item);
                positions.add(i);
            }
        }
        return ordered ? orderedMismatch(want, got, positions, run) : unorderedMismatch(want, got);
    }

    /** What of {@code items} this comparison looks at. */
    List<StreamItem> view(List<StreamItem> items) {
        List<StreamItem> shown = new ArrayList<>();
        for (StreamItem item : items) {
            if (shows(item)) {
                shown.add(item);
            }
        }
        return shown;
    }

    String describe() {
        return (ordered ? "in order" : "in any order") + (withWatermarks ? ", with watermarks" : ", records only");
    }

    private boolean shows(StreamItem item) {
        return withWatermarks || item instanceof TimestampedRecord;
    }

    /**
     * Compares item by item, except that records emitted by one time-moving step with equal
     * timestamps form a group compared in any order: they come from timers due at the same time,
     * which fire in no promised order (and in another order after a restart or restore).
     */
    private String orderedMismatch(List<StreamItem> want, List<StreamItem> got, List<Integer> positions, ModeRun run) {
        if (want.equals(got)) {
            return null;
        }
        int i = 0;
        String difference = null;
        while (difference == null && i < got.size() && i < want.size()) {
            int end = tieGroupEnd(got, positions, run, i);
            if (end == i + 1) {
                if (!want.get(i).equals(got.get(i))) {
                    difference = "expected " + want.get(i) + " but was " + got.get(i) + ", "
                            + run.origin(positions.get(i));
                }
            } else if (end > want.size() || !sameItems(want.subList(i, end), got.subList(i, end))) {
                difference = "expected " + want.subList(i, Math.min(end, want.size())) + " but was "
                        + got.subList(i, end) + " (timers due at the same time, compared in any order), "
                        + run.origin(positions.get(i));
            }
            if (difference == null) {
                i = end;
            }
        }
        if (difference == null) {
            if (i == got.size() && i == want.size()) {
                return null;
            }
            difference = i == got.size()
                    ? "the output ends after " + got.size() + " items; expected next " + want.get(i)
                    : "unexpected extra output " + got.get(i) + ", " + run.origin(positions.get(i));
        }
        return "first difference at output #" + (i + 1) + ": " + difference + "\n    expected: " + show(want)
                + "\n    actual:   " + show(got);
    }

    /** The end (exclusive) of the group of items that may come in any order, starting at {@code start}. */
    private static int tieGroupEnd(List<StreamItem> got, List<Integer> positions, ModeRun run, int start) {
        if (!(got.get(start) instanceof TimestampedRecord first)) {
            return start + 1;
        }
        int step = run.stepOf(positions.get(start));
        if (!run.movedTime(step)) {
            return start + 1;
        }
        int end = start + 1;
        while (end < got.size() && got.get(end) instanceof TimestampedRecord next
                && next.timestamp() == first.timestamp() && run.stepOf(positions.get(end)) == step) {
            end++;
        }
        return end;
    }

    private static boolean sameItems(List<StreamItem> a, List<StreamItem> b) {
        return a.size() == b.size() && unorderedMismatch(a, b) == null;
    }

    private static String unorderedMismatch(List<StreamItem> want, List<StreamItem> got) {
        Map<StreamItem, Integer> balance = new HashMap<>();
        for (StreamItem item : want) {
            balance.merge(item, 1, Integer::sum);
        }
        for (StreamItem item : got) {
            balance.merge(item, -1, Integer::sum);
        }
        List<StreamItem> missing = new ArrayList<>();
        List<StreamItem> unexpected = new ArrayList<>();
        for (StreamItem item : want) {
            if (balance.getOrDefault(item, 0) > 0) {
                missing.add(item);
                balance.merge(item, -1, Integer::sum);
            }
        }
        for (StreamItem item : got) {
            if (balance.getOrDefault(item, 0) < 0) {
                unexpected.add(item);
                balance.merge(item, 1, Integer::sum);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return null;
        }
        return "missing: " + show(missing) + "\n    unexpected: " + show(unexpected)
                + "\n    actual (any order): " + show(got);
    }

    static String show(List<?> items) {
        if (items.size() <= MAX_ITEMS_SHOWN) {
            return items.toString();
        }
        return items.subList(0, MAX_ITEMS_SHOWN) + " ... (" + (items.size() - MAX_ITEMS_SHOWN) + " more)";
    }
}
