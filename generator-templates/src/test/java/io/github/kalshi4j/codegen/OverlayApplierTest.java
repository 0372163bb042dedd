package io.github.kalshi4j.codegen;

import static io.github.kalshi4j.codegen.Repo.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The OpenAPI Overlay 1.0 subset used for spec corrections (spec/overlays). */
class OverlayApplierTest {

    static final String SPEC = """
            openapi: 3.0.0
            paths:
              /account/limits:
                get:
                  operationId: GetAccountApiLimits
                  tags: [account]
              /markets:
                get:
                  operationId: GetMarkets
                  tags: [market]
            components:
              schemas:
                Limits:
                  type: object
                  required: [usage_tier, read_limit]
                  properties:
                    usage_tier: {type: string}
                    read_limit: {type: integer}
            """;

    static ObjectNode apply(String spec, String actions) {
        ObjectNode tree = yaml(spec);
        OverlayApplier.apply(yaml("overlay: 1.0.0\ninfo: {title: t, version: 1.0.0}\nactions:\n" + actions), tree, "test.overlay.yaml");
        return tree;
    }

    @Test
    void updateMergesObjectsRecursivelyKeepingWhatIsThere() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.components.schemas.Limits
                    update:
                      description: Limits.
                      properties:
                        read_limit: {format: int32}
                        write: {type: object}
                """);
        JsonNode limits = spec.at("/components/schemas/Limits");
        assertEquals("Limits.", limits.path("description").asText());
        assertEquals("string", limits.at("/properties/usage_tier/type").asText(), "untouched property kept");
        assertEquals("integer", limits.at("/properties/read_limit/type").asText(), "merged, not replaced");
        assertEquals("int32", limits.at("/properties/read_limit/format").asText());
        assertEquals("object", limits.at("/properties/write/type").asText());
    }

    @Test
    void updateAppendsToArraysAsTheOverlaySpecificationSays() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.components.schemas.Limits.required
                    update: [write]
                  - target: $.components.schemas.Limits
                    update:
                      required: [read]
                """);
        assertEquals(List.of("usage_tier", "read_limit", "write", "read"), texts(spec.at("/components/schemas/Limits/required")));
    }

    @Test
    void updateReplacesScalars() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.paths['/markets'].get.operationId
                    update: ListMarkets
                """);
        assertEquals("ListMarkets", spec.at("/paths/~1markets/get/operationId").asText());
    }

    @Test
    void removeDeletesTheTarget() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.components.schemas.Limits.required
                    remove: true
                  - target: $.components.schemas.Limits.properties.read_limit
                    remove: true
                """);
        JsonNode limits = spec.at("/components/schemas/Limits");
        assertFalse(limits.has("required"));
        assertFalse(limits.path("properties").has("read_limit"));
        assertTrue(limits.path("properties").has("usage_tier"));
    }

    @Test
    void removeThenUpdateReplacesAList() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.components.schemas.Limits.required
                    remove: true
                  - target: $.components.schemas.Limits
                    update:
                      required: [usage_tier]
                """);
        assertEquals(List.of("usage_tier"), texts(spec.at("/components/schemas/Limits/required")));
    }

    @Test
    void removeWithAWildcardOverAnArrayRemovesEveryElement() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.components.schemas.Limits.required[*]
                    remove: true
                """);
        assertEquals(List.of(), texts(spec.at("/components/schemas/Limits/required")));
    }

    @Test
    void removeByIndexRemovesThatElement() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.components.schemas.Limits.required[0]
                    remove: true
                """);
        assertEquals(List.of("read_limit"), texts(spec.at("/components/schemas/Limits/required")));
    }

    @Test
    void quotedKeysSelectPathsWithSlashes() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.paths['/account/limits'].get
                    update: {summary: single quotes}
                  - target: $.paths["/markets"].get
                    update: {summary: double quotes}
                """);
        assertEquals("single quotes", spec.at("/paths/~1account~1limits/get/summary").asText());
        assertEquals("double quotes", spec.at("/paths/~1markets/get/summary").asText());
    }

    @Test
    void wildcardsSelectEveryMember() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.paths.*.get
                    update: {x-seen: true}
                """);
        assertTrue(spec.at("/paths/~1account~1limits/get/x-seen").asBoolean());
        assertTrue(spec.at("/paths/~1markets/get/x-seen").asBoolean());
    }

    @Test
    void aTargetThatMatchesNothingFailsNamingTheAction() {
        SpecException e = assertThrows(SpecException.class, () -> apply(SPEC, """
                  - target: $.components.schemas.Limits
                    update: {description: fine}
                  - target: $.components.schemas.GoneUpstream.required
                    remove: true
                """));
        assertTrue(e.getMessage().contains("test.overlay.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("action 1"), e.getMessage());
        assertTrue(e.getMessage().contains("$.components.schemas.GoneUpstream.required"), e.getMessage());
        assertTrue(e.getMessage().contains("matches nothing"), e.getMessage());
    }

    @Test
    void aDefectGuardThatStillHoldsLetsTheCorrectionApply() {
        ObjectNode spec = apply(SPEC, """
                  - target: $.components.schemas.Limits.required
                    x-kalshi4j-defect:
                      - {target: $.components.schemas.Limits.required, contains: read_limit}
                      - {target: $.components.schemas.Limits.properties.read_limit.type, equals: integer}
                      - {target: $.components.schemas.Limits.properties.read, absent: true}
                    remove: true
                """);
        assertFalse(spec.at("/components/schemas/Limits").has("required"));
    }

    @Test
    void aCorrectionWhoseDefectUpstreamFixedFailsNamingItAlthoughItsTargetStillExists() {
        String fixed = SPEC.replace("read_limit: {type: integer}", "read: {$ref: '#/components/schemas/Bucket'}")
                .replace("[usage_tier, read_limit]", "[usage_tier, read]");
        for (String guard : List.of("{target: $.components.schemas.Limits.required, contains: read_limit}",
                "{target: $.components.schemas.Limits.properties.read_limit.type, equals: integer}",
                "{target: $.components.schemas.Limits.properties.read, absent: true}")) {
            SpecException e = assertThrows(SpecException.class, () -> apply(fixed, """
                      - target: $.components.schemas.Limits.required
                        description: Only usage_tier is always sent.
                        x-kalshi4j-defect: %s
                        remove: true
                    """.formatted(guard)), guard);
            assertTrue(e.getMessage().contains("test.overlay.yaml: action 0 (\"Only usage_tier is always sent.\")"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("upstream fixed it: drop the correction"), e.getMessage());
        }
    }

    @Test
    void aCorrectionWhoseDefectUpstreamFixedFailsTheBuild_asTheAccountLimitsOneDidOn320() throws IOException {
        // kalshi4j corrected GET /account/limits while Kalshi documented read_limit/write_limit integers (3.13.0); 3.20.0
        // documents the real read/write buckets, so the correction's guard must stop the build (it was retired then).
        Path next = Repo.ROOT.getParent().resolve("shared/specs/next/kalshi-openapi-3.20.0.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(next), next + " is not here");
        ObjectNode spec = (ObjectNode) PrepareSpecs.yamlMapper().readTree(next.toFile());
        JsonNode retired = yaml("""
                overlay: 1.0.0
                info: {title: the retired account-limits correction, version: 1.0.0}
                actions:
                  - target: $.components.schemas.GetAccountApiLimitsResponse
                    description: Token-bucket shape the live /account/limits endpoint returns.
                    x-kalshi4j-defect:
                      - target: $.components.schemas.GetAccountApiLimitsResponse.properties.read_limit.type
                        equals: integer
                    update:
                      properties:
                        read: {type: object}
                """);

        SpecException e = assertThrows(SpecException.class, () -> OverlayApplier.apply(retired, spec, "retired.overlay.yaml"));

        assertTrue(e.getMessage().contains("retired.overlay.yaml: action 0 (\"Token-bucket shape"), e.getMessage());
        assertTrue(e.getMessage().contains("read_limit.type is gone"), e.getMessage());
        assertTrue(e.getMessage().contains("upstream fixed it: drop the correction"), e.getMessage());
    }

    @Test
    void aDocumentThatIsNotAnOverlayIsRejected() {
        SpecException e = assertThrows(SpecException.class,
                () -> OverlayApplier.apply(yaml("actions: []\n"), yaml(SPEC), "plain.yaml"));
        assertTrue(e.getMessage().contains("plain.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("overlay: 1.0.0"), e.getMessage());
    }

    @Test
    void unsupportedJsonPathIsReportedNotIgnored() {
        SpecException e = assertThrows(SpecException.class, () -> apply(SPEC, """
                  - target: $.paths['/markets'].get.parameters[0:2]
                    remove: true
                """));
        assertTrue(e.getMessage().contains("unsupported JSONPath"), e.getMessage());
    }

    static final String PARAMS = """
            openapi: 3.0.0
            paths:
              /markets/candlesticks:
                get:
                  parameters:
                    - {name: start_ts, in: query, schema: {type: integer}}
                    - {name: market_tickers, in: query, required: true, schema: {type: string}}
            """;

    @Test
    void anEqualityFilterSelectsTheListElementWithThatMember() {
        ObjectNode spec = apply(PARAMS, """
                  - target: $.paths['/markets/candlesticks'].get.parameters[?@.name=='market_tickers']
                    update:
                      explode: false
                """);
        JsonNode params = spec.at("/paths/~1markets~1candlesticks/get/parameters");
        assertTrue(params.get(1).path("explode").isBoolean(), "the matching parameter is updated");
        assertFalse(params.get(0).has("explode"), "the other one is not");
    }

    @Test
    void theParenthesisedFilterFormAndDoubleQuotesWorkToo() {
        ObjectNode spec = apply(PARAMS, """
                  - target: $.paths["/markets/candlesticks"].get.parameters[?(@.name == "start_ts")].schema
                    update:
                      format: int64
                """);
        assertEquals("int64", spec.at("/paths/~1markets~1candlesticks/get/parameters/0/schema/format").asText());
    }

    @Test
    void aFilterThatMatchesNoElementFailsLikeAnyOtherTarget() {
        SpecException e = assertThrows(SpecException.class, () -> apply(PARAMS, """
                  - target: $.paths['/markets/candlesticks'].get.parameters[?@.name=='tickers']
                    update: {explode: false}
                """));
        assertTrue(e.getMessage().contains("matches nothing"), e.getMessage());
    }

    @Test
    void aFilterOtherThanMemberEqualityIsReportedNotIgnored() {
        SpecException e = assertThrows(SpecException.class, () -> apply(PARAMS, """
                  - target: $.paths['/markets/candlesticks'].get.parameters[?@.name != 'tickers']
                    update: {explode: false}
                """));
        assertTrue(e.getMessage().contains("unsupported JSONPath filter"), e.getMessage());
    }

    @Test
    void theRealCorrectionOverlayMakesCommaJoinedTickerListsArrays() throws IOException {
        ObjectNode spec = Repo.pinnedSpec("openapi");
        Path overlay = Repo.ROOT.resolve("spec/overlays/openapi-corrections.overlay.yaml");

        OverlayApplier.apply(PrepareSpecs.yamlMapper().readTree(overlay.toFile()), spec, "openapi-corrections.overlay.yaml");

        List<JsonNode> corrected = new ArrayList<>();
        corrected.add(spec.at("/components/parameters/TickersQuery"));
        for (String path : List.of("/markets/candlesticks", "/portfolio/orders/queue_positions")) {
            for (JsonNode p : spec.path("paths").path(path).path("get").path("parameters")) {
                if (p.path("name").asText().equals("market_tickers")) {
                    corrected.add(p);
                }
            }
        }
        assertEquals(3, corrected.size());
        for (JsonNode p : corrected) {
            assertEquals("array", p.at("/schema/type").asText(), p.toString());
            assertEquals("string", p.at("/schema/items/type").asText(), p.toString());
            assertEquals("form", p.path("style").asText(), p.toString());
            assertFalse(p.path("explode").asBoolean(true), "comma-joined, not repeated: " + p);
        }
    }

    @Test
    void everyOverlayInSpecOverlaysStillAppliesToThePinnedSpec() throws IOException {
        ObjectNode spec = Repo.pinnedSpec("openapi");
        for (Path overlay : PrepareSpecs.overlays(Repo.ROOT)) {
            OverlayApplier.apply(PrepareSpecs.yamlMapper().readTree(overlay.toFile()), spec, overlay.getFileName().toString());
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
