package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only wire captures shared by the project. They are read in place, never
 * copied into this repository; tests that need them are skipped where they are absent.
 */
final class SharedSamples {

    /** System property naming the shared directory; defaults to {@code ../shared} beside the checkout. */
    static final String PROPERTY = "kalshi4j.shared";

    private SharedSamples() {
    }

    /**
     * Resolves a file under the shared directory, skipping the calling test if it is missing.
     *
     * @param relative path below the shared directory, e.g. {@code wire-samples/ws/x.jsonl}
     * @return the existing file
     */
    static Path require(String relative) {
        String root = System.getProperty("kalshi4j.root", "..");
        Path shared = Path.of(System.getProperty(PROPERTY, Path.of(root).toAbsolutePath().normalize().resolveSibling("shared").toString()));
        Path file = shared.resolve(relative);
        // CI always has ../shared; a missing capture there must fail, not skip.
        if (System.getenv("CI") != null && !Files.isRegularFile(file)) {
            throw new IllegalStateException("shared sample missing in CI: " + file);
        }
        assumeTrue(Files.isRegularFile(file), () -> "shared sample not available: " + file);
        return file;
    }
}
