package io.github.kalshi4j.contract;

import io.github.kalshi4j.codegen.SpecLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads spec bytes from a file path or an http(s) URL. */
final class SpecSource {

    private SpecSource() {
    }

    /** True for {@code http://} and {@code https://} locations. */
    static boolean isUrl(String location) {
        return location.startsWith("https://") || location.startsWith("http://");
    }

    /** The bytes at a location; relative paths resolve against {@code base}. */
    static byte[] read(String location, Path base) throws IOException {
        if (isUrl(location)) {
            return SpecLock.download(location);
        }
        Path file = base.resolve(location);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no spec file at " + file);
        }
        return Files.readAllBytes(file);
    }

    /** The document's {@code info.version}, or {@code ?}. */
    static String version(byte[] bytes) {
        return AsyncApiReader.tree(bytes).path("info").path("version").asText("?");
    }
}
