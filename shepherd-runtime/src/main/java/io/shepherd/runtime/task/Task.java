package io.shepherd.runtime.task;

import io.shepherd.api.source.InputStatus;
import io.shepherd.common.Clock;
import io.shepherd.runtime.channel.RecordBatch;
import io.shepherd.runtime.checkpoint.CheckpointOptions;
import io.shepherd.runtime.checkpoint.TaskId;
import io.shepherd.runtime.operators.Output;
import io.shepherd.runtime.operators.StreamOperator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One parallel subtask of a chain, run cooperatively: a worker thread calls {@link #call} over
 * and over, interleaved with other tasks, and each call does a bounded amount of work and returns
 * instead of blocking.
 *
 * <p>States: {@code RUNNING} (taking input) → {@code FINISHING} (input ended, operators finished,
 * end-of-partition queued; waiting for downstream to take the last elements) → {@code DONE}.
 * A task takes no input while any output element is waiting for a full channel. With checkpoints,
 * a task whose output has ended stays until a checkpoint holding its final state has completed
 * (so that its committed output is never repeated by a restore), snapshotting when triggered.
 *
 * <p>In ack mode ({@link TaskAcking}) a task anchors its output to its input record by record and acks each
 * input once the chain has returned; it reads the ackers' verdicts first on every call, and emits failed
 * records again before taking new input. A task owning roots (a keyed operator's output from state) that
 * has finished its operators waits in {@code AWAITING_ROOTS}, replaying what fails, until every tree it
 * owns has completed, and only then ends its output. An acker task runs only its {@link AckerDriver}.
 *
 * <p>Other threads reach a task only through its mailbox of checkpoint commands, which it takes
 * between two rounds of work: at a source, that is between two polls of its reader.
 */
public final class Task implements InputHandler {
    /** Input elements (batches or events) one call takes at most, so that tasks sharing a thread take turns. */
    private static final int MAX_ELEMENTS_PER_CALL = 8;

    private enum State {
        RUNNING,
        /** Ack mode: operators finished, waiting for the trees of the records this task owns before ending. */
        AWAITING_ROOTS,
        FINISHING,
        DONE
    }

    private sealed interface Command {}

    private record Trigger(long checkpointId, long timestampMs, CheckpointOptions options) implements Command {}

    private record Completed(long checkpointId, boolean holdsEveryFinalState) implements Command {}

    private record Aborted(long checkpointId) implements Command {}

    private final TaskId id;
    private final String name;
    private final List<StreamOperator> operators;
    private final Output chainInput;
    private final SourceDriver source;
    private final InputGate gate;
    private final TaskOutputs outputs;
    private final Clock clock;
    private final int sourceRecordsPerCall;
    private final long bufferTimeoutNanos;
    private final Queue<Command> mailbox = new ConcurrentLinkedQueue<>();
    private TaskCheckpointer checkpointer;
    private TaskAcking acking;
    private AckerDriver acker;
    private Consumer<Task> onOutputEnded = task -> {};
    private State state = State.RUNNING;
    private long lastFlushNanos;
    private long lastWatermark = Long.MIN_VALUE;
    /** Whether the current call took any input; a call that took none lets its worker back off. */
    private boolean tookInput;
    /** With checkpoints: a completed checkpoint holds the final state of every task of the job. */
    private boolean finalStateCommitted;

    /**
     * @param operators the chain's operators, head first (without the source, for a source task)
     * @param chainInput where input enters the chain: the head operator, or the outputs if there is none
     * @param source the source driver of a source task, else null
     * @param gate the input gate of a non-source task, else null
     */
    Task(TaskId id, String name, List<StreamOperator> operators, Output chainInput, SourceDriver source,
            InputGate gate, TaskOutputs outputs, Clock clock, int sourceRecordsPerCall, long bufferTimeoutNanos) {
        this.id = id;
        this.name = name;
        this.operators = operators;
        this.chainInput = chainInput;
        this.source = source;
        this.gate = gate;
        this.outputs = outputs;
        this.clock = clock;
        this.sourceRecordsPerCall = sourceRecordsPerCall;
        this.bufferTimeoutNanos = bufferTimeoutNanos;
    }

    /** An acker task of ack mode. */
    static Task acker(TaskId id, String name, AckerDriver driver, Clock clock) {
        Task task = new Task(id, name, List.of(), null, null, null, new TaskOutputs(List.of(), null), clock, 0, 0);
        task.acker = driver;
        return task;
    }

    public String name() {
        return name;
    }

    public TaskId id() {
        return id;
    }

    public int subtask() {
        return id.subtask();
    }

    public boolean isSource() {
        return source != null;
    }

    /** Makes the task take part in checkpoints; {@code onOutputEnded} hears when its output has ended. */
    void enableCheckpoints(TaskCheckpointer checkpointer, Consumer<Task> onOutputEnded) {
        this.checkpointer = checkpointer;
        this.onOutputEnded = onOutputEnded;
        if (gate != null) {
            gate.setBarrierHandler(new BarrierHandler(gate.channelCount(), checkpointer, gate));
        }
    }

    /** Runs the task in ack mode. */
    void enableAcking(TaskAcking acking) {
        this.acking = acking;
    }

    /** Starts a checkpoint here: for a source, or for a task whose output has ended. Any thread. */
    public void triggerCheckpoint(long checkpointId, long timestampMs, CheckpointOptions options) {
        mailbox.add(new Trigger(checkpointId, timestampMs, options));
    }

    /**
     * Any thread. {@code holdsEveryFinalState}: the checkpoint was taken after the output of every
     * task of the job had ended, so a restore can never repeat anything: tasks that are done may go.
     */
    public void notifyCheckpointCompleted(long checkpointId, boolean holdsEveryFinalState) {
        mailbox.add(new Completed(checkpointId, holdsEveryFinalState));
    }

    /** Any thread. */
    public void notifyCheckpointAborted(long checkpointId) {
        mailbox.add(new Aborted(checkpointId));
    }

    public void open() throws Exception {
        if (source != null) {
            source.open();
        }
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).open();
        }
        lastFlushNanos = clock.nanoTime();
    }

    public ProgressState call() throws Exception {
        if (acker != null) {
            return acker.call(clock.nanoTime());
        }
        if (state == State.DONE) {
            return ProgressState.DONE;
        }
        boolean commands = runMailbox();
        if (acking != null) {
            commands |= acking.tick(clock.nanoTime());
        }
        if (state == State.FINISHING) {
            if (outputs.sendPending() && (acking == null || acking.finish())
                    && (checkpointer == null || finalStateCommitted)) {
                state = State.DONE;
                return ProgressState.DONE;
            }
            return commands ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
        }
        if (!outputs.sendPending()) {
            if (acking != null) {
                acking.handOff(clock.nanoTime());
            }
            // A barrier sent ahead overtakes the backlog: it must not wait for the output to drain.
            boolean ahead = gate != null && gate.barrierHandler() != null && gate.pollAhead(this);
            return ahead || commands ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
        }
        tookInput = false;
        boolean inputIdle;
        if (acking == null) {
            inputIdle = pollTimersAndInput();
        } else {
            boolean replayed = acking.replay(sourceRecordsPerCall) > 0;
            inputIdle = state == State.AWAITING_ROOTS ? awaitRoots()
                    : !acking.acceptsInput() || pollTimersAndInput();
            tookInput |= replayed;
        }
        long nowNanos = clock.nanoTime();
        if (gate != null && gate.barrierHandler() != null) {
            gate.barrierHandler().checkAlignmentTimeout(nowNanos);
        }
        if (inputIdle || nowNanos - lastFlushNanos >= bufferTimeoutNanos) {
            outputs.flushOpenBatches();
            lastFlushNanos = nowNanos;
        }
        if (acking != null) {
            acking.handOff(nowNanos);
        }
        return tookInput || commands ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
    }

    /** Fires due processing-time timers and takes input; returns true when the input had nothing more. */
    private boolean pollTimersAndInput() throws Exception {
        long nowMs = clock.currentTimeMillis();
        for (StreamOperator operator : operators) {
            operator.onProcessingTime(nowMs);
        }
        return source != null ? pollSource() : pollInput();
    }

    /** Ack mode, operators finished: ends the output once every tree this task owns has completed. */
    private boolean awaitRoots() {
        if (!acking.hasPendingRoots()) {
            endOutput();
        }
        return true;
    }

    private boolean runMailbox() throws Exception {
        boolean any = false;
        for (Command command = mailbox.poll(); command != null; command = mailbox.poll()) {
            any = true;
            if (command instanceof Trigger trigger) {
                checkpointer.trigger(trigger.checkpointId(), trigger.timestampMs(), trigger.options());
            } else if (command instanceof Completed completed) {
                checkpointer.completed(completed.checkpointId());
                finalStateCommitted |= completed.holdsEveryFinalState();
            } else if (command instanceof Aborted aborted) {
                checkpointer.aborted(aborted.checkpointId());
            }
        }
        return any;
    }

    /** Closes every operator and the source, also after a failure; the first problem is rethrown. */
    public void close() throws Exception {
        Exception first = null;
        if (source != null) {
            first = closeQuietly(source::close, null);
        }
        for (StreamOperator operator : operators) {
            first = closeQuietly(operator::close, first);
        }
        if (first != null) {
            throw first;
        }
    }

    private boolean pollSource() throws Exception {
        InputStatus status = source.run(sourceRecordsPerCall, outputs);
        tookInput = status != InputStatus.NOTHING_AVAILABLE;
        if (status == InputStatus.END_OF_INPUT) {
            onEndOfInput();
        }
        return status != InputStatus.MORE_AVAILABLE;
    }

    /** Returns true when the input had nothing more to give. */
    private boolean pollInput() throws Exception {
        for (int i = 0; i < MAX_ELEMENTS_PER_CALL && state == State.RUNNING; i++) {
            if (outputs.hasPending()) {
                return false;
            }
            if (!gate.pollNext(this)) {
                return true;
            }
            tookInput = true;
        }
        return state != State.RUNNING;
    }

    @Override
    public void onBatch(RecordBatch batch, int input) {
        if (acking != null) {
            onAnchoredBatch(batch, input);
            return;
        }
        int n = batch.size();
        if (input == 1) {
            StreamOperator head = operators.get(0);
            for (int i = 0; i < n; i++) {
                head.processKeyedElement2(batch.record(i), batch.timestamp(i), batch.hasKeys() ? batch.key(i) : null);
            }
            return;
        }
        if (batch.hasKeys()) {
            StreamOperator head = operators.get(0);
            for (int i = 0; i < n; i++) {
                head.processKeyedElement(batch.record(i), batch.timestamp(i), batch.key(i));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            chainInput.emit(batch.record(i), batch.timestamp(i));
        }
    }

    /** Ack mode: each record is an input of its own, acked (or failed) once the chain has returned. */
    private void onAnchoredBatch(RecordBatch batch, int input) {
        StreamOperator head = operators.isEmpty() ? null : operators.get(0);
        for (int i = 0, n = batch.size(); i < n; i++) {
            acking.beginInput(batch, i);
            if (input == 1) {
                head.processKeyedElement2(batch.record(i), batch.timestamp(i), batch.hasKeys() ? batch.key(i) : null);
            } else if (batch.hasKeys()) {
                head.processKeyedElement(batch.record(i), batch.timestamp(i), batch.key(i));
            } else {
                chainInput.emit(batch.record(i), batch.timestamp(i));
            }
            acking.endInput();
        }
    }

    @Override
    public void onWatermark(long watermark) {
        lastWatermark = watermark;
        chainInput.emitWatermark(watermark);
    }

    @Override
    public void onEndOfInput() throws Exception {
        if (lastWatermark != Long.MAX_VALUE) {
            onWatermark(Long.MAX_VALUE);
        }
        for (StreamOperator operator : operators) {
            operator.finish();
        }
        if (acking != null && acking.hasPendingRoots()) {
            state = State.AWAITING_ROOTS;
            return;
        }
        endOutput();
    }

    private void endOutput() {
        outputs.endAll();
        state = State.FINISHING;
        if (checkpointer != null) {
            checkpointer.markFinished();
            onOutputEnded.accept(this);
        }
    }

    private static Exception closeQuietly(AutoCloseable closeable, Exception first) {
        try {
            closeable.close();
        } catch (Exception e) {
            if (first == null) {
                return e;
            }
            first.addSuppressed(e);
        }
        return first;
    }

    public String debug() {
        return this + " state=" + state + " final=" + finalStateCommitted + " mailbox=" + mailbox + " pending=" + outputs.hasPending()
            + (gate != null && gate.barrierHandler() != null ? " handler=" + gate.barrierHandler().debug() : "");
    }

    @Override
    public String toString() {
        return "task '" + name + "' subtask " + id.subtask();
    }
}
