package io.shepherd.runtime.task;

import io.shepherd.runtime.checkpoint.CheckpointResponder;
import io.shepherd.runtime.checkpoint.CheckpointStorage;
import java.util.concurrent.Executor;

/**
 * What tasks of a checkpointed job take snapshots with: where the bytes go, who hears of them, and
 * the threads that write them while the tasks go on processing.
 */
public record CheckpointServices(CheckpointStorage storage, CheckpointResponder responder, Executor snapshotWriter) {}
