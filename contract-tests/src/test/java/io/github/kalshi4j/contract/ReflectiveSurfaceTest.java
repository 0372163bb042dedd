package io.github.kalshi4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.ws.model.TickerPayload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the reflective reader sees in the compiled SDK, on operations whose contract is known by heart. */
class ReflectiveSurfaceTest {

    private final ApiShape rest = ReflectiveSurface.compiled().rest();
    private final ApiShape ws = ReflectiveSurface.compiled().ws();

    @Test
    void everyOperationInfoIsReachableBlockingAndAsync() {
        assertEquals(Operations.all().size(), rest.operations().size());
        rest.operations().values().forEach(op -> assertEquals(List.of(), op.stubProblems(), op.id()));
    }

    @Test
    void pathParametersAreFoundWhereTheirArgumentsLandInThePath() {
        OperationShape op = rest.operations().get("GetMarketCandlesticks");
        assertEquals("GET /series/{series_ticker}/markets/{ticker}/candlesticks", op.endpoint());
        assertEquals(new TypeRef.Named("String"), op.params().get("path.series_ticker").javaType());
        assertEquals(new TypeRef.Named("String"), op.params().get("path.ticker").javaType());
    }

    @Test
    void queryParametersKeepTypesRequiredSetAndArrayEncoding() {
        OperationShape batch = rest.operations().get("BatchGetMarketCandlesticks");
        Set<String> required = new java.util.TreeSet<>();
        batch.params().values().stream().filter(ParamShape::required).forEach(p -> required.add(p.name()));
        assertEquals(Set.of("end_ts", "market_tickers", "period_interval", "start_ts"), required);
        assertEquals(new TypeRef.Named("Long"), batch.params().get("query.start_ts").javaType());

        ParamShape tickers = rest.operations().get("GetMarketOrderbooks").params().get("query.tickers");
        assertEquals("List<String>", tickers.javaType().render());
        assertEquals(Boolean.TRUE, tickers.explode());
        assertTrue(tickers.required());
    }

    @Test
    void requestBodiesReportTheRequiredSetTheirBuildEnforces() {
        assertEquals(Set.of("ticker", "side", "count", "price", "time_in_force", "self_trade_prevention_type"),
                rest.schemas().get("CreateOrderV2Request").required());
        assertEquals(new TypeRef.Named("CreateOrderV2Request"), rest.operations().get("CreateOrderV2").body().java());
        // Response models do not enforce required properties, so the reader does not claim to know them.
        assertEquals(null, rest.schemas().get("Market").required());
    }

    @Test
    void modelsExposeWireNamesMoneyDatesAndEnums() {
        Map<String, PropertyShape> market = rest.schemas().get("Market").properties();
        assertEquals("BigDecimal", market.get("yes_bid_dollars").javaType().render());
        assertEquals("OffsetDateTime", market.get("created_time").javaType().render());
        TypeRef.InlineEnum status = assertInstanceOf(TypeRef.InlineEnum.class, market.get("status").javaType());
        assertEquals("Market.StatusEnum", status.base());
        assertTrue(status.values().contains("finalized"), status.values().toString());
        assertEquals("OrderStatus", rest.schemas().get("Order").properties().get("status").javaType().render());
        assertEquals(List.of("resting", "canceled", "executed"), rest.schemas().get("OrderStatus").enumValues());
    }

    @Test
    void webSocketMessagesCarryTheirTypeConstantAndChannels() {
        MessageShape ticker = ws.messages().get("ticker (TickerPayload)");
        assertEquals(TickerPayload.TYPE, ticker.typeConstant());
        assertEquals("ticker", ticker.typeConstant());
        assertEquals(Set.of("TickerPayload"), ws.channels().get("ticker").payloadClasses());
    }

    @Test
    void subscribableChannelsAreTheChannelEnumsWireNamesNotTheGeneratedRegistry() {
        Set<String> wire = new java.util.TreeSet<>();
        for (io.github.kalshi4j.ws.Channel c : io.github.kalshi4j.ws.Channel.values()) {
            wire.add(c.wire());
        }
        assertEquals(wire, new java.util.TreeSet<>(ws.channels().keySet()));
        // The generated registry also has the command channel, which nobody subscribes to.
        assertTrue(io.github.kalshi4j.ws.model.WsMessageTypes.channels().containsKey("root"));
        assertEquals(Set.of("OrderbookSnapshotPayload", "OrderbookDeltaPayload"),
                ws.channels().get("orderbook_delta").payloadClasses());
    }

    @Test
    void channelsTheOriginalAsyncApiLacksAreDriftAgainstTheGeneratedCatalogue() throws IOException {
        // The catalogue is generated from the later AsyncAPI; against the original 2.0.0 document the channels it
        // added show as SDK-only, and the one it removed as missing from the SDK.
        ApiShape original = AsyncApiReader.read(Repo.shared("kalshi-asyncapi-2.0.0.yaml"), "asyncapi 2.0.0");
        List<DriftItem> items = ShapeDiffer.diff("ws", ShapeDiffer.Mode.SDK_TO_SPEC, ws, original);
        Set<String> sdkOnly = new java.util.TreeSet<>();
        items.stream().filter(i -> i.kind() == DriftItem.Kind.CHANNEL_REMOVED).forEach(i -> sdkOnly.add(i.subject()));
        assertEquals(Set.of("cfbenchmarks_value", "cfbenchmarks_value_5hz", "multivariate_market_lifecycle",
                "pyth_value"), sdkOnly);
        assertTrue(items.stream().anyMatch(i -> i.kind() == DriftItem.Kind.CHANNEL_ADDED
                && i.subject().equals("multivariate")), items.toString());
    }

    @Test
    void aDifferentChannelCatalogPlugsIntoTheCheck() throws IOException {
        // A catalog that knows only the ticker channel makes every other spec channel show up as not subscribable.
        ReflectiveSurface onlyTicker = ReflectiveSurface.read(() -> Map.of("ticker", List.of(TickerPayload.class)));
        ApiShape asyncapi = AsyncApiReader.read(Files.readAllBytes(Repo.pinned().asyncApi()), "asyncapi");
        List<DriftItem> items = ShapeDiffer.diff("ws", ShapeDiffer.Mode.SDK_TO_SPEC, onlyTicker.ws(), asyncapi);
        Set<String> missing = new java.util.TreeSet<>();
        items.stream().filter(i -> i.kind() == DriftItem.Kind.CHANNEL_ADDED).forEach(i -> missing.add(i.subject()));
        Set<String> expected = new java.util.TreeSet<>(asyncapi.channels().keySet());
        expected.remove("ticker");
        assertEquals(expected, missing);
    }
}
