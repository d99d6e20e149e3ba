package io.shepherd.cli.checkpoints;

import io.shepherd.cli.UserError;
import io.shepherd.runtime.checkpoint.CheckpointLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checks both subcommands make of the directory they are given. */
final class CheckpointDirectory {

    private CheckpointDirectory() {}

    /** The directory as an absolute path, if it exists; otherwise a usage error saying what was expected. */
    static Path existing(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UserError(directory + " is not a directory; give the job's checkpoint directory");
        }
        return directory.toAbsolutePath().normalize();
    }

    /** Like {@link #existing}, and it must hold a checkpoint log. */
    static Path withLog(Path directory) {
        Path root = existing(directory);
        if (!Files.isDirectory(root.resolve(CheckpointLayout.STORE_DIRECTORY))) {
            throw new UserError(root + " is not a checkpoint directory: it has no " + CheckpointLayout.STORE_DIRECTORY
                    + "/ log of completed checkpoints");
        }
        return root;
    }
}
