package io.shepherd.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the side-by-side comparison ({@code io.shepherd.bench.compare.Comparison} in shepherd-bench) in a JVM
 * of its own: the peer engine's classes stay out of the command's class path. The {@code shepherd}
 * launcher builds shepherd-bench first and says where the checkout is ({@code shepherd.home}).
 */
final class PeerComparison {
    private static final String MAIN = "io.shepherd.bench.compare.Comparison";

    private PeerComparison() {}

    /** Runs the comparison with {@code args}, its output on this process's; returns its exit code. */
    static int run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath(), MAIN));
        command.addAll(args);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static String classPath() throws IOException {
        String home = System.getProperty("shepherd.home");
        if (home == null) {
            throw new IllegalStateException("the comparison runs from a checkout: start it with the ./shepherd launcher");
        }
        Path bench = Path.of(home, "shepherd-bench", "target");
        Path dependencies = bench.resolve("compare.classpath");
        if (!Files.isRegularFile(dependencies)) {
            throw new IllegalStateException(dependencies + " is missing: build the benchmarks with "
                    + "./mvnw -pl shepherd-bench -am package -Dmaven.test.skip=true (./shepherd does it for you)");
        }
        return bench.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(dependencies, StandardCharsets.UTF_8).strip();
    }
}
