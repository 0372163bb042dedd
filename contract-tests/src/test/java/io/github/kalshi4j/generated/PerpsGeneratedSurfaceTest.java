package io.github.kalshi4j.generated;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.codegen.PrepareSpecs;
import io.github.kalshi4j.codegen.SpecLock;
import io.github.kalshi4j.perps.api.KalshiApis;
import io.github.kalshi4j.perps.api.KalshiAsyncApis;
import io.github.kalshi4j.perps.api.Operations;
import io.github.kalshi4j.perps.api.RestServers;
import io.github.kalshi4j.transport.OperationInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.kalshi4j.generated.GeneratedSurfaceTest.classExists;
import static io.github.kalshi4j.generated.GeneratedSurfaceTest.messageNames;
import static io.github.kalshi4j.generated.GeneratedSurfaceTest.stubMethods;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Perps (margin) API is generated from its own pinned documents ({@code perps-openapi}, {@code perps-asyncapi})
 * into its own packages: one model per schema in {@code io.github.kalshi4j.perps.model}, one blocking and one async
 * stub method per operation in {@code io.github.kalshi4j.perps.api}, one model per JSON message in
 * {@code io.github.kalshi4j.perps.ws.model}. Counts are derived from the pinned files; while the lock is at the perps
 * documents of issue 15 (35 operations, 66 schemas, 22 messages) those numbers are asserted too.
 */
class PerpsGeneratedSurfaceTest {

    private static final String PINNED_OPENAPI = "4077a0d5684f145f2c418c165ea8fc507507cab3018509a9b3f8fe43a017a2e2";
    private static final String PINNED_ASYNCAPI = "cbbe69be2c6816dfc6db41ae56eb6f517eacf2ce0698fedeb33b2061e6e504fb";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static SpecLock lock() {
        try {
            return SpecLock.read(TestPaths.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean pinnedAt(String kind, String sha256) {
        return lock().entry(kind).sha256().equals(sha256);
    }

    private static JsonNode tree(String file) {
        try {
            return PrepareSpecs.yamlMapper().readTree(TestPaths.root().resolve("spec/materialized/" + file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A named schema that is a plain value (string, number, integer, boolean, array): a Java type, no class. */
    private static boolean isValueAlias(JsonNode schema) {
        String type = schema.path("type").asText("");
        boolean stringEnum = schema.has("enum") && type.equals("string");
        return Set.of("string", "integer", "number", "boolean", "array").contains(type) && !stringEnum
                && !schema.has("properties");
    }

    @Test
    void theLockPinsThePerpsDocumentsBesideTheTradeApis() {
        assertEquals(List.of("openapi", "asyncapi", "perps-openapi", "perps-asyncapi"),
                lock().entries().stream().map(SpecLock.Entry::kind).toList());
        assertEquals(List.of("trade", "perps"), lock().apis());
    }

    @Test
    void everyPerpsSchema_hasAModelInThePerpsPackage_orIsAValueAlias() {
        JsonNode schemas = tree("perps-openapi.effective.json").path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        Set<String> aliases = new TreeSet<>();
        int classes = 0;
        for (var it = schemas.fields(); it.hasNext();) {
            var e = it.next();
            if (isValueAlias(e.getValue())) {
                aliases.add(e.getKey());
                assertFalse(classExists("io.github.kalshi4j.perps.model." + e.getKey()), e.getKey() + " is an alias");
            } else if (classExists("io.github.kalshi4j.perps.model." + e.getKey())) {
                classes++;
            } else {
                missing.add(e.getKey());
            }
        }
        System.out.printf("perps surface: %d schemas -> %d model classes + %d value aliases %s%n",
                schemas.size(), classes, aliases.size(), aliases);
        assertEquals(List.of(), missing, "perps schemas without a generated model");
        assertEquals(schemas.size(), classes + aliases.size());
        if (pinnedAt("perps-openapi", PINNED_OPENAPI)) {
            assertEquals(66, schemas.size(), "the pinned perps OpenAPI 0.0.1 has 66 schemas");
            assertEquals(Set.of("ExchangeIndex", "FixedPointCount", "FixedPointDollars", "PriceLevelDollarsCountFp"),
                    aliases);
        }
    }

    @Test
    void everyPerpsOperation_hasOneBlockingAndOneAsyncStubMethod_withItsMethodAndPath() {
        JsonNode paths = tree("perps-openapi.effective.json").path("paths");
        Map<String, OperationInfo> generated = Operations.all().stream()
                .collect(Collectors.toMap(OperationInfo::operationId, o -> o));
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var p = paths.fields(); p.hasNext();) {
            var path = p.next();
            for (var m = path.getValue().fields(); m.hasNext();) {
                var method = m.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                operations++;
                String id = method.getValue().path("operationId").asText();
                OperationInfo info = generated.get(id);
                if (info == null) {
                    problems.add(id + ": no perps Operations constant");
                    continue;
                }
                if (!info.method().equalsIgnoreCase(method.getKey()) || !info.pathTemplate().equals(path.getKey())) {
                    problems.add(id + ": generated " + info.method() + " " + info.pathTemplate() + ", spec "
                            + method.getKey() + " " + path.getKey());
                }
                if (!method.getValue().path("tags").path(0).asText().equals(info.tag())) {
                    problems.add(id + ": tag " + info.tag());
                }
                if (stubMethods(KalshiApis.class, info.javaMethod()) == 0) {
                    problems.add(id + ": no blocking stub method " + info.javaMethod());
                }
                if (stubMethods(KalshiAsyncApis.class, info.javaMethod()) == 0) {
                    problems.add(id + ": no async stub method " + info.javaMethod());
                }
            }
        }
        System.out.printf("perps surface: %d operations -> %d generated operations with blocking and async stubs%n",
                operations, generated.size());
        assertEquals(List.of(), problems);
        assertEquals(operations, generated.size());
        if (pinnedAt("perps-openapi", PINNED_OPENAPI)) {
            assertEquals(35, operations, "the pinned perps OpenAPI 0.0.1 has 35 operations");
        }
    }

    @Test
    void everyPerpsAsyncApiMessage_hasAModelNamingIt_inThePerpsWebSocketPackage() {
        JsonNode asyncapi = tree("perps-asyncapi.yaml");
        Set<String> named = ModelSamples.modelClasses("io.github.kalshi4j.perps.ws.model").stream()
                .flatMap(c -> messageNames(c).stream()).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        int all = 0;
        int json = 0;
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
        System.out.printf("perps surface: %d AsyncAPI messages, %d JSON messages all modelled%n", all, json);
        assertTrue(json > 0);
        assertEquals(List.of(), missing);
        if (pinnedAt("perps-asyncapi", PINNED_ASYNCAPI)) {
            assertEquals(22, all, "the pinned perps AsyncAPI 2.0.0 has 22 messages");
            assertEquals(Set.of("orderbook_delta", "ticker", "trade", "fill", "user_orders", "order_group_updates"),
                    dataChannels());
        }
    }

    private static Set<String> dataChannels() {
        Set<String> out = new LinkedHashSet<>(io.github.kalshi4j.perps.ws.model.WsMessageTypes.channels().keySet());
        out.remove("root");
        out.remove("control_frames");
        return out;
    }

    @Test
    void perpsMoney_isBigDecimal_pricesFeesCountsAndFundingRates() throws Exception {
        for (Class<?> c : List.of(io.github.kalshi4j.perps.model.MarginMarket.class,
                io.github.kalshi4j.perps.model.MarginFill.class, io.github.kalshi4j.perps.model.MarginTrade.class,
                io.github.kalshi4j.perps.ws.model.MarginTickerPayloadMsg.class,
                io.github.kalshi4j.perps.ws.model.MarginFillPayloadMsg.class)) {
            assertEquals(BigDecimal.class, c.getMethod("price").getReturnType(), c.getSimpleName() + ".price()");
        }
        assertEquals(BigDecimal.class, io.github.kalshi4j.perps.model.MarginFill.class.getMethod("fees").getReturnType());
        assertEquals(BigDecimal.class, io.github.kalshi4j.perps.model.MarginFundingRate.class.getMethod("fundingRate")
                .getReturnType());
        assertEquals(BigDecimal.class, io.github.kalshi4j.perps.model.MarginPosition.class.getMethod("marginUsed")
                .getReturnType());
        assertEquals(BigDecimal.class, io.github.kalshi4j.perps.model.MarginMarket.class.getMethod("contractSize")
                .getReturnType());
        assertEquals(BigDecimal.class, io.github.kalshi4j.perps.ws.model.FundingRate.class.getMethod("rate")
                .getReturnType());
        assertEquals("java.util.List<java.util.List<java.math.BigDecimal>>",
                io.github.kalshi4j.perps.ws.model.MarginOrderbookSnapshotPayloadMsg.class.getMethod("bid")
                        .getGenericReturnType().getTypeName());
    }

    @Test
    void schemaNamesSharedWithTheTradeApi_areDistinctClassesInTheirOwnPackages() {
        Set<String> trade = simpleNames("io.github.kalshi4j.model");
        Set<String> perps = simpleNames("io.github.kalshi4j.perps.model");
        Set<String> shared = new TreeSet<>(trade);
        shared.retainAll(perps);
        System.out.println("schema names in both APIs: " + shared);
        assertFalse(shared.isEmpty(), "the two documents share schema names (ErrorResponse, OrderGroup, ...)");
        for (String name : shared) {
            assertNotEquals(classFor("io.github.kalshi4j.model." + name), classFor("io.github.kalshi4j.perps.model." + name));
        }
    }

    @Test
    void perpsDefaultUrls_comeFromThePerpsSpecsServers() {
        JsonNode servers = tree("perps-openapi.yaml").path("servers");
        assertEquals(URI.create(servers.path(0).path("url").asText()), RestServers.PRODUCTION);
        assertEquals(URI.create(servers.path(1).path("url").asText()), RestServers.DEMO);
    }

    private static Set<String> simpleNames(String pkg) {
        return ModelSamples.modelClasses(pkg).stream().map(Class::getSimpleName).collect(Collectors.toSet());
    }

    private static Class<?> classFor(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
