package io.shepherd.runtime.task;

import io.shepherd.runtime.channel.RecordBatch;

/** What a task does with what its input gate delivers. */
interface InputHandler {
    void onBatch(RecordBatch batch);

    /** The combined watermark of all inputs advanced to {@code watermark}. */
    void onWatermark(long watermark);

    /** Every input channel has ended. */
    void onEndOfInput() throws Exception;
}
