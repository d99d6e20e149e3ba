package io.shepherd.cli.run;

import io.shepherd.api.execution.JobResult;
import io.shepherd.api.execution.OperatorMetrics;
import java.io.PrintWriter;
import java.util.Locale;

/** How a finished job is shown: its status and time, then one line of counters per operator. */
final class JobSummary {
    private JobSummary() {}

    static void print(JobResult result, PrintWriter out) {
        double seconds = result.duration().toNanos() / 1e9;
        long sourceRecords = result.metrics().sourceRecords();
        out.printf(Locale.ROOT, "job '%s' %s in %.2f s: %,d records from sources (%,.0f records/s), %,d into sinks%n",
                result.jobName(), result.status().name().toLowerCase(Locale.ROOT), seconds, sourceRecords,
                seconds > 0 ? sourceRecords / seconds : 0, result.metrics().sinkRecords());
        int width = "operator".length();
        for (OperatorMetrics operator : result.metrics().operators()) {
            width = Math.max(width, operator.operator().length());
        }
        String row = "  %-" + width + "s %14s %14s %10s %12s %10s%n";
        out.printf(Locale.ROOT, row, "operator", "records in", "records out", "failed", "dead letters", "late");
        for (OperatorMetrics operator : result.metrics().operators()) {
            out.printf(Locale.ROOT, row, operator.operator(), count(operator.recordsIn()), count(operator.recordsOut()),
                    count(operator.recordsFailed()), count(operator.deadLetters()), count(operator.lateRecords()));
        }
        out.flush();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
