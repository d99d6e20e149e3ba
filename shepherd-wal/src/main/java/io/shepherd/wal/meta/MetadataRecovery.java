package io.shepherd.wal.meta;

import io.shepherd.wal.RecoveryReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What opening a {@link MetadataStore} did.
 *
 * @param image the image the state was loaded from, if any
 * @param imageTxid the last edit that image includes (0 without an image)
 * @param rejectedImages images found damaged and set aside, with file, offset and reason
 * @param editsReplayed edits applied from the log after the image
 * @param lastTxid the last edit in the recovered state
 * @param editLog what opening the edit log found (its torn tail, if any)
 */
public record MetadataRecovery(
        Optional<Path> image,
        long imageTxid,
        List<String> rejectedImages,
        long editsReplayed,
        long lastTxid,
        RecoveryReport editLog) {}
