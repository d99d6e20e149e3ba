package io.shepherd.cli.wal;

import io.shepherd.cli.ExitCodes;
import io.shepherd.wal.CorruptLogException;
import io.shepherd.wal.SyncPolicy;
import io.shepherd.wal.WalOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What the wal subcommands share: how they open a log, parse a sync policy and report a failure. */
final class WalCliOptions {

    private WalCliOptions() {}

    /**
     * Options for reading a log written with any settings: the largest segment and record sizes, so that
     * no record a writer could have written is mistaken for damage.
     */
    static WalOptions forReading(Path directory) {
        long segment = WalOptions.MAX_SEGMENT_BYTES;
        return WalOptions.builder(directory)
                .segmentBytes(segment)
                .maxRecordBytes((int) (segment - 64))
                .maxQueuedBytes(segment)
                .verifySealedSegments(true)
                .build();
    }

    /** Null if {@code directory} is an existing directory, else the usage error to return after saying so. */
    static Integer checkDirectory(Path directory, PrintWriter err) {
        if (Files.isDirectory(directory)) {
            return null;
        }
        err.println("wal: " + directory + " is not a directory");
        return ExitCodes.USAGE;
    }

    /** Prints a corruption verdict: the file, the byte offset and what to do. */
    static int corrupt(CorruptLogException e, PrintWriter out) {
        out.println("CORRUPT " + e.getMessage());
        out.println("Records from that offset on cannot be trusted. Restore the log from a replica or backup,"
                + " or cut the file at that offset and remove later segments to accept the loss.");
        out.flush();
        return ExitCodes.FAILED;
    }

    /** Parses {@code always}, {@code interval=<ms>}, {@code never}. */
    static final class SyncPolicyConverter implements ITypeConverter<SyncPolicy> {
        @Override
        public SyncPolicy convert(String value) {
            try {
                return SyncPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
