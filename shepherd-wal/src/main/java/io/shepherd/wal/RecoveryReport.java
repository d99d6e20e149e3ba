package io.shepherd.wal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What opening a log found: its extent, and what recovery cut off or removed. A read-only open reports
 * the torn tail it would cut without cutting it.
 *
 * @param segments how many segment files the log has
 * @param startPosition the first readable position
 * @param endPosition the position after the last valid record
 * @param tornTail the torn final record that was (or, read-only, would be) cut off, if any
 * @param removedTempFiles half-created segment files left by a crash, removed on open
 */
public record RecoveryReport(
        int segments, long startPosition, long endPosition, Optional<TornTail> tornTail, List<Path> removedTempFiles) {}
