package io.shepherd.bench.serialization;

import io.shepherd.api.serialization.ByteInput;
import io.shepherd.api.serialization.ByteOutput;
import io.shepherd.api.serialization.Serializer;
import io.shepherd.api.serialization.Serializers;
import io.shepherd.api.tuple.Tuple2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One value written and read back (serialize + deserialize), by a Shepherd serializer and, as the
 * reference in the same run, by {@code java.io} serialization.
 *
 * <p>The Shepherd side reuses one {@link ByteOutput}, as a state backend writing a snapshot does.
 * The java side builds an object stream per value, which is what using it per state entry costs
 * (one shared stream would carry back-references between entries and could not be read one entry
 * at a time).
 *
 * <pre>
 * java -jar shepherd-bench/target/benchmarks.jar 'io.shepherd.bench.serialization' -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializerBenchmark {

    /** A small record, typical of keyed state. */
    public record Trade(long id, String symbol, double price, int quantity) implements Serializable {}

    /**
     * What a user would write by hand for {@link Trade}, in the same format as the resolved record
     * serializer: the reference for what the generic, method-handle based path costs.
     */
    static final class HandWrittenTradeSerializer implements Serializer<Trade> {
        private static final Serializer<String> SYMBOLS = Serializers.nullable(Serializers.strings());

        @Override
        public void write(Trade value, ByteOutput out) {
            out.writeLong(value.id());
            SYMBOLS.write(value.symbol(), out);
            out.writeDouble(value.price());
            out.writeInt(value.quantity());
        }

        @Override
        public Trade read(ByteInput in) {
            long id = in.readLong();
            String symbol = SYMBOLS.read(in);
            double price = in.readDouble();
            return new Trade(id, symbol, price, in.readInt());
        }

        @Override
        public String id() {
            return "hand-written trade";
        }
    }

    private Long number;
    private String text;
    private Trade trade;
    private Tuple2<String, Long> pair;

    private Serializer<Long> longs;
    private Serializer<String> strings;
    private Serializer<Trade> trades;
    private Serializer<Trade> handWrittenTrades;
    private Serializer<Tuple2<String, Long>> pairs;
    private ByteOutput out;

    @Setup
    public void setUp() {
        number = 0x1234_5678_9ABCL;
        text = "user-4711";
        trade = new Trade(987_654_321L, "ACME", 101.25, 300);
        pair = Tuple2.of("user-4711", 42L);
        longs = Serializers.longs();
        strings = Serializers.strings();
        trades = Serializers.of(Trade.class);
        handWrittenTrades = new HandWrittenTradeSerializer();
        pairs = Serializers.tuple2(Serializers.strings(), Serializers.longs());
        out = new ByteOutput(256);
    }

    @Benchmark
    public Long longShepherd() {
        return roundTrip(longs, number);
    }

    @Benchmark
    public Object longJava() throws IOException, ClassNotFoundException {
        return javaRoundTrip(number);
    }

    @Benchmark
    public String shortStringShepherd() {
        return roundTrip(strings, text);
    }

    @Benchmark
    public Object shortStringJava() throws IOException, ClassNotFoundException {
        return javaRoundTrip(text);
    }

    @Benchmark
    public Trade smallRecordShepherd() {
        return roundTrip(trades, trade);
    }

    @Benchmark
    public Trade smallRecordHandWritten() {
        return roundTrip(handWrittenTrades, trade);
    }

    @Benchmark
    public Object smallRecordJava() throws IOException, ClassNotFoundException {
        return javaRoundTrip(trade);
    }

    @Benchmark
    public Tuple2<String, Long> tuple2Shepherd() {
        return roundTrip(pairs, pair);
    }

    @Benchmark
    public Object tuple2Java() throws IOException, ClassNotFoundException {
        return javaRoundTrip(pair);
    }

    private <T> T roundTrip(Serializer<T> serializer, T value) {
        out.reset();
        serializer.write(value, out);
        return serializer.read(new ByteInput(out.array(), 0, out.position()));
    }

    private static Object javaRoundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(value);
        }
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return objects.readObject();
        }
    }
}
