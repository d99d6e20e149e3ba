/**
 * Ack mode: at-least-once per record by Storm-style xor acking, with no checkpoints.
 *
 * <p>Every source record gets a random root id ({@link io.shepherd.runtime.ack.AckIds}); every record
 * emitted downstream is anchored to its input's roots with a fresh edge id
 * ({@link io.shepherd.runtime.ack.AnchoredInput}); a task acks each input once with the xor of its edge
 * and its children's edges. Ackers, partitioned by root ({@link io.shepherd.runtime.ack.AckRouter#ackerFor}),
 * keep one constant-size ledger per root ({@link io.shepherd.runtime.ack.AckerLedger}) and tell the source
 * subtask that owns it when it completes, fails or times out; the source replays failures under a fresh
 * root and stops at max pending ({@link io.shepherd.runtime.ack.PendingRoots}).
 *
 * <p>Everything here is a pure state machine: messages and the time go in, messages come out through
 * {@link io.shepherd.runtime.ack.AckSink} and {@link io.shepherd.runtime.ack.VerdictSink}, batched in
 * primitive arrays. The tasks that carry them and the clock belong to the runtime. See docs/ack-mode.md.
 */
package io.shepherd.runtime.ack;
