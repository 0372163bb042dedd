package io.github.kalshi4j.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * Renders a small AsyncAPI fixture through the WebSocket pipeline of the build ({@link AsyncApiLifter} with
 * {@link WsSurface}, {@link SpecNormalizer}, then the OpenAPI Generator configured like the {@code ws-surface}
 * execution of {@code overlay/pom.xml} with {@code generated/codegen-ws-surface.yaml}) and compares the message
 * union, channel catalogue and type table with the goldens under {@code src/test/resources/golden-ws/expected}.
 * It also renders the fixture's payload models (like the {@code ws} execution of {@code generated/pom.xml}) and
 * compiles everything together with the overlay's {@code OverflowPolicy}, which the catalogue names.
 *
 * <p>Refresh the goldens as for the REST templates: {@code -Dgolden.update=true}, then read the diff.
 */
class GoldenWsTemplatesTest {

    static final Path MODULE = Repo.MODULE;
    static final Path REPO = Repo.ROOT;
    static final Path FIXTURE = MODULE.resolve("src/test/resources/golden-ws/fixture-asyncapi.yaml");
    static final Path EXPECTED = MODULE.resolve("src/test/resources/golden-ws/expected");
    static final String SURFACE_FILES = "WsMessage.java,Channel.java,MessageTable.java,WsServers.java";

    @TempDir
    static Path work;

    static Map<String, byte[]> surface;
    static Path surfaceRoot;
    static Path modelsRoot;

    @BeforeAll
    static void render() throws IOException {
        ObjectNode ws = AsyncApiLifter.lift(PrepareSpecs.yamlMapper().readTree(FIXTURE.toFile()), PrepareSpecs.yamlMapper());
        SpecNormalizer.normalizeOpenApi(ws);
        Path input = work.resolve("spec/ws.json");
        Files.createDirectories(input.getParent());
        Files.write(input, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(ws));

        surfaceRoot = work.resolve("surface");
        generate("generated/codegen-ws-surface.yaml", input, surfaceRoot, "supportingFiles", SURFACE_FILES);
        modelsRoot = work.resolve("models");
        generate("generated/codegen-ws.yaml", input, modelsRoot, "models", "");
        surface = GoldenTemplatesTest.javaFiles(surfaceRoot);
        assertFalse(surface.isEmpty(), "the generator rendered no .java file");
    }

    @AfterAll
    static void resetGeneratorGlobals() {
        GlobalSettings.reset();
    }

    /** Mirrors an openapi-generator-maven-plugin execution for the WebSocket document. */
    static void generate(String config, Path inputSpec, Path output, String what, String files) {
        generate(config, inputSpec, output, what, files, "io.github.kalshi4j.ws.model");
    }

    /** As {@link #generate(String, Path, Path, String, String)}, with the execution's model package. */
    static void generate(String config, Path inputSpec, Path output, String what, String files, String modelPackage) {
        CodegenConfigurator c = CodegenConfigurator.fromFile(REPO.resolve(config).toString());
        if (c == null) {
            fail("cannot read " + config);
        }
        c.setInputSpec(inputSpec.toString())
                .setGeneratorName("java")
                .setLibrary("native")
                .setInvokerPackage("io.github.kalshi4j.transport")
                .setApiPackage("io.github.kalshi4j.ws.api")
                .setModelPackage(modelPackage)
                .setTemplateDir(MODULE.resolve("java").toString())
                .setOutputDir(output.toString())
                .setValidateSpec(false)
                .addTypeMapping("UUID", "String")
                .addImportMapping("UUID", "java.lang.String")
                .addAdditionalProperty("sourceFolder", "src/main/java")
                .addAdditionalProperty("dateLibrary", "java8")
                .addAdditionalProperty("openApiNullable", "false")
                .addAdditionalProperty("useJakartaEe", "true")
                .addAdditionalProperty("hideGenerationTimestamp", "true")
                .addGlobalProperty(what, files)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        try {
            new DefaultGenerator().opts(c.toClientOptInput()).generate();
        } finally {
            GlobalSettings.reset();
        }
    }

    @Test
    void renderedSurfaceMatchesTheCommittedGoldenFilesByteForByte() throws IOException {
        GoldenTemplatesTest.assertMatchesGoldens(EXPECTED, surface);
    }

    @Test
    void renderedSurfaceCompilesWithItsModelsAndTheOverlaysOverflowPolicy() throws IOException {
        // The models use the generated transport's KalshiJson; render it from the REST templates' fixture.
        ObjectNode rest = (ObjectNode) PrepareSpecs.yamlMapper().readTree(GoldenTemplatesTest.FIXTURE.toFile());
        SpecNormalizer.normalizeOpenApi(rest);
        Path restInput = work.resolve("spec/rest.json");
        Files.write(restInput, new ObjectMapper().writeValueAsBytes(rest));
        Path transport = work.resolve("transport");
        GoldenTemplatesTest.generate(restInput, transport);
        List<File> sources = new ArrayList<>();
        for (Path root : List.of(surfaceRoot, modelsRoot)) {
            GoldenTemplatesTest.javaFiles(root).keySet().forEach(r -> sources.add(root.resolve(r).toFile()));
        }
        sources.add(transport.resolve("src/main/java/io/github/kalshi4j/transport/KalshiJson.java").toFile());
        sources.add(REPO.resolve("overlay/src/main/java/io/github/kalshi4j/ws/OverflowPolicy.java").toFile());
        Path classes = work.resolve("classes");
        GoldenTemplatesTest.compile(sources, classes);
        assertTrue(Files.exists(classes.resolve("io/github/kalshi4j/ws/WsMessage$MyOrderUpdate.class")));
    }

    @Test
    void everyRenderedFileSaysWhereItCameFromAndWhichTemplateToEdit() {
        for (Map.Entry<String, byte[]> e : surface.entrySet()) {
            String first = new String(e.getValue(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertTrue(first.startsWith("// Generated from spec/materialized/asyncapi.yaml by kalshi4j; edit"
                    + " generator-templates/java/ws/") && first.endsWith(".mustache, not this file."),
                    e.getKey() + " starts with: " + first);
        }
    }

    /**
     * The same templates render the perps surface ({@code perps-ws-surface} in {@code overlay/pom.xml}): into the
     * package {@code wsPackage} of {@code generated/codegen-perps-ws-surface.yaml}, over the models of the execution's
     * model package, importing the engine types it names from {@code wsEnginePackage}.
     */
    @Test
    void thePerpsConfigurationRendersTheSurfaceIntoItsOwnPackageOverTheSharedEngine() throws IOException {
        Path perps = work.resolve("perps-surface");
        generate("generated/codegen-perps-ws-surface.yaml", work.resolve("spec/ws.json"), perps, "supportingFiles",
                SURFACE_FILES, "io.github.kalshi4j.perps.ws.model");
        Map<String, byte[]> files = GoldenTemplatesTest.javaFiles(perps);
        String dir = "src/main/java/io/github/kalshi4j/perps/ws/";
        assertEquals(List.of("Channel.java", "MessageTable.java", "WsMessage.java", "WsServers.java"),
                files.keySet().stream().map(k -> k.startsWith(dir) ? k.substring(dir.length()) : k).sorted().toList());
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            assertTrue(text.contains("\npackage io.github.kalshi4j.perps.ws;\n"), e.getKey());
            assertFalse(text.contains("import io.github.kalshi4j.ws.model."), e.getKey());
        }
        String channel = new String(files.get(dir + "Channel.java"), StandardCharsets.UTF_8);
        assertTrue(channel.contains("\nimport io.github.kalshi4j.ws.OverflowPolicy;\nimport java.util.LinkedHashMap;"),
                channel);
        String message = new String(files.get(dir + "WsMessage.java"), StandardCharsets.UTF_8);
        assertTrue(message.contains("import io.github.kalshi4j.perps.ws.model.BookSnapshotPayload;"), message);
        assertTrue(message.contains("\nimport io.github.kalshi4j.ws.Subscription;\nimport java.util.Objects;"), message);
        String table = new String(files.get(dir + "MessageTable.java"), StandardCharsets.UTF_8);
        assertTrue(table.contains("import io.github.kalshi4j.perps.ws.model.BookSnapshotPayload;"), table);
    }

    /** Guards the fixture: each check names a derivation or correction the fixture is there to exercise. */
    @Test
    void theFixtureExercisesEveryTemplateFeature() {
        String message = source("WsMessage.java");
        String channel = source("Channel.java");
        String table = source("MessageTable.java");
        Map<String, Boolean> features = new TreeMap<>();
        features.put("one record per data message, named from its key",
                message.contains("record BookSnapshot(long sid, OptionalLong seq, BookSnapshotPayload payload)"));
        features.put("inline payload gets a <key>Payload model",
                message.contains("record BookDelta(long sid, OptionalLong seq, BookDeltaPayload payload)"));
        features.put("record name from x-kalshi4j-record", message.contains("record MyOrderUpdate("));
        features.put("market accessor derived from msg.market_ticker",
                message.contains("Optional.ofNullable(payload.msg().marketTicker())"));
        features.put("market accessor from x-kalshi4j-market-field", message.contains("payload.msg().ticker()"));
        features.put("no market accessor without a market member",
                message.contains("record IndexValue(") && message.contains("            return Optional.empty();"));
        features.put("msg accessor typed with the msg model", message.contains("public BookSnapshotPayloadMsg msg()"));
        features.put("visitor method per record", message.contains("default R visit(MyOrderUpdate message)"));
        features.put("Javadoc from the summary, escaped",
                message.contains("A whole book, with levels &amp; &lt;more&gt; ({@code book_snapshot} on {@code book})."));
        features.put("a message on two channels names both", message.contains("on {@code mine}, {@code index_value_5hz})"));
        features.put("sequenced derived from seq in the envelope",
                channel.contains("new Channel(\"book\", \"BOOK\", true, false,"));
        features.put("not sequenced without seq", channel.contains("new Channel(\"mine\", \"MINE\", false, true,"));
        features.put("market filter from x-kalshi4j-market-filter", channel.contains("MarketFilter.REQUIRED, OverflowPolicy.FAIL"));
        features.put("market filter IGNORED derived when a message has no market",
                channel.contains("MarketFilter.IGNORED, OverflowPolicy.FAIL, List.of(\"lifecycle\", \"index_value_5hz\")"));
        features.put("constant name of a wire name with digits", channel.contains("public static final Channel INDEX_VALUE_5HZ"));
        features.put("channel Javadoc from the description's first sentence",
                channel.contains("Book changes for the markets you name: envelope {@code book_snapshot}, {@code book_delta}"));
        features.put("messages sharing a type told apart by a const msg member",
                table.contains("if (\"metadata_updated\".equals(frame.path(\"msg\").path(\"event_type\").asText(null))) {")
                        && table.contains("return new WsMessage.Lifecycle(sid, seq, mapper.treeToValue(frame, LifecyclePayload.class));"));
        features.put("reply types from the connection channel, message names too",
                table.contains("case \"ok\":") && table.contains("case \"ok_reply\":"));
        List<String> missing = features.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), missing, "features the rendered fixture no longer shows");
    }

    private static String source(String name) {
        byte[] b = surface.get("src/main/java/io/github/kalshi4j/ws/" + name);
        assertTrue(b != null, "not rendered: " + name + "; rendered: " + surface.keySet());
        return new String(b, StandardCharsets.UTF_8);
    }
}
