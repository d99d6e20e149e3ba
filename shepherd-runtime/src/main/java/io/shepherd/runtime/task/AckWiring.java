package io.shepherd.runtime.task;

import io.shepherd.api.ack.AckMetrics;
import io.shepherd.api.ack.AckingConfig;
import io.shepherd.runtime.ack.AckBatch;
import io.shepherd.runtime.ack.AckConfig;
import io.shepherd.runtime.ack.AckIds;
import io.shepherd.runtime.ack.AckerLedger;
import io.shepherd.runtime.ack.PendingRoots;
import io.shepherd.runtime.ack.SourceAckCounters;
import io.shepherd.runtime.ack.VerdictBatch;
import io.shepherd.runtime.channel.BatchExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Ack mode's part of a deployment: an exchange from every task to every acker, one from every acker to every
 * owner of roots (sources, keyed operators emitting from state), the tasks' {@link TaskAcking}s and the
 * ackers. Also sums what they count into {@link AckMetrics}.
 */
final class AckWiring {
    /** Batches in flight per exchange before its sender is held back. */
    private static final int EXCHANGE_CAPACITY = 16;
    /** Records a source reader's poll may still emit once its source is at max pending. */
    private static final int POLL_SLACK = 1_024;
    /** How many times max pending a keyed operator's own table holds: a watermark may fire many windows at once. */
    private static final int OWNED_TABLE_FACTOR = 4;
    private static final int LEDGER_INITIAL_CAPACITY = 1_024;

    private final AckConfig config;
    private final long bufferTimeoutNs;
    private final int ackers;
    private final List<String> taskNames;
    private final List<List<BatchExchange<AckBatch>>> toAckers = new ArrayList<>();
    private final List<List<BatchExchange<VerdictBatch>>> fromAckers = new ArrayList<>();
    private final List<OwnedRoots> owners = new ArrayList<>();
    private final List<AckerDriver> drivers = new ArrayList<>();

    /**
     * @param parallelism the job's default parallelism: the number of ackers unless the settings say
     * @param bufferTimeoutNs the longest ack messages wait for more before they are handed over
     * @param taskNames filled by the deployment as it creates tasks, so that timeouts can name them
     */
    AckWiring(AckingConfig settings, int parallelism, long bufferTimeoutNs, List<String> taskNames) {
        this.config = toConfig(settings);
        this.bufferTimeoutNs = bufferTimeoutNs;
        this.ackers = settings.ackers() > 0 ? settings.ackers() : parallelism;
        this.taskNames = taskNames;
        for (int acker = 0; acker < ackers; acker++) {
            toAckers.add(new ArrayList<>());
            fromAckers.add(new ArrayList<>());
        }
    }

    static AckConfig toConfig(AckingConfig settings) {
        long timeoutNs = settings.treeTimeout().toNanos();
        return AckConfig.DEFAULT.withMaxPending(settings.maxPending())
                .withMaxUncommitted(AckConfig.UNLIMITED_UNCOMMITTED)
                .withTreeTimeoutNs(timeoutNs)
                .withBackstopNs(timeoutNs)
                .withProbeRetryNs(Math.min(timeoutNs, TimeUnit.SECONDS.toNanos(5)));
    }

    int ackers() {
        return ackers;
    }

    /** The ack side of the task with index {@code taskIndex}. */
    TaskAcking forTask(int taskIndex) {
        List<BatchExchange<AckBatch>> exchanges = new ArrayList<>();
        for (int acker = 0; acker < ackers; acker++) {
            BatchExchange<AckBatch> exchange =
                    new BatchExchange<>(EXCHANGE_CAPACITY, () -> new AckBatch(TaskAcking.HAND_OFF_MESSAGES));
            exchanges.add(exchange);
            toAckers.get(acker).add(exchange);
        }
        return new TaskAcking(taskIndex, new AckIds(new SplittableRandom()), exchanges, bufferTimeoutNs);
    }

    /** Roots owned by a source subtask, which stops reading at max pending. */
    OwnedRoots ownSource(String name, TaskAcking acking, long nowNs) {
        return own(name, acking, POLL_SLACK, nowNs);
    }

    /** Roots owned by a keyed operator for what it emits from state; its task stops taking input at max pending. */
    OwnedRoots ownKeyedOutput(String name, TaskAcking acking, long nowNs) {
        return own(name, acking, config.maxPending() * (OWNED_TABLE_FACTOR - 1), nowNs);
    }

    private OwnedRoots own(String name, TaskAcking acking, int slack, long nowNs) {
        int owner = owners.size();
        List<BatchExchange<VerdictBatch>> exchanges = new ArrayList<>();
        for (int acker = 0; acker < ackers; acker++) {
            BatchExchange<VerdictBatch> exchange = new BatchExchange<>(EXCHANGE_CAPACITY, () -> new VerdictBatch(256));
            exchanges.add(exchange);
            fromAckers.get(acker).add(exchange);
        }
        PendingRoots pending = new PendingRoots(owner, config, slack, 0, new AckIds(new SplittableRandom()), nowNs);
        OwnedRoots roots = new OwnedRoots(owner, name, pending, exchanges, taskNames);
        owners.add(roots);
        acking.addOwned(roots);
        return roots;
    }

    /** The ackers, once every task and owner exists. */
    List<AckerDriver> createAckers(long nowNs) {
        for (int acker = 0; acker < ackers; acker++) {
            AckerLedger ledger = new AckerLedger(config, LEDGER_INITIAL_CAPACITY, nowNs);
            drivers.add(new AckerDriver(ledger, toAckers.get(acker), fromAckers.get(acker)));
        }
        return drivers;
    }

    /** Sums every owner's counters; read from any thread, so figures taken during the run are approximate. */
    AckMetrics metrics() {
        long pending = 0;
        long emitted = 0;
        long completed = 0;
        long failed = 0;
        long timedOut = 0;
        long replayed = 0;
        String lastTimeout = null;
        long lastTimeoutNs = Long.MIN_VALUE;
        Histogram latency = new Histogram(SourceAckCounters.MAX_LATENCY_US, 2);
        for (OwnedRoots owner : owners) {
            SourceAckCounters counters = owner.counters();
            pending += counters.pending;
            emitted += counters.emitted;
            completed += counters.completed;
            failed += counters.failed;
            timedOut += counters.timedOut;
            replayed += counters.replayed;
            if (owner.lastTimeout() != null && owner.lastTimeoutNs() > lastTimeoutNs) {
                lastTimeout = owner.lastTimeout();
                lastTimeoutNs = owner.lastTimeoutNs();
            }
            latency.add(counters.completeLatencyUs);
        }
        return new AckMetrics(pending, emitted, completed, failed, timedOut, replayed, lastTimeout,
                latency.getTotalCount(), latency.getValueAtPercentile(50), latency.getValueAtPercentile(99),
                latency.getValueAtPercentile(99.9), latency.getMaxValue());
    }
}
