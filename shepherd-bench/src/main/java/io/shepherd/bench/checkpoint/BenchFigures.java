package io.shepherd.bench.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and range of a benchmark's samples, as docs/benchmarks.md reports them. */
record BenchFigures(double median, double min, double max, int samples) {

    static BenchFigures of(List<Double> values) {
        if (values.isEmpty()) {
            return new BenchFigures(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new BenchFigures(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** {@code "<name>":median,"<name>_min":..,"<name>_max":..} */
    String json(String name) {
        return String.format(Locale.ROOT, "\"%s\":%.1f,\"%s_min\":%.1f,\"%s_max\":%.1f", name, median, name, min, name,
                max);
    }
}
