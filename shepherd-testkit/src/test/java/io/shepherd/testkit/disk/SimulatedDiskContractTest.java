package io.shepherd.testkit.disk;

import io.shepherd.common.io.Disk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

class SimulatedDiskContractTest extends DiskContractTest {

    private final SimulatedDisk disk = new SimulatedDisk(42);
    private final Path root = Path.of("/sim/root");

    SimulatedDiskContractTest() {
        try {
            disk.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Disk disk() {
        return disk;
    }

    @Override
    protected Path root() {
        return root;
    }
}
