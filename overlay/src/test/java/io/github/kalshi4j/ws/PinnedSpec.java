package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The pinned AsyncAPI spec as the build materialized it, read as a JSON tree. */
final class PinnedSpec {

    private static JsonNode asyncApi;

    private PinnedSpec() {
    }

    static synchronized JsonNode asyncApi() {
        if (asyncApi == null) {
            Path file = Path.of(System.getProperty("kalshi4j.root", ".."), "spec", "materialized", "asyncapi.yaml");
            try {
                asyncApi = new YAMLMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("the build materializes " + file + " before the overlay's tests", e);
            }
        }
        return asyncApi;
    }
}
