package io.shepherd.runtime.ack.sim;

import io.shepherd.runtime.ack.VerdictBatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.shepherd.runtime.ack.VerdictKind;

/**
 * What happened in one run, kept by the test where no crash can reach it: the sink's output (durable, as a
 * written file is), each source's committed position (durable, as a committed offset is), what the sources
 * were told, and the safety invariants read from it.
 */
final class AckHistory {
    /** Source record completions as the sources learnt them: {source, position}. */
    private final List<long[]> completions = new ArrayList<>();
    private final Map<String, Integer> output = new TreeMap<>();
    private final Map<Integer, Long> committed = new TreeMap<>();
    private final Map<Integer, Long> committedChecked = new TreeMap<>();
    private final Map<VerdictKind, Long> verdicts = new EnumMap<>(VerdictKind.class);
    private int completionsChecked;
    long replays;
    long probes;

    void written(List<String> values) {
        values.forEach(value -> output.merge(value, 1, Integer::sum));
    }

    int timesWritten(String value) {
        return output.getOrDefault(value, 0);
    }

    long committed(int source) {
        return committed.getOrDefault(source, 0L);
    }

    void commit(int source, long position) {
        committed.put(source, position);
    }

    void completed(int source, long position) {
        completions.add(new long[] {source, position});
    }

    void received(VerdictBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            verdicts.merge(batch.kind(i), 1L, Long::sum);
        }
    }

    long verdicts(VerdictKind kind) {
        return verdicts.getOrDefault(kind, 0L);
    }

    /** Invariant: a source learns that a record completed only once everything it leads to is written. */
    String completedBeforeWritten() {
        for (; completionsChecked < completions.size(); completionsChecked++) {
            long[] completion = completions.get(completionsChecked);
            String missing = unwritten((int) completion[0], completion[1]);
            if (missing != null) {
                return "source " + completion[0] + " was told record " + Workload.record((int) completion[0],
                        completion[1]) + " completed, but " + missing + " was never written";
            }
        }
        return null;
    }

    /** Invariant: a source commits past a record only once everything it leads to is written. */
    String committedPastUnwritten() {
        for (Map.Entry<Integer, Long> entry : committed.entrySet()) {
            int source = entry.getKey();
            long from = committedChecked.getOrDefault(source, 0L);
            for (long position = from; position < entry.getValue(); position++) {
                String missing = unwritten(source, position);
                if (missing != null) {
                    return "source " + source + " committed position " + entry.getValue() + ", but " + missing
                            + " of record " + Workload.record(source, position) + " was never written";
                }
            }
            committedChecked.put(source, Math.max(from, entry.getValue()));
        }
        return null;
    }

    /** The outputs of the job the sink has not written, for the liveness check. */
    List<String> missingOutputs(int recordsPerSource) {
        List<String> missing = new ArrayList<>();
        for (int source : Workload.SOURCES) {
            for (long position = 0; position < recordsPerSource; position++) {
                for (String child : Workload.children(Workload.record(source, position))) {
                    if (timesWritten(child) == 0) {
                        missing.add(child);
                    }
                }
            }
        }
        return missing;
    }

    /** How many outputs were written more than once, counted honestly. */
    long duplicatedOutputs() {
        return output.values().stream().filter(times -> times > 1).count();
    }

    private String unwritten(int source, long position) {
        for (String child : Workload.children(Workload.record(source, position))) {
            if (timesWritten(child) == 0) {
                return child;
            }
        }
        return null;
    }
}
