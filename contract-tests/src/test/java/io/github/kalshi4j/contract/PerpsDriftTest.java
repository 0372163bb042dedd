package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.codegen.SpecLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make drift} covers the Perps API's pinned documents as it covers the Trade API's: its three comparisons are
 * named for the API ({@code perps-overlay}, {@code perps-rest}, {@code perps-ws}) and labelled with the pinned document
 * ({@code perps-openapi 0.0.1}), and drift in the perps surface or in a copy of the perps documents is reported there.
 */
class PerpsDriftTest {

    @TempDir
    Path tmp;

    @Test
    void thePerpsComparisonsNameThePinnedPerpsDocuments_andAreClean() throws IOException {
        DriftReport report = PinnedDriftCheck.run(Repo.pinned(), ReflectiveSurface.compiled());

        assertTrue(report.ok(), report.text());
        DriftReport.Comparison rest = report.comparisons().stream().filter(c -> c.name().equals("perps-rest"))
                .findFirst().orElseThrow();
        assertEquals("compiled SDK (perps REST)", rest.from());
        assertTrue(rest.to().startsWith("perps-openapi 0.0.1"), rest.to());
        assertTrue(report.comparisons().stream().anyMatch(c -> c.name().equals("perps-ws")
                && c.to().startsWith("perps-asyncapi ")), report.text());
        assertTrue(report.text().contains("perps-overlay"), report.text());
        assertTrue(report.items().stream().noneMatch(i -> i.comparison().startsWith("perps-")
                && (i.kind() == DriftItem.Kind.STUB_MISSING || i.kind() == DriftItem.Kind.OPERATION_ADDED
                || i.kind() == DriftItem.Kind.SCHEMA_REMOVED || i.kind() == DriftItem.Kind.MESSAGE_ADDED)),
                report.text());
        assertEquals(35, ReflectiveSurface.compiled("perps").rest().operations().size());
    }

    @Test
    void thePerpsChannelsAreTheGeneratedPerpsCatalogues_sixDataChannelsEachWithItsModels() {
        java.util.Map<String, List<Class<?>>> channels = ReflectiveSurface.Binding.perps().catalog().channels();
        assertEquals(List.of("orderbook_delta", "ticker", "trade", "fill", "user_orders", "order_group_updates"),
                List.copyOf(channels.keySet()));
        assertEquals(io.github.kalshi4j.perps.ws.Channel.known().stream().map(io.github.kalshi4j.perps.ws.Channel::wire)
                .toList(), List.copyOf(channels.keySet()));
        assertEquals(List.of(io.github.kalshi4j.perps.ws.model.MarginOrderbookSnapshotPayload.class,
                io.github.kalshi4j.perps.ws.model.MarginOrderbookDeltaPayload.class), channels.get("orderbook_delta"));
        channels.forEach((name, classes) -> assertTrue(!classes.isEmpty()
                && !classes.contains(ChannelCatalog.NoModel.class), name + ": " + classes));
    }

    @Test
    void aFieldMissingFromAPerpsModelIsPerpsDrift_notTradeDrift() throws IOException {
        DriftReport report = PinnedDriftCheck.run(Repo.pinned(), ReflectiveSurface.compiled(),
                api -> ReflectiveSurface.compiled(api).mapRest(s -> s.withoutProperty("MarginMarket", "tick_size")));

        assertFalse(report.ok());
        assertEquals(List.of("perps-rest: + field MarginMarket.tick_size: BigDecimal"),
                report.unexplained().stream().map(i -> i.comparison() + ": " + i.describe()).toList());
    }

    @Test
    void anOperationAddedToACopyOfThePerpsSpecIsReportedAgainstThePerpsSurface() throws IOException {
        PinnedDriftCheck.Inputs pinned = Repo.pinned();
        PinnedDriftCheck.ApiDocuments perps = pinned.others().get("perps");
        String effective = Files.readString(perps.effectiveOpenApi());
        Path copy = tmp.resolve("perps-openapi.effective.json");
        Files.writeString(copy, effective.replaceFirst("\"paths\" : \\{", """
                "paths" : { "/margin/zz_probe" : { "get" : { "operationId" : "GetMarginZzProbe", "tags" : [ "market" ],
                  "responses" : { "200" : { "description" : "ok" } } } },"""));

        DriftReport report = PinnedDriftCheck.run(pinned.with(new PinnedDriftCheck.ApiDocuments("perps",
                perps.rawOpenApi(), copy, perps.asyncApi())), ReflectiveSurface.compiled());

        assertFalse(report.ok());
        assertTrue(report.unexplained().stream().anyMatch(i -> i.comparison().equals("perps-rest")
                && i.kind() == DriftItem.Kind.OPERATION_ADDED && i.subject().equals("GetMarginZzProbe")),
                report.text());
    }

    @Test
    void driftToAPerpsFileComparesWithThePinnedPerpsDocument() throws IOException {
        SpecLock lock = SpecLock.read(Repo.ROOT);
        assertEquals("perps-openapi", DriftMain.pinnedDocument(lock, "openapi",
                "../shared/specs/perps/kalshi-perps-openapi-0.0.1.yaml", null));
        assertEquals("perps-openapi", DriftMain.pinnedDocument(lock, "openapi",
                "https://docs.kalshi.com/perps_openapi.yaml", null));
        assertEquals("perps-asyncapi", DriftMain.pinnedDocument(lock, "asyncapi",
                "https://docs.kalshi.com/perps_asyncapi.yaml", null));
        assertEquals("openapi", DriftMain.pinnedDocument(lock, "openapi", "https://docs.kalshi.com/openapi.yaml", null));
        assertEquals("openapi", DriftMain.pinnedDocument(lock, "openapi", "x/kalshi-openapi-3.31.0.yaml", null));
        assertEquals("perps-openapi", DriftMain.pinnedDocument(lock, "openapi", "x/spec.yaml", "perps-openapi"));
        assertThrows(IllegalArgumentException.class,
                () -> DriftMain.pinnedDocument(lock, "openapi", "x/spec.yaml", "perps-asyncapi"));
    }
}
