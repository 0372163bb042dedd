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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The generated surface covers the pinned spec: one model per schema, one stub method per operation. */
class GeneratedSurfaceTest {

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
            String type = e.getValue().getType();
            boolean isEnum = e.getValue().getEnum() != null;
            if (("string".equals(type) || "array".equals(type)) && !isEnum) {
                // Value aliases become Java types, not classes: money strings are BigDecimal.
                aliases.put(e.getKey(), type);
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
        assertEquals(149, schemas.size(), "the pinned spec 3.13.0 has 149 schemas");
        assertEquals(schemas.size(), classes + aliases.size());
        assertEquals(Set.of("FixedPointDollars", "FixedPointCount", "PriceLevelDollarsCountFp"), aliases.keySet());
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
        assertEquals(89, operations, "the pinned spec 3.13.0 has 89 operations");
        assertEquals(operations, generated.size());
    }

    @Test
    void everyAsyncApiMessage_hasAModelNamingIt() throws Exception {
        JsonNode asyncapi = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(TestPaths.root().resolve("spec/materialized/asyncapi.yaml").toFile());
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
        assertEquals(31, all);
        assertEquals(List.of(), missing);
    }

    @SuppressWarnings("unchecked")
    private static List<String> messageNames(Class<?> c) {
        try {
            return (List<String>) c.getField("MESSAGE_NAMES").get(null);
        } catch (ReflectiveOperationException e) {
            return List.of();
        }
    }

    private static long stubMethods(Class<?> apis, String name) {
        return Arrays.stream(apis.getMethods()).filter(m -> m.getParameterCount() == 0 && m.getDeclaringClass() == apis)
                .flatMap(m -> Arrays.stream(m.getReturnType().getMethods()))
                .filter(m -> m.getName().equals(name)).count();
    }
}
