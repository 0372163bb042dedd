package io.github.kalshi4j.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.api.KalshiApis;
import io.github.kalshi4j.api.KalshiAsyncApis;
import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.transport.OperationInfo;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The generated surface covers the pinned spec: one model per schema, one stub method per operation. The counts are
 * derived from the pinned files, so a bump needs no edit here; while the lock is at the acceptance pin (OpenAPI 3.13.0,
 * the AsyncAPI 2.0.0 of March 2026) its numbers are asserted as well.
 */
class GeneratedSurfaceTest {

    /** The sha256 of the acceptance pin's documents: 149 schemas, 89 operations, 31 AsyncAPI messages. */
    private static final String ACCEPTANCE_OPENAPI = "cc8c1df58c609c7ccfceab168622551dbfeb6ed3557121a3116bdbb719c48eb6";
    private static final String ACCEPTANCE_ASYNCAPI = "fa0ab3852d8db14a32c0e6e16f207a5bc2bdd66335034f930f4ab9a2f1e55fb3";

    /** Types the generator renders as Java types rather than classes when a named schema is just one of them. */
    private static final Set<String> PRIMITIVE_TYPES = Set.of("string", "integer", "number", "boolean", "array");

    private static boolean pinnedAt(String kind, String sha256) {
        try {
            return io.github.kalshi4j.codegen.SpecLock.read(TestPaths.root()).entry(kind).sha256().equals(sha256);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode rawTree(String kind) {
        try {
            return new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(TestPaths.root().resolve("spec/materialized/" + kind + ".yaml").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A named schema the generator turns into a Java type instead of a class: a plain string, number, integer, boolean
     * or array (money strings become BigDecimal, ExchangeIndex an Integer). String enums are classes; integer enums are
     * plain numbers too (SpecNormalizer keeps their values in Javadoc).
     */
    private static boolean isValueAlias(Schema<?> schema) {
        String type = schema.getType();
        boolean stringEnum = schema.getEnum() != null && "string".equals(type);
        return PRIMITIVE_TYPES.contains(type) && !stringEnum && schema.getProperties() == null;
    }

    private static OpenAPI pinnedSpec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String location = TestPaths.root().resolve("spec/materialized/openapi.yaml").toString();
        OpenAPI api = new OpenAPIParser().readLocation(location, null, options).getOpenAPI();
        if (api == null) {
            throw new AssertionError("swagger-parser could not read " + location);
        }
        return api;
    }

    @Test
    void everySchema_hasAGeneratedModel_orMapsToADecimalType() {
        Map<String, Schema> schemas = pinnedSpec().getComponents().getSchemas();
        List<String> missing = new ArrayList<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        int classes = 0;
        for (Map.Entry<String, Schema> e : schemas.entrySet()) {
            if (isValueAlias(e.getValue())) {
                aliases.put(e.getKey(), e.getValue().getType());
                assertFalse(classExists("io.github.kalshi4j.model." + e.getKey()), e.getKey() + " is an alias, no class");
                continue;
            }
            try {
                Class.forName("io.github.kalshi4j.model." + e.getKey());
                classes++;
            } catch (ClassNotFoundException ex) {
                missing.add(e.getKey());
            }
        }
        System.out.printf("surface: %d schemas -> %d model classes + %d value aliases %s%n",
                schemas.size(), classes, aliases.size(), aliases.keySet());
        assertEquals(List.of(), missing, "schemas without a generated model");
        assertEquals(rawTree("openapi").path("components").path("schemas").size(), schemas.size(),
                "every schema of the pinned file was read");
        assertEquals(schemas.size(), classes + aliases.size());
        if (pinnedAt("openapi", ACCEPTANCE_OPENAPI)) {
            assertEquals(149, schemas.size(), "the pinned spec 3.13.0 has 149 schemas");
            assertEquals(Set.of("FixedPointDollars", "FixedPointCount", "PriceLevelDollarsCountFp"), aliases.keySet());
        }
    }

    @Test
    void moneyAliases_becomeBigDecimal() throws Exception {
        assertEquals(BigDecimal.class, io.github.kalshi4j.model.Market.class.getMethod("yesBidDollars").getReturnType());
        assertEquals(BigDecimal.class, io.github.kalshi4j.model.Order.class.getMethod("initialCountFp").getReturnType());
        Method levels = io.github.kalshi4j.model.OrderbookCountFp.class.getMethod("yesDollars");
        assertEquals("java.util.List<java.util.List<java.math.BigDecimal>>", levels.getGenericReturnType().getTypeName());
    }

    @Test
    void everyOperation_hasOneBlockingAndOneAsyncStubMethod_withItsMethodAndPath() {
        OpenAPI api = pinnedSpec();
        Map<String, OperationInfo> generated = Operations.all().stream()
                .collect(Collectors.toMap(OperationInfo::operationId, o -> o));
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> m : p.getValue().readOperationsMap().entrySet()) {
                operations++;
                Operation op = m.getValue();
                OperationInfo info = generated.get(op.getOperationId());
                if (info == null) {
                    problems.add(op.getOperationId() + ": no Operations constant");
                    continue;
                }
                if (!info.method().equals(m.getKey().name()) || !info.pathTemplate().equals(p.getKey())) {
                    problems.add(op.getOperationId() + ": generated " + info.method() + " " + info.pathTemplate()
                            + ", spec " + m.getKey() + " " + p.getKey());
                }
                if (info.authenticated() != (op.getSecurity() != null && !op.getSecurity().isEmpty())) {
                    problems.add(op.getOperationId() + ": authenticated flag differs from the spec's security");
                }
                if (!op.getTags().get(0).equals(info.tag())) {
                    problems.add(op.getOperationId() + ": tag " + info.tag() + " vs spec " + op.getTags().get(0));
                }
                if (stubMethods(KalshiApis.class, info.javaMethod()) == 0) {
                    problems.add(op.getOperationId() + ": no blocking stub method " + info.javaMethod());
                }
                if (stubMethods(KalshiAsyncApis.class, info.javaMethod()) == 0) {
                    problems.add(op.getOperationId() + ": no async stub method " + info.javaMethod());
                }
            }
        }
        System.out.printf("surface: %d operations -> %d generated operations with blocking and async stubs%n",
                operations, generated.size());
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        int inFile = 0;
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        for (JsonNode item : rawTree("openapi").path("paths")) {
            for (var it = item.fieldNames(); it.hasNext();) {
                inFile += methods.contains(it.next()) ? 1 : 0;
            }
        }
        assertEquals(inFile, operations, "every operation of the pinned file was read");
        if (pinnedAt("openapi", ACCEPTANCE_OPENAPI)) {
            assertEquals(89, operations, "the pinned spec 3.13.0 has 89 operations");
        }
        assertEquals(operations, generated.size());
    }

    @Test
    void everyAsyncApiMessage_hasAModelNamingIt() throws Exception {
        JsonNode asyncapi = rawTree("asyncapi");
        Set<String> named = ModelSamples.modelClasses("io.github.kalshi4j.ws.model").stream()
                .flatMap(c -> messageNames(c).stream()).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        int json = 0;
        int all = 0;
        for (var it = asyncapi.path("components").path("messages").fields(); it.hasNext();) {
            var e = it.next();
            all++;
            if (!e.getValue().path("contentType").asText("application/json").contains("json")) {
                continue;
            }
            json++;
            if (!named.contains(e.getValue().path("name").asText())) {
                missing.add(e.getKey());
            }
        }
        System.out.printf("surface: %d AsyncAPI messages, %d JSON messages all modelled (the rest are ping/pong control frames)%n", all, json);
        if (pinnedAt("asyncapi", ACCEPTANCE_ASYNCAPI)) {
            assertEquals(31, all, "the pinned AsyncAPI 2.0.0 has 31 messages");
        }
        assertTrue(json > 0);
        assertEquals(List.of(), missing);
    }

    static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> messageNames(Class<?> c) {
        try {
            return (List<String>) c.getField("MESSAGE_NAMES").get(null);
        } catch (ReflectiveOperationException e) {
            return List.of();
        }
    }

    static long stubMethods(Class<?> apis, String name) {
        return Arrays.stream(apis.getMethods()).filter(m -> m.getParameterCount() == 0 && m.getDeclaringClass() == apis)
                .flatMap(m -> Arrays.stream(m.getReturnType().getMethods()))
                .filter(m -> m.getName().equals(name)).count();
    }
}
