package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the repository and Kalshi's spec files. Kalshi's files are read in place, at test time, from
 * {@code <kalshi4j.root>/../shared/specs} (the parent pom passes {@code -Dkalshi4j.root} to surefire); nothing is
 * copied into the repository.
 */
final class Repo {

    /** The repository root. */
    static final Path ROOT = root();

    /** Kalshi's published specs, current and previous versions. */
    static final Path SHARED_SPECS = ROOT.getParent().resolve("shared/specs");

    private Repo() {
    }

    /** The bytes of a file under {@link #SHARED_SPECS}; the test is skipped on a machine without the mirror. */
    static byte[] shared(String relative) {
        Path file = SHARED_SPECS.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "Kalshi spec mirror file " + file + " is not on this machine");
        return read(file);
    }

    /** The pinned inputs of {@code make drift}; the build writes them, so they exist once the reactor got here. */
    static PinnedDriftCheck.Inputs pinned() {
        PinnedDriftCheck.Inputs in = PinnedDriftCheck.Inputs.fromRoot(ROOT);
        assumeTrue(Files.isRegularFile(in.effectiveOpenApi()), in.effectiveOpenApi() + " is missing: build first");
        return in;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        String configured = System.getProperty("kalshi4j.root");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.dir")).getParent();
        return dir.toAbsolutePath().normalize();
    }
}
