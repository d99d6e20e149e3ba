package io.shepherd.testing;

/**
 * One thing a test does to an operator: hand it a record or a watermark ({@link StreamItem}), or move
 * its processing-time clock ({@link ProcessingTime}). Made with the factories in {@link Items}.
 */
public sealed interface HarnessStep permits StreamItem, ProcessingTime {}
