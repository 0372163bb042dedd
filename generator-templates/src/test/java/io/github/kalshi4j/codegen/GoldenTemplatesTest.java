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
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Renders a small fixture spec with the real templates, through the same pipeline as the {@code generated}
 * module's build ({@link SpecNormalizer}, then the OpenAPI Generator configured like the {@code rest} execution
 * of {@code generated/pom.xml} with {@code generated/codegen-rest.yaml}), and compares every rendered
 * {@code .java} file byte-for-byte with the committed goldens under {@code src/test/resources/golden/expected}.
 *
 * <p>A template change shows up here as a reviewable diff of the goldens. Refresh them with
 * {@code mvn -B -q -Dquick -pl generator-templates install -Dgolden.update=true}, then read the diff.
 */
class GoldenTemplatesTest {

    /** Set by surefire from the Maven property of the same name (see this module's pom). */
    static final boolean UPDATE = Boolean.parseBoolean(System.getProperty("golden.update", "false"));

    static final Path MODULE = Repo.MODULE;
    static final Path REPO = Repo.ROOT;
    static final Path FIXTURE = MODULE.resolve("src/test/resources/golden/fixture-openapi.yaml");
    static final Path EXPECTED = MODULE.resolve("src/test/resources/golden/expected");

    /** What the {@code rest} execution of generated/pom.xml lists as supportingFilesToGenerate. */
    static final String SUPPORTING_FILES = "KalshiTransport.java,ApiRequest.java,ApiResponse.java,RequestOptions.java,"
            + "PageIterable.java,KalshiJson.java,PathEncoder.java,OperationInfo.java,Operations.java,KalshiApis.java,"
            + "KalshiAsyncApis.java,RestServers.java";

    @TempDir
    static Path work;

    /** Relative path (with '/') to rendered bytes, for every rendered .java file. */
    static Map<String, byte[]> rendered;
    static Path renderedRoot;

    @BeforeAll
    static void render() throws IOException {
        ObjectNode spec = (ObjectNode) PrepareSpecs.yamlMapper().readTree(FIXTURE.toFile());
        SpecNormalizer.normalizeOpenApi(spec);
        Path input = work.resolve("spec/rest.json");
        Files.createDirectories(input.getParent());
        Files.write(input, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(spec));

        renderedRoot = work.resolve("out");
        generate(input, renderedRoot);
        rendered = javaFiles(renderedRoot);
        assertFalse(rendered.isEmpty(), "the generator rendered no .java file");
    }

    @AfterAll
    static void resetGeneratorGlobals() {
        GlobalSettings.reset();
    }

    /** Mirrors the {@code rest} execution of the openapi-generator-maven-plugin in generated/pom.xml. */
    static void generate(Path inputSpec, Path output) {
        CodegenConfigurator c = CodegenConfigurator.fromFile(REPO.resolve("generated/codegen-rest.yaml").toString());
        if (c == null) {
            fail("cannot read generated/codegen-rest.yaml");
        }
        c.setInputSpec(inputSpec.toString())
                .setGeneratorName("java")
                .setLibrary("native")
                .setInvokerPackage("io.github.kalshi4j.transport")
                .setApiPackage("io.github.kalshi4j.api")
                .setModelPackage("io.github.kalshi4j.model")
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
                // The plugin turns its generate*/…ToGenerate parameters into these global properties.
                .addGlobalProperty("apis", "")
                .addGlobalProperty("models", "")
                .addGlobalProperty("supportingFiles", SUPPORTING_FILES)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false")
                .addGlobalProperty("generateRecursiveDependentModels", "false");
        try {
            new DefaultGenerator().opts(c.toClientOptInput()).generate();
        } finally {
            GlobalSettings.reset();
        }
    }

    @Test
    void renderedSourcesMatchTheCommittedGoldenFilesByteForByte() throws IOException {
        assertMatchesGoldens(EXPECTED, rendered);
    }

    /** Compares rendered files with a golden folder byte for byte, or rewrites the folder with -Dgolden.update=true. */
    static void assertMatchesGoldens(Path expectedRoot, Map<String, byte[]> renderedFiles) throws IOException {
        if (UPDATE) {
            rewriteGoldens(expectedRoot, renderedFiles);
            return;
        }
        assertTrue(Files.isDirectory(expectedRoot), "no golden files in " + MODULE.relativize(expectedRoot)
                + "; create them with " + refreshCommand());
        Map<String, byte[]> expected = javaFiles(expectedRoot);
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(renderedFiles.keySet());
        missing.removeAll(expected.keySet());
        for (String m : missing) {
            problems.add("rendered but no golden file: " + m);
        }
        TreeSet<String> extra = new TreeSet<>(expected.keySet());
        extra.removeAll(renderedFiles.keySet());
        for (String x : extra) {
            problems.add("golden file no longer rendered: " + x);
        }
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            byte[] actual = renderedFiles.get(e.getKey());
            if (actual != null && !Arrays.equals(e.getValue(), actual)) {
                problems.add(firstDifference(e.getKey(), e.getValue(), actual));
            }
        }
        if (!problems.isEmpty()) {
            fail("The templates render differently from the golden files (" + problems.size() + " file(s)).\n"
                    + "If the change is intended, refresh the goldens with\n  " + refreshCommand()
                    + "\nand review the diff of " + MODULE.relativize(expectedRoot) + ".\n\n"
                    + String.join("\n\n", problems));
        }
    }

    @Test
    void renderedSourcesCompileAgainstJackson() throws IOException {
        Path classes = work.resolve("classes");
        compile(rendered.keySet().stream().map(r -> renderedRoot.resolve(r).toFile()).toList(), classes);
        assertTrue(Files.exists(classes.resolve("io/github/kalshi4j/api/MarketsApi.class")));
    }

    /** Compiles rendered sources against Jackson alone (what the generated module depends on) into {@code classes}. */
    static void compile(List<File> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "tests must run on a JDK (no system Java compiler)");
        Files.createDirectories(classes);
        String classpath = Stream.of(
                        com.fasterxml.jackson.annotation.JsonProperty.class,
                        com.fasterxml.jackson.core.JsonGenerator.class,
                        com.fasterxml.jackson.databind.ObjectMapper.class,
                        com.fasterxml.jackson.datatype.jsr310.JavaTimeModule.class)
                .map(GoldenTemplatesTest::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(out, files, diagnostics,
                    List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-Xlint:all,-processing,-serial",
                            "-classpath", classpath, "-d", classes.toString()),
                    null, files.getJavaFileObjectsFromFiles(sources)).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(GoldenTemplatesTest::describe)
                    .collect(Collectors.joining("\n"));
            assertTrue(ok && errors.isEmpty(), "the templates render Java that does not compile:\n" + errors + out);
        }
    }

    @Test
    void everyRenderedFileSaysWhereItCameFromAndWhichTemplateToEdit() {
        for (Map.Entry<String, byte[]> e : rendered.entrySet()) {
            String first = new String(e.getValue(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertTrue(first.startsWith("// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/")
                    && first.endsWith(".mustache, not this file."), e.getKey() + " starts with: " + first);
        }
    }

    /**
     * Guards the fixture itself: a golden refresh must not silently accept a template that stopped rendering a
     * feature. Each check names the feature the fixture is there to exercise.
     */
    @Test
    void theFixtureExercisesEveryTemplateFeature() {
        String market = source("model/Market.java");
        String marketsApi = source("api/MarketsApi.java");
        String portfolioApi = source("api/PortfolioApi.java");
        Map<String, Boolean> features = new TreeMap<>();
        features.put("money property as BigDecimal, written as a string, read within the fixed-point bounds",
                market.contains("@JsonSerialize(using = KalshiJson.DecimalAsString.class)\n"
                        + "    @JsonDeserialize(using = KalshiJson.FixedPointReader.class)\n    private BigDecimal yesBidDollars;"));
        features.put("money builder setter checks the fixed-point bounds",
                market.contains("this.yesBidDollars = KalshiJson.checkFixedPoint(\"yes_bid_dollars\", value);"));
        features.put("money list builder setter checks every decimal",
                source("model/GetMarketOrderbookResponseOrderbook.java")
                        .contains("KalshiJson.checkFixedPoints(\"yes_dollars_fp\", value);"));
        features.put("money builder overload from a decimal string",
                market.contains("public Builder yesBidDollars(String value)"));
        features.put("short money accessor (yes_bid_dollars -> yesBid)", market.contains("public BigDecimal yesBid()"));
        features.put("short count accessor (volume_fp -> volume)", market.contains("public BigDecimal volume()"));
        features.put("no short accessor when it would collide (price_dollars vs price)",
                !market.contains("Short for {@link #priceDollars()}"));
        features.put("$ref FixedPointDollars inlined as money", market.contains("private BigDecimal notionalValue;"));
        features.put("int64 as Long", market.contains("private Long openInterest;"));
        features.put("date-time with Kalshi reader and writer",
                market.contains("@JsonDeserialize(using = KalshiJson.DateTimeReader.class)\n    private OffsetDateTime closeTime;"));
        features.put("required property of a request body checked by build(), as an IllegalArgumentException",
                source("model/CreateOrderRequest.java").contains(
                        "throw new IllegalArgumentException(\"CreateOrderRequest.ticker is required\")"));
        features.put("all-optional query parameters: a raw-response form with options only",
                portfolioApi.contains("public ApiResponse<AmendOrderResponse> amendOrderWithResponse(String orderId,"
                        + " AmendOrderRequest amendOrderRequest, RequestOptions options)")
                        && source("api/PortfolioApiAsync.java").contains("amendOrderWithResponse(String orderId,"
                        + " AmendOrderRequest amendOrderRequest, RequestOptions options)"));
        features.put("inline enum with UNKNOWN", market.contains("public enum ResultEnum"));
        features.put("enum $ref kept as raw string with typed accessor",
                market.contains("public MarketStatus status()") && market.contains("public String statusAsString()"));
        features.put("top-level enum", rendered.containsKey("src/main/java/io/github/kalshi4j/model/MarketStatus.java"));
        features.put("nullable list reads as empty", market.contains("private void tagsFromJson(List<String> value)"));
        features.put("array of arrays of decimals",
                source("model/GetMarketOrderbookResponseOrderbook.java").contains("List<List<BigDecimal>> yesDollarsFp"));
        features.put("nested inline object becomes a model",
                source("model/GetMarketOrderbookResponse.java").contains("private GetMarketOrderbookResponseOrderbook orderbook;"));
        features.put("empty object schema still gets a model",
                source("model/AmendOrderResponse.java").contains("public final class AmendOrderResponse"));
        features.put("const type becomes a TYPE constant",
                source("model/MarketLifecycleEvent.java").contains("public static final String TYPE = \"market_lifecycle\";"));
        features.put("path parameter", marketsApi.contains("request.pathParam(\"ticker\", ticker);"));
        features.put("exploded array query parameter",
                marketsApi.contains("request.queryArray(\"series_tickers\", params.seriesTickers(), true);"));
        features.put("comma-joined array query parameter",
                marketsApi.contains("request.queryArray(\"tickers\", params.tickers(), false);"));
        features.put("required query parameter with minimum and maximum",
                marketsApi.contains("query parameter depth is required") && marketsApi.contains("depth must be >= 0")
                        && marketsApi.contains("depth must be <= 100"));
        features.put("pagination methods", marketsApi.contains("public PageIterable<GetMarketsResponse, Market> getMarketsPages("));
        features.put("request body", portfolioApi.contains("request.body(createOrderRequest);"));
        features.put("204 answers Void", portfolioApi.contains("public Void cancelOrder(String orderId)"));
        features.put("path + body + query in one signature",
                portfolioApi.contains("amendOrder(String orderId, AmendOrderRequest amendOrderRequest, AmendOrderParams params, RequestOptions options)"));
        features.put("deprecated operation", portfolioApi.contains("@Deprecated"));
        String operations = source("api/Operations.java");
        features.put("authenticated and public operations",
                operations.contains("\"CreateOrder\", \"portfolio\", \"POST\", \"/portfolio/orders\", true")
                        && operations.contains("\"GetMarkets\", \"market\", \"GET\", \"/markets\", false"));
        features.put("two tags, plural accessor for market",
                source("api/KalshiApis.java").contains("public MarketsApi markets()")
                        && source("api/KalshiApis.java").contains("public PortfolioApi portfolio()"));
        features.put("money query parameter takes a decimal string",
                marketsApi.contains("public Builder minYesBidDollars(String value)"));
        features.put("async twin", rendered.containsKey("src/main/java/io/github/kalshi4j/api/PortfolioApiAsync.java"));
        List<String> missing = features.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), missing, "features the rendered fixture no longer shows");
    }

    private static String source(String underKalshi4j) {
        byte[] b = rendered.get("src/main/java/io/github/kalshi4j/" + underKalshi4j);
        assertTrue(b != null, "not rendered: " + underKalshi4j + "; rendered: " + rendered.keySet());
        return new String(b, StandardCharsets.UTF_8);
    }

    static void rewriteGoldens(Path expectedRoot, Map<String, byte[]> renderedFiles) throws IOException {
        if (Files.isDirectory(expectedRoot)) {
            try (Stream<Path> s = Files.walk(expectedRoot)) {
                for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, byte[]> e : renderedFiles.entrySet()) {
            Path target = expectedRoot.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
        System.out.println("[golden] rewrote " + renderedFiles.size() + " golden files in " + expectedRoot);
    }

    /** A unified-diff-like view of the first differing line, with a little context. */
    static String firstDifference(String file, byte[] expectedBytes, byte[] actualBytes) {
        List<String> exp = lines(expectedBytes);
        List<String> act = lines(actualBytes);
        int i = 0;
        while (i < exp.size() && i < act.size() && exp.get(i).equals(act.get(i))) {
            i++;
        }
        int from = Math.max(0, i - 3);
        StringBuilder sb = new StringBuilder();
        sb.append("--- golden/expected/").append(file).append('\n');
        sb.append("+++ rendered/").append(file).append('\n');
        sb.append("@@ first difference at line ").append(i + 1).append(" @@\n");
        for (int k = from; k < i; k++) {
            sb.append(' ').append(exp.get(k)).append('\n');
        }
        // Where the two files agree again (the nearest line pair that is equal), within a small window.
        int dropped = Math.min(exp.size() - i, 12);
        int added = Math.min(act.size() - i, 12);
        search:
        for (int total = 1; total <= 24; total++) {
            for (int a = 0; a <= total; a++) {
                int b = total - a;
                if (i + a < exp.size() && i + b < act.size() && exp.get(i + a).equals(act.get(i + b))) {
                    dropped = a;
                    added = b;
                    break search;
                }
            }
        }
        for (int k = i; k < i + dropped; k++) {
            sb.append('-').append(exp.get(k)).append('\n');
        }
        for (int k = i; k < i + added; k++) {
            sb.append('+').append(act.get(k)).append('\n');
        }
        for (int k = i + dropped; k < Math.min(exp.size(), i + dropped + 3); k++) {
            sb.append(' ').append(exp.get(k)).append('\n');
        }
        if (i >= exp.size() && i >= act.size()) {
            sb.append("(same lines; the files differ in line endings or a trailing newline)\n");
        }
        return sb.toString();
    }

    private static List<String> lines(byte[] bytes) {
        return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
    }

    static Map<String, byte[]> javaFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".java")).toList()) {
                String rel = root.relativize(p).toString().replace(File.separatorChar, '/');
                files.put(rel, Files.readAllBytes(p));
            }
        }
        return files;
    }

    static String refreshCommand() {
        return "mvn -B -q -Dquick -pl generator-templates install -Dgolden.update=true";
    }

    static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        return where + d.getMessage(Locale.ROOT);
    }
}
