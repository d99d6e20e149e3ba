package io.shepherd.wal.meta;

import io.shepherd.common.Clock;
import io.shepherd.common.io.Disk;
import io.shepherd.wal.SyncPolicy;
import io.shepherd.wal.WalOptions;
import java.nio.file.Path;

/**
 * Where and how a {@link MetadataStore} keeps its edit log ({@code <directory>/edits}) and images
 * ({@code <directory>/images}). Build with {@link #builder(Path)}.
 */
public final class MetadataStoreOptions {

    private final Path directory;
    private final Disk disk;
    private final Clock clock;
    private final SyncPolicy syncPolicy;
    private final long segmentBytes;
    private final long imageEveryEdits;
    private final int imagesRetained;

    private MetadataStoreOptions(Builder b) {
        this.directory = b.directory;
        this.disk = b.disk;
        this.clock = b.clock;
        this.syncPolicy = b.syncPolicy;
        this.segmentBytes = b.segmentBytes;
        this.imageEveryEdits = b.imageEveryEdits;
        this.imagesRetained = b.imagesRetained;
        if (imageEveryEdits < 1 || imagesRetained < 1) {
            throw new IllegalArgumentException("need an image every >= 1 edits and >= 1 image retained, got "
                    + imageEveryEdits + " and " + imagesRetained);
        }
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    public Path directory() {
        return directory;
    }

    public Disk disk() {
        return disk;
    }

    /** Edits taken since the last image that trigger the next one. */
    public long imageEveryEdits() {
        return imageEveryEdits;
    }

    /** How many images are kept; the log keeps the edits after the oldest, so recovery can fall back to it. */
    public int imagesRetained() {
        return imagesRetained;
    }

    Path imagesDirectory() {
        return directory.resolve("images");
    }

    WalOptions editLogOptions() {
        return WalOptions.builder(directory.resolve("edits"))
                .disk(disk)
                .clock(clock)
                .syncPolicy(syncPolicy)
                .segmentBytes(segmentBytes)
                .build();
    }

    public static final class Builder {
        private final Path directory;
        private Disk disk = Disk.local();
        private Clock clock = Clock.system();
        private SyncPolicy syncPolicy = SyncPolicy.SYNC;
        private long segmentBytes = 16L << 20;
        private long imageEveryEdits = 10_000;
        private int imagesRetained = 2;

        private Builder(Path directory) {
            if (directory == null) {
                throw new IllegalArgumentException("directory is required");
            }
            this.directory = directory;
        }

        public Builder disk(Disk disk) {
            this.disk = disk;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * When an edit counts as durable; {@link SyncPolicy#SYNC} by default, the only policy under which a
         * returned {@link MetadataStore#apply} survives a power loss.
         */
        public Builder syncPolicy(SyncPolicy syncPolicy) {
            this.syncPolicy = syncPolicy;
            return this;
        }

        /** Segment size of the edit log; 16 MiB by default. */
        public Builder segmentBytes(long segmentBytes) {
            this.segmentBytes = segmentBytes;
            return this;
        }

        /** An image is written after this many edits; 10,000 by default. */
        public Builder imageEveryEdits(long edits) {
            this.imageEveryEdits = edits;
            return this;
        }

        /** How many images to keep; 2 by default (the newest, and one to fall back to if it is damaged). */
        public Builder imagesRetained(int images) {
            this.imagesRetained = images;
            return this;
        }

        public MetadataStoreOptions build() {
            return new MetadataStoreOptions(this);
        }
    }
}
