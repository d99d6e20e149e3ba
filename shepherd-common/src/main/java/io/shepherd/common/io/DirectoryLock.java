package io.shepherd.common.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** An exclusive lock on a directory, from {@link Disk#lock}; closing it releases the lock. */
public interface DirectoryLock extends Closeable {

    /** The locked directory. */
    Path directory();

    @Override
    void close() throws IOException;
}
