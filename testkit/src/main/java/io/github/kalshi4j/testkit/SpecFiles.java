package io.github.kalshi4j.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the validators find the spec documents the build materialized. */
final class SpecFiles {

    private SpecFiles() {
    }

    /**
     * The document to validate against: the file a system property names, else {@code materialized} under the
     * {@code kalshi4j.root} property, else under the working directory or the nearest of its parents that has it.
     *
     * @param property the system property that names the file
     * @param materialized the document's path under the project root, e.g. {@code spec/materialized/asyncapi.yaml}
     * @param kind the kind of document, for the error message ({@code OpenAPI}, {@code AsyncAPI})
     * @throws IllegalStateException when there is none
     */
    static Path locate(String property, String materialized, String kind) {
        String explicit = System.getProperty(property);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String root = System.getProperty("kalshi4j.root");
        if (root != null && Files.isRegularFile(Path.of(root).resolve(materialized))) {
            return Path.of(root).resolve(materialized).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(materialized))) {
                return dir.resolve(materialized);
            }
        }
        throw new IllegalStateException("no " + kind + " document to validate against: set -D" + property
                + " or build the spec module (" + materialized + ")");
    }
}
