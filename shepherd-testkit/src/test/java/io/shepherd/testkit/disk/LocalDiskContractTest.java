package io.shepherd.testkit.disk;

import io.shepherd.common.io.Disk;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskContractTest extends DiskContractTest {

    @TempDir
    Path root;

    @Override
    protected Disk disk() {
        return Disk.local();
    }

    @Override
    protected Path root() {
        return root;
    }
}
