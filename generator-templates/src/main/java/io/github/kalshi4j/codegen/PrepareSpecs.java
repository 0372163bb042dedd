package io.github.kalshi4j.codegen;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step run at {@code generate-sources}: verified spec bytes in, generator inputs out.
 *
 * <pre>
 * spec/materialized/openapi.yaml            pinned bytes, sha256-checked
 * spec/materialized/asyncapi.yaml           pinned bytes, sha256-checked
 * spec/materialized/openapi.effective.json  openapi + spec/overlays (what validators use)
 * &lt;out&gt;/rest.json                        effective spec normalized for the templates
 * &lt;out&gt;/ws.json                          AsyncAPI schemas lifted to OpenAPI, normalized
 * </pre>
 *
 * Usage: {@code PrepareSpecs <repo-root> <out-dir>}.
 */
public final class PrepareSpecs {

    private PrepareSpecs() { }

    /** Command-line entry point used by the {@code generated} module's build. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PrepareSpecs <repo-root> <out-dir>");
        }
        try {
            run(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]));
        } catch (SpecException e) {
            // Surface the message plainly: it is what the developer needs to read.
            System.err.println("\n[kalshi4j] " + e.getMessage() + "\n");
            throw e;
        }
    }

    /** Materializes, verifies, corrects, lifts and normalizes the pinned specs. */
    public static void run(Path root, Path out) throws IOException {
        SpecLock lock = SpecLock.read(root);
        ObjectMapper yaml = yamlMapper();

        byte[] openapiBytes = lock.materialize("openapi");
        byte[] asyncapiBytes = lock.materialize("asyncapi");

        ObjectNode openapi = (ObjectNode) yaml.readTree(openapiBytes);
        for (Path overlay : overlays(root)) {
            OverlayApplier.apply(yaml.readTree(overlay.toFile()), openapi, root.relativize(overlay).toString());
        }
        // Derived documents are JSON: no YAML 1.1 reader downstream can turn the key "yes" into a boolean.
        ObjectMapper json = new ObjectMapper();
        Path effective = root.resolve("spec/materialized/openapi.effective.json");
        writeIfChanged(effective, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(openapi));

        Files.createDirectories(out);
        ObjectNode rest = openapi.deepCopy();
        SpecNormalizer.normalizeOpenApi(rest);
        writeIfChanged(out.resolve("rest.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(rest));

        JsonNode asyncapi = yaml.readTree(asyncapiBytes);
        ObjectNode ws = AsyncApiLifter.lift(asyncapi, yaml);
        SpecNormalizer.normalizeOpenApi(ws);
        writeIfChanged(out.resolve("ws.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(ws));

        System.out.println("[kalshi4j] specs verified: openapi " + lock.entry("openapi").version()
                + ", asyncapi " + lock.entry("asyncapi").version() + "; generator inputs in " + out);
    }

    /** The correction overlays, in file-name order. */
    public static List<Path> overlays(Path root) throws IOException {
        List<Path> list = new ArrayList<>();
        Path dir = root.resolve("spec/overlays");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.overlay.yaml")) {
                ds.forEach(list::add);
            }
        }
        list.sort(null);
        return list;
    }

    /** A YAML reader; Jackson reports mapping keys verbatim, so {@code yes}/{@code no} stay strings. */
    public static ObjectMapper yamlMapper() {
        ObjectMapper om = new ObjectMapper(new YAMLFactory());
        om.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return om;
    }

    // Rewriting identical bytes would bump timestamps and force needless regeneration.
    private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
