package io.github.kalshi4j.generated;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the shared reference material are, for tests that read them at run time. */
final class TestPaths {

    private TestPaths() {
    }

    /** The repository root (the parent pom's directory). */
    static Path root() {
        String configured = System.getProperty("kalshi4j.root");
        Path p = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    /** {@code ../shared} beside the checkout, or {@code -Dkalshi4j.shared}. */
    static Path shared() {
        String configured = System.getProperty("kalshi4j.shared");
        Path p = configured != null && !configured.isBlank() ? Path.of(configured) : root().resolveSibling("shared");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared reference material not found at " + p
                    + "; set -Dkalshi4j.shared=<dir> (the folder with specs/ and wire-samples/)");
        }
        return p;
    }
}
