package io.shepherd.bench.compare;

import java.util.Locale;

/** How figures are written in the comparison's table and charts. */
final class Format {
    private Format() {}

    static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** Records per second in millions, times in milliseconds. */
    static String value(Metric metric, double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return metric.higherIsBetter() ? String.format(Locale.ROOT, "%.2f M", value / 1e6)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
