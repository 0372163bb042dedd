package io.github.kalshi4j.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's read-only wire captures, read in place and never copied into the repository:
 * {@code -Dkalshi4j.shared}, else {@code shared} beside the checkout named by {@code -Dkalshi4j.root} (default "..").
 */
final class WireSamples {

    private WireSamples() {
    }

    /** The capture {@code wire-samples/<relative>}; skips the test when absent outside CI, fails in CI. */
    static Path require(String relative) {
        String configured = System.getProperty("kalshi4j.shared");
        Path shared = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("kalshi4j.root", "..")).toAbsolutePath().normalize().resolveSibling("shared");
        Path file = shared.resolve("wire-samples").resolve(relative);
        if (System.getenv("CI") != null && !Files.isRegularFile(file)) {
            throw new IllegalStateException("shared wire sample missing in CI: " + file);
        }
        assumeTrue(Files.isRegularFile(file), () -> "shared wire sample not available: " + file);
        return file;
    }
}
