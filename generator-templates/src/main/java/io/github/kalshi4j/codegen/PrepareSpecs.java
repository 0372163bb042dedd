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
 * Build step run at {@code generate-sources}: verified spec bytes in, generator inputs out, for every pinned document
 * of {@code spec/spec.lock.json}.
 *
 * <pre>
 * spec/materialized/openapi.yaml                  pinned bytes, sha256-checked (Trade API REST)
 * spec/materialized/asyncapi.yaml                 pinned bytes, sha256-checked (Trade API WebSocket)
 * spec/materialized/openapi.effective.json        openapi + spec/overlays/openapi-*  (what validators use)
 * spec/materialized/perps-openapi.yaml            likewise for each other API's documents (here: perps)
 * spec/materialized/perps-asyncapi.yaml
 * spec/materialized/perps-openapi.effective.json
 * &lt;out&gt;/rest.json, &lt;out&gt;/perps-rest.json   effective OpenAPI documents normalized for the templates
 * &lt;out&gt;/ws.json, &lt;out&gt;/perps-ws.json       AsyncAPI schemas lifted to OpenAPI, normalized
 * </pre>
 *
 * Usage: {@code PrepareSpecs <repo-root> <out-dir> [<asyncapi document>|tables]}; with a document name
 * ({@code asyncapi}, {@code perps-asyncapi}) only that WebSocket input is prepared (the overlay module's build, which
 * generates the WebSocket message union from it); with {@code tables} only {@code <out>/tables.json}, the normalized
 * Trade OpenAPI document with the tabular export's table schemas ({@link TableSurface}; the {@code tabular} module's
 * build).
 *
 * <p>Correction overlays apply by their file name's prefix, which is the document's name in the lock:
 * {@code openapi-*.overlay.yaml} to the Trade OpenAPI document, {@code asyncapi-*.overlay.yaml} to the Trade AsyncAPI
 * document before it is lifted, {@code perps-openapi-*.overlay.yaml} and {@code perps-asyncapi-*.overlay.yaml} to the
 * perps ones.
 */
public final class PrepareSpecs {

    private PrepareSpecs() { }

    /** Command-line entry point used by the {@code generated} module's build. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !"tables".equals(args[2])
                && !"asyncapi".equals(SpecLock.formatOf(args[2])))) {
            throw new IllegalArgumentException(
                    "usage: PrepareSpecs <repo-root> <out-dir> [asyncapi|<api>-asyncapi|tables]");
        }
        try {
            Path root = Path.of(args[0]).toAbsolutePath().normalize();
            if (args.length == 3 && args[2].equals("tables")) {
                runTables(root, Path.of(args[1]));
            } else if (args.length == 3) {
                runAsyncApi(root, Path.of(args[1]), args[2]);
            } else {
                run(root, Path.of(args[1]));
            }
        } catch (SpecException e) {
            // Surface the message plainly: it is what the developer needs to read.
            System.err.println("\n[kalshi4j] " + e.getMessage() + "\n");
            throw e;
        }
    }

    /** Materializes, verifies, corrects, lifts and normalizes every pinned spec. */
    public static void run(Path root, Path out) throws IOException {
        SpecLock lock = SpecLock.read(root);
        List<String> verified = new ArrayList<>();
        for (SpecLock.Entry e : lock.entries()) {
            if (e.format().equals("openapi")) {
                writeRest(root, lock, e.kind(), out);
            } else {
                writeWs(root, lock, e.kind(), out);
            }
            verified.add(e.kind() + " " + e.version());
        }
        System.out.println("[kalshi4j] specs verified: " + String.join(", ", verified) + "; generator inputs in " + out);
    }

    /** Materializes and verifies the pinned Trade AsyncAPI document only, and writes {@code <out>/ws.json}. */
    public static void runAsyncApi(Path root, Path out) throws IOException {
        runAsyncApi(root, out, "asyncapi");
    }

    /**
     * Materializes and verifies one pinned AsyncAPI document only, and writes its generator input
     * ({@code <out>/ws.json} for {@code asyncapi}, {@code <out>/perps-ws.json} for {@code perps-asyncapi}).
     */
    public static void runAsyncApi(Path root, Path out, String kind) throws IOException {
        SpecLock lock = SpecLock.read(root);
        writeWs(root, lock, kind, out);
        System.out.println("[kalshi4j] spec verified: " + kind + " " + lock.entry(kind).version()
                + "; WebSocket generator input in " + out);
    }

    /** The generator input an OpenAPI document becomes: {@code rest.json}, {@code perps-rest.json}. */
    public static String restInput(String kind) {
        return SpecLock.prefixOf(SpecLock.apiOf(kind)) + "rest.json";
    }

    /** The generator input an AsyncAPI document becomes: {@code ws.json}, {@code perps-ws.json}. */
    public static String wsInput(String kind) {
        return SpecLock.prefixOf(SpecLock.apiOf(kind)) + "ws.json";
    }

    private static void writeRest(Path root, SpecLock lock, String kind, Path out) throws IOException {
        ObjectMapper yaml = yamlMapper();
        ObjectNode openapi = (ObjectNode) yaml.readTree(lock.materialize(kind));
        for (Path overlay : overlays(root, kind)) {
            OverlayApplier.apply(yaml.readTree(overlay.toFile()), openapi, root.relativize(overlay).toString());
        }
        // Derived documents are JSON: no YAML 1.1 reader downstream can turn the key "yes" into a boolean.
        ObjectMapper json = new ObjectMapper();
        Path effective = root.resolve("spec/materialized/" + kind + ".effective.json");
        writeIfChanged(effective, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(openapi));

        Files.createDirectories(out);
        ObjectNode rest = openapi.deepCopy();
        SpecNormalizer.normalizeOpenApi(rest);
        writeIfChanged(out.resolve(restInput(kind)), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(rest));
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

    private static void writeWs(Path root, SpecLock lock, String kind, Path out) throws IOException {
        ObjectMapper yaml = yamlMapper();
        ObjectNode asyncapi = (ObjectNode) yaml.readTree(lock.materialize(kind));
        for (Path overlay : overlays(root, kind)) {
            OverlayApplier.apply(yaml.readTree(overlay.toFile()), asyncapi, root.relativize(overlay).toString());
        }
        ObjectNode ws = AsyncApiLifter.lift(asyncapi, yaml);
        WsSurface.requireServers(asyncapi, ws);
        SpecNormalizer.normalizeOpenApi(ws);
        Files.createDirectories(out);
        writeIfChanged(out.resolve(wsInput(kind)),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(ws));
    }

    /** The correction overlays for the Trade OpenAPI document ({@code openapi-*.overlay.yaml}), in file-name order. */
    public static List<Path> overlays(Path root) throws IOException {
        return overlays(root, "openapi");
    }

    /**
     * The correction overlays of one document ({@code openapi}, {@code asyncapi}, {@code perps-openapi}, ...): the
     * files {@code spec/overlays/<document>-*.overlay.yaml}, in file-name order.
     */
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
