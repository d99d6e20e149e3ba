package io.shepherd.runtime.operators;

import io.shepherd.api.DeadLetter;
import io.shepherd.api.ErrorPolicy;
import io.shepherd.api.plan.Operation;
import io.shepherd.runtime.graph.Functions;
import io.shepherd.runtime.metrics.OperatorCounters;
import io.shepherd.runtime.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one operator subtask outside a job: the test feeds records, watermarks and clock ticks and
 * reads what came out, in order. The operation is shipped through serialization first, as a
 * deployment would.
 */
final class OperatorHarness {
    /** One thing the operator emitted: a record with its timestamp, or a watermark. */
    record Emitted(Object record, long timestamp, boolean watermark) {
        static Emitted record(Object record, long timestamp) {
            return new Emitted(record, timestamp, false);
        }

        static Emitted watermark(long timestamp) {
            return new Emitted(null, timestamp, true);
        }
    }

    final ManualClock clock = new ManualClock();
    final List<Emitted> output = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final StreamOperator operator;
    final OperatorContext context;

    OperatorHarness(Operation operation) throws Exception {
        this(operation, ErrorPolicy.FAIL);
    }

    OperatorHarness(Operation operation, ErrorPolicy policy) throws Exception {
        Operation copy = Functions.deserialize(Functions.serialize(operation));
        context = new OperatorContext("op", "op-uid", 0, 1, 128, copy.keySelector() != null, clock);
        Output deadLetterOutput = new Output() {
            @Override
            public void emit(Object record, long timestamp) {
                deadLetters.add((DeadLetter) record);
            }

            @Override
            public void emitWatermark(long watermark) {}
        };
        context.setErrorHandler(new RecordErrorHandler(policy, "op", 0, context.counters(),
                policy == ErrorPolicy.DEAD_LETTER ? deadLetterOutput : null));
        operator = new OperatorFactory(10).create(copy, context);
        operator.setOutput(new Output() {
            @Override
            public void emit(Object record, long timestamp) {
                output.add(Emitted.record(record, timestamp));
            }

            @Override
            public void emitWatermark(long watermark) {
                output.add(Emitted.watermark(watermark));
            }
        });
        operator.open();
    }

    OperatorHarness process(Object record) {
        return process(record, StreamOperator.NO_TIMESTAMP);
    }

    OperatorHarness process(Object record, long timestamp) {
        operator.processElement(record, timestamp);
        return this;
    }

    OperatorHarness watermark(long watermark) {
        operator.processWatermark(watermark);
        return this;
    }

    /** Moves the clock and lets the operator see the new time, as a task does on each round. */
    OperatorHarness advanceMillis(long millis) {
        clock.advanceMillis(millis);
        operator.onProcessingTime(clock.currentTimeMillis());
        return this;
    }

    List<Object> records() {
        return output.stream().filter(e -> !e.watermark()).map(Emitted::record).toList();
    }

    /** Takes what was emitted so far, leaving the output empty. */
    List<Emitted> take() {
        List<Emitted> taken = List.copyOf(output);
        output.clear();
        return taken;
    }

    OperatorCounters counters() {
        return context.counters();
    }
}
