package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The spec-to-spec report on real published versions. The expected differences are computed here, independently of
 * the differ: straight from the two YAML files as plain Jackson trees (operationIds, schema names, property names,
 * parameter names), and the report must list exactly those.
 */
class SpecVersionsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void from310To313TheReportListsExactlyTheRealDifferences() {
        byte[] before = Repo.shared("previous/kalshi-openapi-3.10.0.yaml");
        byte[] after = Repo.shared("kalshi-openapi-3.13.0.yaml");
        JsonNode a = tree(before);
        JsonNode b = tree(after);
        List<DriftItem> items = SpecDiff.items(before, "3.10.0", after, "3.13.0");

        Set<String> opsBefore = operationIds(a);
        Set<String> opsAfter = operationIds(b);
        Set<String> addedOps = minus(opsAfter, opsBefore);
        // The real 3.13.0 additions, with Kalshi's casing of their operationIds.
        assertEquals(Set.of("GetGameStats", "GetLiveDataByMilestone", "GetMarketOrderbooks"), addedOps);
        assertEquals(addedOps, subjects(items, DriftItem.Kind.OPERATION_ADDED));
        assertEquals(minus(opsBefore, opsAfter), subjects(items, DriftItem.Kind.OPERATION_REMOVED));

        Set<String> schemasBefore = names(a.path("components").path("schemas"));
        Set<String> schemasAfter = names(b.path("components").path("schemas"));
        assertEquals(minus(schemasAfter, schemasBefore), subjects(items, DriftItem.Kind.SCHEMA_ADDED));
        assertEquals(minus(schemasBefore, schemasAfter), subjects(items, DriftItem.Kind.SCHEMA_REMOVED));
        assertFalse(subjects(items, DriftItem.Kind.SCHEMA_ADDED).isEmpty());

        Set<String> fieldsBefore = new TreeSet<>();
        Set<String> fieldsAfter = new TreeSet<>();
        for (String schema : intersection(schemasBefore, schemasAfter)) {
            names(a.path("components").path("schemas").path(schema).path("properties"))
                    .forEach(p -> fieldsBefore.add(schema + "." + p));
            names(b.path("components").path("schemas").path(schema).path("properties"))
                    .forEach(p -> fieldsAfter.add(schema + "." + p));
        }
        assertEquals(minus(fieldsAfter, fieldsBefore), subjects(items, DriftItem.Kind.FIELD_ADDED));
        assertEquals(minus(fieldsBefore, fieldsAfter), subjects(items, DriftItem.Kind.FIELD_REMOVED));
        assertFalse(subjects(items, DriftItem.Kind.FIELD_ADDED).isEmpty());

        Set<String> paramsBefore = parameters(a, intersection(opsBefore, opsAfter));
        Set<String> paramsAfter = parameters(b, intersection(opsBefore, opsAfter));
        assertEquals(minus(paramsAfter, paramsBefore), subjects(items, DriftItem.Kind.PARAMETER_ADDED));
        assertEquals(minus(paramsBefore, paramsAfter), subjects(items, DriftItem.Kind.PARAMETER_REMOVED));

        // Added operations, schemas, fields and enum values never break callers; removed fields always do.
        Set<DriftItem.Kind> additions = Set.of(DriftItem.Kind.OPERATION_ADDED, DriftItem.Kind.SCHEMA_ADDED,
                DriftItem.Kind.FIELD_ADDED, DriftItem.Kind.ENUM_VALUE_ADDED);
        items.stream().filter(i -> additions.contains(i.kind())).forEach(i -> assertFalse(i.breaking(), i.describe()));
        items.stream().filter(i -> i.kind() == DriftItem.Kind.FIELD_REMOVED)
                .forEach(i -> assertTrue(i.breaking(), i.describe()));
    }

    @Test
    void from38To39TheRemovalOfIntegerCentAndCountFieldsIsBreaking() {
        byte[] before = Repo.shared("previous/kalshi-openapi-3.8.0.yaml");
        byte[] after = Repo.shared("previous/kalshi-openapi-3.9.0.yaml");
        JsonNode a = tree(before).path("components").path("schemas");
        JsonNode b = tree(after).path("components").path("schemas");

        // Independently: every numeric property of 3.8.0 (cents and counts: integer, or number for some deprecated
        // prices) that 3.9.0 no longer has, in schemas both versions keep.
        Set<String> removedIntegers = new TreeSet<>();
        for (String schema : intersection(names(a), names(b))) {
            a.path(schema).path("properties").properties().forEach(p -> {
                String type = p.getValue().path("type").asText();
                if ((type.equals("integer") || type.equals("number")) && !b.path(schema).path("properties").has(p.getKey())) {
                    removedIntegers.add(schema + "." + p.getKey());
                }
            });
        }
        assertTrue(removedIntegers.containsAll(Set.of("Market.yes_bid", "Market.volume", "Order.yes_price",
                "Order.remaining_count", "Fill.count", "Trade.yes_price")), removedIntegers.toString());

        DriftReport report = SpecDiff.report(before, "3.8.0", after, "3.9.0");
        Set<String> breakingRemovals = new TreeSet<>();
        report.items().stream().filter(i -> i.kind() == DriftItem.Kind.FIELD_REMOVED && i.breaking())
                .forEach(i -> breakingRemovals.add(i.subject()));
        assertTrue(breakingRemovals.containsAll(removedIntegers), minus(removedIntegers, breakingRemovals).toString());
        report.items().stream().filter(i -> removedIntegers.contains(i.subject()))
                .forEach(i -> assertTrue(i.before().startsWith("integer") || i.before().startsWith("number"), i.describe()));
        // The markdown for a pull request leads with them.
        String md = report.markdown();
        assertTrue(md.indexOf("### Breaking changes") < md.indexOf("- `- field Market.yes_bid: number` (openapi)"), md);
        assertFalse(report.ok());
    }

    @Test
    void asyncApiVersionsDiffChannelsAndFlagTheDroppedOne() {
        byte[] before = Repo.shared("kalshi-asyncapi-2.0.0.yaml");
        byte[] after = Repo.shared("next/kalshi-asyncapi-2.0.0-later.yaml");
        Set<String> channelsBefore = names(tree(before).path("channels"));
        Set<String> channelsAfter = names(tree(after).path("channels"));
        List<DriftItem> items = SpecDiff.items(before, "2.0.0", after, "2.0.0 later");

        assertEquals(minus(channelsAfter, channelsBefore), subjects(items, DriftItem.Kind.CHANNEL_ADDED));
        assertEquals(Set.of("multivariate"), subjects(items, DriftItem.Kind.CHANNEL_REMOVED));
        assertTrue(items.stream().filter(i -> i.kind() == DriftItem.Kind.CHANNEL_REMOVED).allMatch(DriftItem::breaking));
        assertEquals(minus(names(tree(after).path("components").path("messages")),
                names(tree(before).path("components").path("messages"))), subjects(items, DriftItem.Kind.MESSAGE_ADDED));
    }

    @Test
    void anOpenApiFileCannotBeComparedWithAnAsyncApiFile() {
        byte[] openapi = Repo.shared("kalshi-openapi-3.13.0.yaml");
        byte[] asyncapi = Repo.shared("kalshi-asyncapi-2.0.0.yaml");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SpecDiff.items(openapi, "a", asyncapi, "b"));
        assertTrue(e.getMessage().contains("both must be OpenAPI or both AsyncAPI"), e.getMessage());
    }

    // ---------------------------------------------------------------- the independent computation

    private static JsonNode tree(byte[] bytes) {
        try {
            return YAML.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> operationIds(JsonNode spec) {
        Set<String> ids = new TreeSet<>();
        spec.path("paths").forEach(item -> item.properties().forEach(m -> {
            if (m.getValue().has("operationId")) {
                ids.add(m.getValue().get("operationId").asText());
            }
        }));
        return ids;
    }

    /** {@code OperationId.in.name} for each parameter of the given operations, {@code $ref}s looked up. */
    private static Set<String> parameters(JsonNode spec, Set<String> operations) {
        Set<String> out = new TreeSet<>();
        spec.path("paths").forEach(item -> item.properties().forEach(m -> {
            String id = m.getValue().path("operationId").asText("");
            if (operations.contains(id)) {
                for (JsonNode p : m.getValue().path("parameters")) {
                    String ref = p.path("$ref").asText("");
                    JsonNode param = ref.isEmpty() ? p
                            : spec.path("components").path("parameters").path(ref.substring(ref.lastIndexOf('/') + 1));
                    out.add(id + "." + param.path("in").asText() + "." + param.path("name").asText());
                }
            }
        }));
        return out;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    private static Set<String> subjects(List<DriftItem> items, DriftItem.Kind kind) {
        Set<String> out = new TreeSet<>();
        items.stream().filter(i -> i.kind() == kind).forEach(i -> out.add(i.subject()));
        return out;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        return filter(a, x -> !b.contains(x));
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        return filter(a, b::contains);
    }

    private static Set<String> filter(Set<String> a, Predicate<String> keep) {
        Set<String> out = new TreeSet<>();
        a.stream().filter(keep).forEach(out::add);
        return out;
    }
}
