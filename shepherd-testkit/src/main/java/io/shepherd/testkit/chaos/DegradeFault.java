package io.shepherd.testkit.chaos;

import io.shepherd.testkit.net.NetworkFault;
import io.shepherd.testkit.net.SimNetwork;
import java.util.Locale;

/**
 * Every link drops and duplicates messages at least at the given rates from {@code startNs} until
 * {@code endNs}.
 */
public record DegradeFault(double dropRate, double duplicateRate, long startNs, long endNs) implements Fault {

    public DegradeFault {
        if (startNs < 0 || endNs <= startNs) {
            throw new IllegalArgumentException("degradation needs 0 <= start < end, got " + startNs + " and " + endNs);
        }
        if (!(dropRate >= 0 && dropRate <= 1 && duplicateRate >= 0 && duplicateRate <= 1)) {
            throw new IllegalArgumentException("rates must be in [0, 1], got drop " + dropRate
                    + " and duplicate " + duplicateRate);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "drop %.1f%%, duplicate %.1f%% of messages", dropRate * 100, duplicateRate * 100);
    }

    @Override
    public void scheduleOn(SimNetwork<?> network) {
        NetworkFault[] active = new NetworkFault[1];
        network.scheduler().scheduleAt(startNs, "chaos: " + describe(),
                () -> active[0] = network.degrade(dropRate, duplicateRate));
        if (endNs != Long.MAX_VALUE) {
            network.scheduler().scheduleAt(endNs, "chaos: end " + describe(), () -> active[0].heal());
        }
    }
}
