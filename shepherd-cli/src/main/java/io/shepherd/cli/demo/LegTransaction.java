package io.shepherd.cli.demo;

import java.io.Serializable;

/**
 * What committing one staged batch of legs takes: the demo sink's committable, kept in the
 * checkpoint until the checkpoint completes.
 *
 * @param subtask the sink subtask that staged the batch
 * @param id the batch's id, unique in the run
 * @param legs how many legs it holds, for messages
 */
public record LegTransaction(int subtask, long id, int legs) implements Serializable {}
