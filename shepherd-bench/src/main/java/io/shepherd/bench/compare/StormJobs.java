package io.shepherd.bench.compare;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;

/**
 * The keyed count on Apache Storm, in this JVM as a LocalCluster with one worker: a spout per subtask
 * generating its share of the values, a counting bolt fed by a fields grouping on the key (a map per bolt,
 * Storm's way of keeping such state), and a discarding sink bolt. With acking, every value is emitted with
 * a message id and replayed when its tree fails, tuples are anchored and acked, and at most
 * {@link #MAX_SPOUT_PENDING} values per spout are in flight (the same bound Shepherd's ack mode uses by
 * default). A topology never ends by itself: the run ends when the sinks have seen every record.
 */
final class StormJobs {
    /** Shepherd's default max pending per source subtask in ack mode. */
    static final int MAX_SPOUT_PENDING = 4096;
    private static final Queue<SinkTally> OPEN_TALLIES = new ConcurrentLinkedQueue<>();

    private StormJobs() {}

    static void run(RunSpec spec) throws Exception {
        boolean acked = spec.job() == PeerJob.KEYED_COUNT_ACKED;
        TopologyBuilder topology = new TopologyBuilder();
        int parallelism = spec.parallelism();
        topology.setSpout("generator", new Generator(spec.records(), acked), parallelism);
        topology.setBolt("count", new Count(acked), parallelism).fieldsGrouping("generator", new Fields("key"));
        topology.setBolt("sink", new Discard(), parallelism).localOrShuffleGrouping("count");
        Config config = new Config();
        config.setNumWorkers(1);
        config.setNumAckers(acked ? parallelism : 0);
        if (acked) {
            config.setMaxSpoutPending(MAX_SPOUT_PENDING);
        }
        try (LocalCluster cluster = new LocalCluster()) {
            cluster.submitTopology("compare-" + spec.job().label(), config, topology.createTopology());
            awaitEveryRecord(spec.records());
            OPEN_TALLIES.forEach(SinkTally::close);
            cluster.killTopology("compare-" + spec.job().label());
        }
    }

    /** Sinks report every record here (a Storm tuple costs far more than the shared counter). */
    private static void awaitEveryRecord(long records) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120 + records / 100_000);
        while (Probe.sinkRecords() < records) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Storm delivered only " + Probe.sinkRecords() + " of " + records
                        + " records in time");
            }
            Thread.sleep(1);
        }
    }

    /** Subtask s of p emits s, s + p, s + 2p, ... below the record count; with acking, replays what fails. */
    private static final class Generator extends BaseRichSpout {
        private final long records;
        private final boolean acked;
        private transient SpoutOutputCollector collector;
        private transient Queue<Long> failed;
        private transient long next;
        private transient int stride;

        Generator(long records, boolean acked) {
            this.records = records;
            this.acked = acked;
        }

        @Override
        public void open(Map<String, Object> config, TopologyContext context, SpoutOutputCollector collector) {
            this.collector = collector;
            this.failed = new ArrayDeque<>();
            this.next = context.getThisTaskIndex();
            this.stride = context.getComponentTasks(context.getThisComponentId()).size();
        }

        @Override
        public void nextTuple() {
            Long replay = failed.poll();
            long value;
            if (replay != null) {
                value = replay;
            } else if (next < records) {
                value = next;
                next += stride;
            } else {
                return;
            }
            Values tuple = new Values(value % PeerJob.KEYS, value);
            if (acked) {
                collector.emit(tuple, value);
            } else {
                collector.emit(tuple);
            }
        }

        @Override
        public void fail(Object messageId) {
            failed.add((Long) messageId);
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {
            declarer.declare(new Fields("key", "value"));
        }
    }

    /** The running count per key; emits (key, count), anchored to its input with acking. */
    private static final class Count extends BaseRichBolt {
        private final boolean acked;
        private transient OutputCollector collector;
        private transient Map<Long, Long> counts;

        Count(boolean acked) {
            this.acked = acked;
        }

        @Override
        public void prepare(Map<String, Object> config, TopologyContext context, OutputCollector collector) {
            this.collector = collector;
            this.counts = new HashMap<>();
        }

        @Override
        public void execute(Tuple input) {
            Long key = input.getLong(0);
            long count = counts.merge(key, 1L, Long::sum);
            if (acked) {
                collector.emit(input, new Values(key, count));
                collector.ack(input);
            } else {
                collector.emit(new Values(key, count));
            }
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {
            declarer.declare(new Fields("key", "count"));
        }
    }

    /** Reads (key, count) into a {@link SinkTally} that reports every record, and acks. */
    private static final class Discard extends BaseRichBolt {
        private transient OutputCollector collector;
        private transient SinkTally tally;

        @Override
        public void prepare(Map<String, Object> config, TopologyContext context, OutputCollector collector) {
            this.collector = collector;
            this.tally = new SinkTally(0, 1);
            OPEN_TALLIES.add(tally);
        }

        @Override
        public void execute(Tuple input) {
            tally.addCount(input.getLong(0), input.getLong(1));
            collector.ack(input);
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {}
    }
}
