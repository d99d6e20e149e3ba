package io.shepherd.runtime.task;

import io.shepherd.runtime.channel.RecordBatch;

/** What a task does with what its input gate delivers. */
interface InputHandler {
    /** @param input which input of the head operator the batch is for: 0, or 1 for a second input */
    void onBatch(RecordBatch batch, int input);

    /** The combined watermark of all inputs advanced to {@code watermark}. */
    void onWatermark(long watermark);

    /** Every input channel has ended. */
    void onEndOfInput() throws Exception;
}
