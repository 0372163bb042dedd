package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.kalshi4j.codegen.PrepareSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code make drift} on the pinned specs: it passes as the repository stands, and it fails, naming what drifted,
 * when a generated model loses a field, when the spec gains one, when an exclusion goes stale or lacks a reason.
 */
class PinnedDriftTest {

    @TempDir
    Path tmp;

    @Test
    void makeDriftPassesOnThePinnedSpecs() throws IOException {
        Repo.pinned();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path json = tmp.resolve("drift-report.json");
        int status = DriftMain.run(new String[] {"--root", Repo.ROOT.toString(), "--json", json.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, text);
        assertTrue(text.contains("Unexplained drift: 0"), text);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.path("ok").asBoolean(), report.toString());
        assertEquals(0, report.path("counts").path("unexplained").asInt());
        assertEquals(0, report.path("problems").size());
        // All three comparisons ran for each pinned API, and each item names the exclusion that explains it.
        assertEquals(List.of("overlay", "rest", "ws", "perps-overlay", "perps-rest", "perps-ws"),
                report.path("comparisons").findValuesAsText("name"));
        report.path("items").forEach(i -> assertFalse(i.path("explainedBy").isNull(), i.toString()));
    }

    @Test
    void everyOperationIsReachableAndEveryModelAccountedFor() throws IOException {
        DriftReport report = PinnedDriftCheck.run(Repo.pinned(), ReflectiveSurface.compiled());
        assertTrue(report.items().stream().noneMatch(i -> i.kind() == DriftItem.Kind.STUB_MISSING
                || i.kind() == DriftItem.Kind.OPERATION_ADDED || i.kind() == DriftItem.Kind.OPERATION_REMOVED
                || i.kind() == DriftItem.Kind.SCHEMA_ADDED && !i.comparison().equals("overlay")
                || i.kind() == DriftItem.Kind.SCHEMA_REMOVED || i.kind() == DriftItem.Kind.FIELD_REMOVED
                || i.kind() == DriftItem.Kind.MESSAGE_ADDED || i.kind() == DriftItem.Kind.MESSAGE_CHANGED),
                report.text());
    }

    @Test
    void aFieldDeletedFromAGeneratedModelFailsNamingSchemaAndField() throws IOException {
        Surface withoutField = ReflectiveSurface.compiled()
                .mapRest(s -> s.withoutProperty("Market", "yes_bid_dollars"))
                .mapWs(s -> s.withoutProperty("TickerPayloadMsg", "price_dollars"));
        DriftReport report = PinnedDriftCheck.run(Repo.pinned(), withoutField);

        assertFalse(report.ok());
        assertEquals(List.of("rest: + field Market.yes_bid_dollars: BigDecimal",
                "ws: + field tickerPayload.msg.price_dollars: BigDecimal"),
                report.unexplained().stream().map(i -> i.comparison() + ": " + i.describe()).toList());
        assertTrue(report.text().contains("Market.yes_bid_dollars"), report.text());
        assertTrue(report.text().contains("RESULT: FAILED"), report.text());
    }

    @Test
    void aFieldAddedToACopyOfTheSpecFailsNamingSchemaAndField() throws IOException {
        PinnedDriftCheck.Inputs pinned = Repo.pinned();
        ObjectMapper json = new ObjectMapper();
        // The same property added to both copies: the overlay comparison stays clean, the SDK comparison must not.
        ObjectNode effective = (ObjectNode) json.readTree(pinned.effectiveOpenApi().toFile());
        addProperty(effective, "Market", "settlement_note");
        Path effectiveCopy = tmp.resolve("openapi.effective.json");
        json.writeValue(effectiveCopy.toFile(), effective);
        ObjectNode raw = (ObjectNode) PrepareSpecs.yamlMapper().readTree(pinned.rawOpenApi().toFile());
        addProperty(raw, "Market", "settlement_note");
        Path rawCopy = tmp.resolve("openapi.yaml");
        yaml().writeValue(rawCopy.toFile(), raw);

        DriftReport report = PinnedDriftCheck.run(new PinnedDriftCheck.Inputs(rawCopy, effectiveCopy, pinned.asyncApi(),
                pinned.exclusions(), pinned.others()), ReflectiveSurface.compiled());

        assertFalse(report.ok());
        assertEquals(1, report.unexplained().size(), report.text());
        DriftItem item = report.unexplained().get(0);
        assertEquals("rest", item.comparison());
        assertEquals(DriftItem.Kind.FIELD_ADDED, item.kind());
        assertEquals("Market.settlement_note", item.subject());
        assertTrue(report.text().contains("+ field Market.settlement_note: String"), report.text());
    }

    @Test
    void anIntegerEnumTheSdkExposesAsIntegerIsListedAsNotExposedAndExplainedByTheRule() throws IOException {
        // The later AsyncAPI turns the error code into an integer enum; the generator keeps it a plain Integer.
        PinnedDriftCheck.Inputs pinned = Repo.pinned();
        ObjectNode asyncapi = (ObjectNode) PrepareSpecs.yamlMapper().readTree(pinned.asyncApi().toFile());
        ((ObjectNode) asyncapi.at("/components/schemas/errorResponsePayload/properties/msg/properties/code"))
                .putArray("enum").add(1).add(2).add(3);
        Path asyncapiCopy = tmp.resolve("asyncapi.yaml");
        yaml().writeValue(asyncapiCopy.toFile(), asyncapi);

        DriftReport report = PinnedDriftCheck.run(new PinnedDriftCheck.Inputs(pinned.rawOpenApi(),
                pinned.effectiveOpenApi(), asyncapiCopy, pinned.exclusions(), pinned.others()), ReflectiveSurface.compiled());

        DriftItem code = report.items().stream().filter(i -> i.subject().equals("errorResponsePayload.msg.code"))
                .findFirst().orElseThrow(() -> new AssertionError(report.text()));
        assertEquals(DriftItem.Kind.ENUM_NOT_EXPOSED, code.kind(), report.text());
        assertFalse(code.breaking(), report.text());
        assertEquals("integer-enums-as-numbers", report.explainedBy(code));
        assertTrue(report.ok(), report.text());
    }

    @Test
    void aStaleExclusionFails() throws IOException {
        PinnedDriftCheck.Inputs pinned = Repo.pinned();
        Path exclusions = tmp.resolve("exclusions.yaml");
        Files.writeString(exclusions, Files.readString(pinned.exclusions()) + """

                  - id: removed-endpoint
                    kind: operation-removed
                    subject: GetLegacyThing
                    reason: GetLegacyThing was dropped by Kalshi and is kept in the SDK for one more release.
                """);

        DriftReport report = PinnedDriftCheck.run(pinned.withExclusions(exclusions), ReflectiveSurface.compiled());

        assertFalse(report.ok());
        assertTrue(report.unexplained().isEmpty(), report.text());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).contains("exclusion 'removed-endpoint' is stale"), report.problems().get(0));
    }

    @Test
    void anExclusionWithoutAReasonFails() throws IOException {
        PinnedDriftCheck.Inputs pinned = Repo.pinned();
        ObjectNode doc = (ObjectNode) PrepareSpecs.yamlMapper().readTree(pinned.exclusions().toFile());
        ObjectNode uuid = null;
        for (JsonNode e : doc.withArray("exclusions")) {
            if (e.path("id").asText().equals("uuid-as-string")) {
                uuid = (ObjectNode) e;
            }
        }
        uuid.remove("reason");
        Path exclusions = tmp.resolve("exclusions.yaml");
        yaml().writeValue(exclusions.toFile(), doc);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = DriftMain.run(new String[] {"--root", Repo.ROOT.toString(), "--exclusions", exclusions.toString(),
            "--json", tmp.resolve("r.json").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(1, status);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("'uuid-as-string' has no reason"), text);
        assertTrue(text.contains("RESULT: FAILED - 0 unexplained item(s), 1 exclusion problem(s)"), text);
    }

    private static void addProperty(ObjectNode spec, String schema, String property) {
        ObjectNode props = (ObjectNode) spec.path("components").path("schemas").path(schema).path("properties");
        props.putObject(property).put("type", "string").put("description", "added by a test");
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    }
}
