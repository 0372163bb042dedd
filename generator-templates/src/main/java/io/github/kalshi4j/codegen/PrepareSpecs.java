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
 * Usage: {@code PrepareSpecs <repo-root> <out-dir> [asyncapi|tables]}; with {@code asyncapi} only the WebSocket input
 * is prepared (the overlay module's build, which generates the WebSocket message union from it); with {@code tables}
 * only {@code <out>/tables.json}, the normalized OpenAPI document with the tabular export's table schemas
 * ({@link TableSurface}; the {@code tabular} module's build).
 *
 * <p>Correction overlays apply by their file name's prefix: {@code openapi-*.overlay.yaml} to the OpenAPI document,
 * {@code asyncapi-*.overlay.yaml} to the AsyncAPI document before it is lifted.
 */
public final class PrepareSpecs {

    private PrepareSpecs() { }

    /** Command-line entry point used by the {@code generated} module's build. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3
                || (args.length == 3 && !args[2].equals("asyncapi") && !args[2].equals("tables"))) {
            throw new IllegalArgumentException("usage: PrepareSpecs <repo-root> <out-dir> [asyncapi|tables]");
        }
        try {
            Path root = Path.of(args[0]).toAbsolutePath().normalize();
            if (args.length == 3 && args[2].equals("tables")) {
                runTables(root, Path.of(args[1]));
            } else if (args.length == 3) {
                runAsyncApi(root, Path.of(args[1]));
            } else {
                run(root, Path.of(args[1]));
            }
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

        ObjectNode openapi = (ObjectNode) yaml.readTree(openapiBytes);
        for (Path overlay : overlays(root, "openapi")) {
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

        writeWs(root, lock, out);

        System.out.println("[kalshi4j] specs verified: openapi " + lock.entry("openapi").version()
                + ", asyncapi " + lock.entry("asyncapi").version() + "; generator inputs in " + out);
    }

    /**
     * Materializes and verifies the pinned OpenAPI document, applies the correction overlays, normalizes it as for
     * the models and writes {@code <out>/tables.json} with the derived {@code x-kalshi4j-tables}.
     */
    public static void runTables(Path root, Path out) throws IOException {
        SpecLock lock = SpecLock.read(root);
        ObjectMapper yaml = yamlMapper();
        ObjectNode openapi = (ObjectNode) yaml.readTree(lock.materialize("openapi"));
        for (Path overlay : overlays(root, "openapi")) {
            OverlayApplier.apply(yaml.readTree(overlay.toFile()), openapi, root.relativize(overlay).toString());
        }
        SpecNormalizer.normalizeOpenApi(openapi);
        TableSurface.derive(openapi);
        Files.createDirectories(out);
        writeIfChanged(out.resolve("tables.json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(openapi));
        System.out.println("[kalshi4j] spec verified: openapi " + lock.entry("openapi").version() + "; "
                + openapi.path("x-kalshi4j-tables").size() + " export tables in " + out);
    }

    /** Materializes and verifies the pinned AsyncAPI document only, and writes {@code <out>/ws.json}. */
    public static void runAsyncApi(Path root, Path out) throws IOException {
        SpecLock lock = SpecLock.read(root);
        writeWs(root, lock, out);
        System.out.println("[kalshi4j] spec verified: asyncapi " + lock.entry("asyncapi").version()
                + "; WebSocket generator input in " + out);
    }

    private static void writeWs(Path root, SpecLock lock, Path out) throws IOException {
        ObjectMapper yaml = yamlMapper();
        ObjectNode asyncapi = (ObjectNode) yaml.readTree(lock.materialize("asyncapi"));
        for (Path overlay : overlays(root, "asyncapi")) {
            OverlayApplier.apply(yaml.readTree(overlay.toFile()), asyncapi, root.relativize(overlay).toString());
        }
        ObjectNode ws = AsyncApiLifter.lift(asyncapi, yaml);
        WsSurface.requireServers(asyncapi, ws);
        SpecNormalizer.normalizeOpenApi(ws);
        Files.createDirectories(out);
        writeIfChanged(out.resolve("ws.json"), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(ws));
    }

    /** The correction overlays for the OpenAPI document ({@code openapi-*.overlay.yaml}), in file-name order. */
    public static List<Path> overlays(Path root) throws IOException {
        return overlays(root, "openapi");
    }

    /** The correction overlays of one kind ({@code openapi} or {@code asyncapi}), in file-name order. */
    public static List<Path> overlays(Path root, String kind) throws IOException {
        List<Path> list = new ArrayList<>();
        Path dir = root.resolve("spec/overlays");
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, kind + "-*.overlay.yaml")) {
                ds.forEach(list::add);
            }
        }
        list.sort(null);
        return list;
    }

    /**
     * A YAML reader that keeps {@code yes}/{@code no} (and {@code on}/{@code off}, {@code y}/{@code n}) as the strings
     * they are in Kalshi's documents. Jackson reports mapping keys verbatim, but resolves such plain scalar values as
     * YAML 1.1 booleans: an unquoted {@code enum: [yes, no]} (as in OpenAPI 3.30.0's {@code outcome_side}) would
     * otherwise become {@code [true, false]} and the generated enum would send {@code "true"} for YES. Only
     * {@code true} and {@code false} themselves are booleans, as in YAML 1.2 and JSON.
     */
    public static ObjectMapper yamlMapper() {
        ObjectMapper om = new ObjectMapper(new YAMLFactory());
        om.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        om.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("kalshi4j-yaml-1.2-booleans")
                .addDeserializer(JsonNode.class, new Yaml12Tree()));
        return om;
    }

    /** Builds trees in which only {@code true}/{@code false} are booleans (see {@link #yamlMapper()}). */
    private static final class Yaml12Tree extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<JsonNode> {
        private static final long serialVersionUID = 1L;

        Yaml12Tree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws IOException {
            return read(p, ctxt.getNodeFactory());
        }

        @Override
        public JsonNode getNullValue(com.fasterxml.jackson.databind.DeserializationContext ctxt) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        private static JsonNode read(JsonParser p, com.fasterxml.jackson.databind.node.JsonNodeFactory f)
                throws IOException {
            com.fasterxml.jackson.core.JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT: {
                    ObjectNode o = f.objectNode();
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        o.set(name, read(p, f));
                    }
                    return o;
                }
                case START_ARRAY: {
                    com.fasterxml.jackson.databind.node.ArrayNode a = f.arrayNode();
                    while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                        a.add(read(p, f));
                    }
                    return a;
                }
                case VALUE_TRUE:
                case VALUE_FALSE: {
                    String text = p.getText();
                    boolean literal = text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
                    return literal ? f.booleanNode(t == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE) : f.textNode(text);
                }
                case VALUE_STRING:
                    return f.textNode(p.getText());
                case VALUE_NUMBER_INT:
                    return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? f.numberNode(p.getBigIntegerValue())
                            : p.getNumberType() == JsonParser.NumberType.LONG ? f.numberNode(p.getLongValue())
                            : f.numberNode(p.getIntValue());
                case VALUE_NUMBER_FLOAT:
                    return f.numberNode(p.getDoubleValue());
                case VALUE_NULL:
                    return f.nullNode();
                default:
                    return f.pojoNode(p.getEmbeddedObject());
            }
        }
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
