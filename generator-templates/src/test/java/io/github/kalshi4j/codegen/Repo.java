package io.github.kalshi4j.codegen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository and the pinned specs; nothing here copies a spec. */
final class Repo {

    /** This module's directory (surefire runs tests with it as the working directory). */
    static final Path MODULE = moduleDir();

    /** The repository root, holding spec/, generated/ and generator-templates/. */
    static final Path ROOT = MODULE.getParent();

    private Repo() {
    }

    /**
     * The pinned spec of a kind, read at test time where the build reads it ({@code spec/materialized/}, else the
     * mirror directory: {@code KALSHI_SPEC_DIR} or {@code ../shared/specs}, found by hash) and sha256-verified.
     * Tests that need it are skipped on a machine that has neither.
     */
    static byte[] pinnedSpecBytes(String kind) {
        try {
            SpecLock lock = SpecLock.read(ROOT);
            SpecLock.Entry entry = lock.entry(kind);
            Path file = lock.materializedPath(kind);
            if (!Files.exists(file) && lock.mirrorDir() != null) {
                try {
                    file = lock.locateInMirror(kind);
                } catch (SpecException noPinnedBytes) {
                    // Skipped below, like a machine without a mirror.
                }
            }
            assumeTrue(Files.exists(file), "the pinned " + kind + " spec " + entry.file()
                    + " is neither in a spec mirror nor in spec/materialized/");
            byte[] bytes = Files.readAllBytes(file);
            SpecLock.verify(entry, bytes, file.toString());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pinned spec of a kind as a tree, read with the build's YAML reader. */
    static ObjectNode pinnedSpec(String kind) {
        try {
            return (ObjectNode) PrepareSpecs.yamlMapper().readTree(pinnedSpecBytes(kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses YAML test input with the build's YAML reader. */
    static ObjectNode yaml(String text) {
        try {
            JsonNode n = PrepareSpecs.yamlMapper().readTree(text);
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        Path dir = Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("java")) && Files.isDirectory(dir.resolve("generator-templates/java"))) {
            dir = dir.resolve("generator-templates"); // run from the repository root, e.g. in an IDE
        }
        return dir;
    }
}
