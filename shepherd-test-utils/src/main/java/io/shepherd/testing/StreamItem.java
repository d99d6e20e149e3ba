package io.shepherd.testing;

import java.io.Serializable;

/**
 * An element of a stream as an operator sees it: a record with its event timestamp, or a watermark.
 * What a test feeds an operator, and what the harness records as its output, in order.
 * Serializable, so that a test source can carry items into a job; a record's value must be too.
 */
public sealed interface StreamItem extends HarnessStep, Serializable permits TimestampedRecord, Watermark {}
