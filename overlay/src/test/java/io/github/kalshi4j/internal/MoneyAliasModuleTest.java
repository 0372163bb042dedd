package io.github.kalshi4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.errors.KalshiDecodeException;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateRFQRequest;
import io.github.kalshi4j.model.GetBalanceResponse;
import io.github.kalshi4j.model.GetMarketCandlesticksResponse;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.MarketPosition;
import io.github.kalshi4j.model.PriceDistribution;
import io.github.kalshi4j.model.Quote;
import io.github.kalshi4j.model.RFQ;
import io.github.kalshi4j.transport.KalshiJson;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayloadMsg;
import io.github.kalshi4j.ws.model.RfqCreatedPayloadMsg;
import io.github.kalshi4j.ws.model.TickerPayload;
import io.github.kalshi4j.ws.model.TickerPayloadMsg;
import io.github.kalshi4j.ws.model.TradePayload;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyAliasModuleTest {

    private static final ObjectMapper JSON = KalshiJson.newMapper().registerModule(new MoneyAliasModule());
    private static final ObjectMapper PLAIN = KalshiJson.newMapper();

    private static <T> T read(String json, Class<T> type) throws IOException {
        return JSON.readValue(json.replace('\'', '"'), type);
    }

    @Nested
    class LegacyOnlyPayloads {

        @Test
        void decodesLegacyCentsIntoDollarsAsExactTwoPlaceDecimals() throws IOException {
            Market m = read("{'ticker':'T','yes_bid':56,'no_ask':7,'last_price':100,'notional_value':409848786}", Market.class);

            assertEquals(new BigDecimal("0.56"), m.yesBidDollars());
            assertEquals(new BigDecimal("0.07"), m.noAskDollars());
            assertEquals(new BigDecimal("1.00"), m.lastPriceDollars());
            assertEquals(new BigDecimal("4098487.86"), m.notionalValueDollars());
        }

        @Test
        void keepsTheLegacyKeyInAdditionalPropertiesBecauseTheServerSentIt() throws IOException {
            Market m = read("{'ticker':'T','yes_bid':56}", Market.class);

            assertEquals(Map.of("yes_bid", 56), m.additionalProperties());
        }

        @Test
        void legacyCountsStayCounts() throws IOException {
            Market m = read("{'ticker':'T','volume':1200,'open_interest':0,'yes_bid_size':7}", Market.class);

            assertEquals(new BigDecimal("1200"), m.volumeFp());
            assertEquals(new BigDecimal("0"), m.openInterestFp());
            assertEquals(new BigDecimal("7"), m.yesBidSizeFp());
        }

        @Test
        void negativeCentsBecomeNegativeDollars() throws IOException {
            MarketPosition p = read("{'ticker':'T','realized_pnl':-1234,'position':-5}", MarketPosition.class);

            assertEquals(new BigDecimal("-12.34"), p.realizedPnlDollars());
            assertEquals(new BigDecimal("-5"), p.positionFp());
        }

        @Test
        void integersBeyondLongRangeConvertExactly() throws IOException {
            Market m = read("{'ticker':'T','notional_value':123456789012345678901234}", Market.class);

            assertEquals(new BigDecimal("1234567890123456789012.34"), m.notionalValueDollars());
        }

        @Test
        void rfqTargetCostIsReadAsCentiCentsAsKalshiDocumentsIt() throws IOException {
            RfqCreatedPayloadMsg rfq = read("{'id':'r','target_cost':1234500}", RfqCreatedPayloadMsg.class);

            assertEquals(new BigDecimal("123.4500"), rfq.targetCostDollars());
        }

        @Test
        void restRfqTargetCostCentiCentsIsReadAsDollars() throws IOException {
            // REST 3.6 sent the RFQ's target cost as target_cost_centi_cents: 1/10,000 dollar.
            RFQ rfq = read("{'id':'r','market_ticker':'T','contracts':10,'target_cost_centi_cents':3500,"
                    + "'status':'open','created_ts':'2026-01-02T03:04:05Z'}", RFQ.class);

            assertEquals(new BigDecimal("0.3500"), rfq.targetCostDollars());
            assertEquals(new BigDecimal("10"), rfq.contractsFp());
            assertEquals(3500, rfq.additionalProperties().get("target_cost_centi_cents"), "what the server sent stays");
        }

        @Test
        void restQuoteRfqTargetCostCentiCentsIsReadAsDollars() throws IOException {
            Quote q = read("{'id':'q','rfq_id':'r','rfq_target_cost_centi_cents':1234567}", Quote.class);

            assertEquals(new BigDecimal("123.4567"), q.rfqTargetCostDollars());
        }

        @Test
        void wsOrderbookDeltaFillsPriceAndDeltaIncludingNegativeDeltas() throws IOException {
            OrderbookDeltaPayloadMsg d = read("{'market_ticker':'T','price':56,'delta':-30,'side':'yes'}",
                    OrderbookDeltaPayloadMsg.class);

            assertEquals(new BigDecimal("0.56"), d.priceDollars());
            assertEquals(new BigDecimal("-30"), d.deltaFp());
        }

        @Test
        void aliasesAreFilledInsideNestedListsToo() throws IOException {
            GetMarketsResponse page = read("{'cursor':'','markets':[{'ticker':'A','yes_bid':1},{'ticker':'B','yes_bid':99}]}",
                    GetMarketsResponse.class);

            assertEquals(new BigDecimal("0.01"), page.markets().get(0).yesBidDollars());
            assertEquals(new BigDecimal("0.99"), page.markets().get(1).yesBidDollars());
        }
    }

    @Nested
    class BothForms {

        @Test
        void agreeingFormsDecodeAndTheCanonicalTextIsKept() throws IOException {
            Market m = read("{'ticker':'T','yes_bid':56,'yes_bid_dollars':'0.5600','volume':1200,'volume_fp':'1200.00'}",
                    Market.class);

            assertEquals("0.5600", m.yesBidDollars().toPlainString());
            assertEquals("1200.00", m.volumeFp().toPlainString());
        }

        @Test
        void disagreeingFormsFailNamingBothFieldsAndValues() {
            JsonMappingException e = assertThrows(JsonMappingException.class,
                    () -> read("{'ticker':'T','yes_bid':56,'yes_bid_dollars':'0.5700'}", Market.class));

            String message = e.getOriginalMessage();
            assertTrue(message.contains("yes_bid_dollars \"0.5700\""), message);
            assertTrue(message.contains("legacy yes_bid 56"), message);
            assertTrue(message.contains("Market"), message);
        }

        @Test
        void centiCentsAgreeingWithDollarsDecode() throws IOException {
            RFQ rfq = read("{'id':'r','target_cost_centi_cents':3500,'target_cost_dollars':'0.35'}", RFQ.class);

            assertEquals("0.35", rfq.targetCostDollars().toPlainString());
        }

        @Test
        void centiCentsDisagreeingWithDollarsFailNamingBoth() {
            JsonMappingException e = assertThrows(JsonMappingException.class,
                    () -> read("{'id':'q','rfq_target_cost_centi_cents':3500,'rfq_target_cost_dollars':'0.3600'}",
                            Quote.class));

            assertTrue(e.getOriginalMessage().contains(
                    "rfq_target_cost_dollars \"0.3600\" disagrees with legacy rfq_target_cost_centi_cents 3500 (= 0.3500)"),
                    e.getOriginalMessage());
        }

        @Test
        void disagreeingCountsFailToo() {
            JsonMappingException e = assertThrows(JsonMappingException.class,
                    () -> read("{'ticker':'T','volume':1200,'volume_fp':'1201.00'}", Market.class));

            assertTrue(e.getOriginalMessage().contains("volume_fp \"1201.00\" disagrees with legacy volume 1200"),
                    e.getOriginalMessage());
        }

        @Test
        void aDisagreementDeepInAPageBecomesADecodeExceptionNamingTheFields() {
            byte[] body = "{\"markets\":[{\"ticker\":\"A\"},{\"ticker\":\"B\",\"no_bid\":10,\"no_bid_dollars\":\"0.2000\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            JsonMappingException e = assertThrows(JsonMappingException.class,
                    () -> JSON.readValue(body, GetMarketsResponse.class));

            KalshiDecodeException decode = new KalshiDecodeException("GetMarkets", 200, body, e);
            assertTrue(decode.getMessage().contains("no_bid_dollars \"0.2000\" disagrees with legacy no_bid 10"),
                    decode.getMessage());
        }

        @Test
        void subCentCanonicalValuesAgreeWithTheirLegacyCentsRoundedEitherWay() throws IOException {
            // Real candlesticks send mean 10 beside mean_dollars 0.1095: whole cents cannot hold 10.95 cents.
            PriceDistribution down = read("{'mean':10,'mean_dollars':'0.1095'}", PriceDistribution.class);
            PriceDistribution up = read("{'mean':11,'mean_dollars':'0.1095'}", PriceDistribution.class);

            assertEquals(new BigDecimal("0.1095"), down.meanDollars());
            assertEquals(new BigDecimal("0.1095"), up.meanDollars());
        }

        @Test
        void subCentCanonicalValuesMoreThanACentAwayStillDisagree() {
            assertThrows(JsonMappingException.class,
                    () -> read("{'mean':12,'mean_dollars':'0.1095'}", PriceDistribution.class));
            assertThrows(JsonMappingException.class,
                    () -> read("{'mean':9,'mean_dollars':'0.1095'}", PriceDistribution.class));
        }

        @Test
        void fractionalCountsAgreeWithTheirWholeLegacyCount() throws IOException {
            Market m = read("{'ticker':'T','volume':80390,'volume_fp':'80390.47'}", Market.class);

            assertEquals(new BigDecimal("80390.47"), m.volumeFp());
        }
    }

    @Nested
    class NothingToAlias {

        @Test
        void fpOnlyPayloadIsUntouched() throws IOException {
            String json = "{'ticker':'T','yes_bid_dollars':'0.5600','volume_fp':'80390.47','open_interest_fp':'3.00'}";

            Market aliased = read(json, Market.class);
            Market plain = PLAIN.readValue(json.replace('\'', '"'), Market.class);

            assertEquals(plain, aliased);
            assertEquals("0.5600", aliased.yesBidDollars().toPlainString());
            assertTrue(aliased.additionalProperties().isEmpty());
        }

        @Test
        void nonIntegerLegacyValuesAreLeftAlone() throws IOException {
            // A lifecycle frame's settlement_value is a dollar string; a float is not a cents integer either.
            Market m = read("{'ticker':'T','settlement_value':'0.5000','yes_bid':0.56,'volume':true}", Market.class);

            assertNull(m.settlementValueDollars());
            assertNull(m.yesBidDollars());
            assertNull(m.volumeFp());
        }

        @Test
        void legacyKeysOfOtherFieldsDoNotLeakIntoCanonicals() throws IOException {
            Market m = read("{'ticker':'T','yes_bid_dollars':'0.5600','unrelated':5}", Market.class);

            assertEquals("0.5600", m.yesBidDollars().toPlainString());
            assertNull(m.noBidDollars());
        }

        @Test
        void aRealFpOnlyPageDecodesExactlyAsWithoutTheModule() throws IOException {
            Path file = WireSamples.require("rest/get_markets-items__brianlee7281-soccer.json");
            byte[] body = Files.readAllBytes(file);

            Market[] aliased = JSON.readValue(body, Market[].class);
            Market[] plain = PLAIN.readValue(body, Market[].class);

            assertEquals(List.of(plain), List.of(aliased));
        }
    }

    @Nested
    class TypedLegacyPairs {

        // GetBalanceResponse carries balance (integer cents, typed) beside balance_dollars: the typed integer is the
        // legacy form, and the module reads it from the property instead of from additionalProperties().

        @Test
        void balanceFillsDollarsFromItsTypedLegacyCents() throws IOException {
            GetBalanceResponse b = read("{'balance':12345,'portfolio_value':20000,'updated_ts':1}", GetBalanceResponse.class);

            assertEquals(new BigDecimal("123.45"), b.balanceDollars());
            assertEquals(12345L, b.balance());
            assertTrue(b.additionalProperties().isEmpty());
        }

        @Test
        void balanceWithBothFormsAgreeingKeepsBoth() throws IOException {
            GetBalanceResponse b = read("{'balance':12345,'balance_dollars':'123.4500'}", GetBalanceResponse.class);

            assertEquals(12345L, b.balance());
            assertEquals("123.4500", b.balanceDollars().toPlainString());
        }

        @Test
        void balanceWithDisagreeingFormsFails() {
            JsonMappingException e = assertThrows(JsonMappingException.class,
                    () -> read("{'balance':12345,'balance_dollars':'123.4600'}", GetBalanceResponse.class));

            assertTrue(e.getOriginalMessage().contains(
                    "GetBalanceResponse: balance_dollars \"123.4600\" disagrees with legacy balance 12345"),
                    e.getOriginalMessage());
        }

        @Test
        void balanceWithOnlyTheCanonicalFormLeavesTheTypedLegacyFieldNull() throws IOException {
            GetBalanceResponse b = read("{'balance_dollars':'123.4500'}", GetBalanceResponse.class);

            assertNull(b.balance());
            assertEquals("123.4500", b.balanceDollars().toPlainString());
        }

        @Test
        void everyTypedLegacyIntegerBesideItsFixedPointTwinIsAliasedAsTyped() {
            // Read off the generated models: a JSON integer property X next to a decimal X_dollars or X_fp.
            Map<String, List<String>> expected = new TreeMap<>();
            Map<String, List<String>> typed = new TreeMap<>();
            for (Class<?> type : generatedModelClasses()) {
                Map<String, Class<?>> props = new java.util.HashMap<>();
                for (java.lang.reflect.Field f : type.getDeclaredFields()) {
                    if (f.isAnnotationPresent(JsonProperty.class)) {
                        props.put(f.getAnnotation(JsonProperty.class).value(), f.getType());
                    }
                }
                List<String> twins = new ArrayList<>();
                props.forEach((name, t) -> {
                    for (String suffix : List.of("_dollars", "_fp")) {
                        Class<?> legacy = name.endsWith(suffix) && t == BigDecimal.class
                                ? props.get(name.substring(0, name.length() - suffix.length())) : null;
                        if (legacy == Integer.class || legacy == Long.class) {
                            twins.add(name.substring(0, name.length() - suffix.length()) + " (typed) -> " + name);
                        }
                    }
                });
                if (!twins.isEmpty()) {
                    expected.put(type.getSimpleName(), twins.stream().sorted().toList());
                }
                List<String> pairs = MoneyAliasModule.describe(type).stream().filter(d -> d.contains("(typed)"))
                        .map(d -> d.replaceAll(" /\\d+$", "")).sorted().toList();
                if (!pairs.isEmpty()) {
                    typed.put(type.getSimpleName(), pairs);
                }
            }

            assertEquals(expected, typed);
            assertTrue(MoneyAliasModule.describe(GetBalanceResponse.class)
                    .contains("balance (typed) -> balance_dollars /100"), "the pinned spec's typed pair");
        }
    }

    @Nested
    class Coverage {

        @Test
        void rfqTargetCostsHaveTheirRestCentiCentsNameBesideTheWebSocketOne() {
            assertEquals(List.of("contracts -> contracts_fp", "target_cost -> target_cost_dollars /10000",
                    "target_cost_centi_cents -> target_cost_dollars /10000"), MoneyAliasModule.describe(RFQ.class));
            assertTrue(MoneyAliasModule.describe(Quote.class)
                    .contains("rfq_target_cost_centi_cents -> rfq_target_cost_dollars /10000"));
        }

        @Test
        void everyGeneratedModelWithMoneyOrCountFieldsGetsOneAliasPerField() {
            List<String> missing = new ArrayList<>();
            int covered = 0;
            for (Class<?> type : generatedModelClasses()) {
                long moneyFields = Stream.of(type.getDeclaredFields())
                        .filter(f -> f.getType() == BigDecimal.class && f.isAnnotationPresent(JsonProperty.class))
                        .map(f -> f.getAnnotation(JsonProperty.class).value())
                        .filter(n -> n.endsWith("_dollars") || n.endsWith("_fp"))
                        .count();
                // The REST centi-cents name of an RFQ target cost is a second legacy name of the same field.
                int aliases = (int) MoneyAliasModule.describe(type).stream()
                        .filter(d -> !d.startsWith("target_cost_centi_cents") && !d.startsWith("rfq_target_cost_centi_cents"))
                        .count();
                if (aliases != moneyFields) {
                    missing.add(type.getSimpleName() + " has " + moneyFields + " money fields, " + aliases + " aliases");
                }
                covered += moneyFields > 0 ? 1 : 0;
            }

            assertEquals(List.of(), missing);
            assertTrue(covered >= 37, "the pinned specs have 37 money-bearing models, found " + covered);
        }

        @Test
        void classesOutsideTheModelPackagesAreNotAliased() {
            assertEquals(List.of(), MoneyAliasModule.describe(Outside.class));
        }
    }

    /** A look-alike outside the generated packages: the module must not touch it. */
    static final class Outside {
        @JsonProperty("yes_bid_dollars")
        BigDecimal yesBidDollars;
    }

    @Nested
    class Writing {

        @Test
        void aBuiltV2OrderWritesItsCountAndPriceAsFixedPointStrings() throws IOException {
            CreateOrderV2Request order = CreateOrderV2Request.builder()
                    .ticker("KXTEST-26JAN01-T1").side("bid").count("10.00").price("0.5600")
                    .timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross").clientOrderId("c1")
                    .build();

            JsonNode written = JSON.valueToTree(order);

            assertEquals("10.00", written.get("count").textValue(), "a string, as written: " + written);
            assertEquals("0.5600", written.get("price").textValue(), "a string, as written: " + written);
            for (String legacy : List.of("count_fp", "yes_price", "yes_price_dollars", "no_price")) {
                assertFalse(written.has(legacy), () -> "wrote " + legacy + ": " + written);
            }
        }

        @Test
        void shortNamesOnARequestSetAndReadTheFixedPointForms() throws IOException {
            CreateRFQRequest rfq = CreateRFQRequest.builder().marketTicker("KXTEST-26JAN01-T1").restRemainder(false)
                    .contracts("10.00").targetCost(new BigDecimal("1.2500")).build();

            assertEquals(new BigDecimal("10.00"), rfq.contracts(), "contracts() is contracts_fp");
            assertEquals(rfq.contractsFp(), rfq.contracts());
            assertEquals(rfq.targetCostDollars(), rfq.targetCost());
            JsonNode written = JSON.valueToTree(rfq);
            List<String> names = new ArrayList<>();
            written.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("contracts_fp", "market_ticker", "rest_remainder", "target_cost_dollars"),
                    names.stream().sorted().toList());
            assertEquals("10.00", written.get("contracts_fp").asText());
            assertEquals("1.2500", written.get("target_cost_dollars").asText());
        }

        @Test
        void noRequestWritesMoneyOrCountsAsALegacyJsonNumber() {
            Map<String, JsonNode> written = Map.of(
                    "AmendOrderV2Request", JSON.valueToTree(io.github.kalshi4j.model.AmendOrderV2Request.builder()
                            .ticker("T").side("bid").count("3").price("0.10").build()),
                    "DecreaseOrderV2Request", JSON.valueToTree(io.github.kalshi4j.model.DecreaseOrderV2Request.builder()
                            .reduceBy("2").reduceTo("1").build()),
                    "CreateRFQRequest", JSON.valueToTree(io.github.kalshi4j.model.CreateRFQRequest.builder()
                            .marketTicker("T").restRemainder(false).contracts("5").targetCost("1.25").build()),
                    "CreateOrderGroupRequest", JSON.valueToTree(io.github.kalshi4j.model.CreateOrderGroupRequest.builder()
                            .contractsLimit("10").build()));

            Map<String, List<String>> legacyWritten = new TreeMap<>();
            written.forEach((name, json) -> {
                List<String> legacy = new ArrayList<>();
                json.fieldNames().forEachRemaining(f -> {
                    if (!f.endsWith("_fp") && !f.endsWith("_dollars") && json.get(f).isNumber()) {
                        legacy.add(f);
                    }
                });
                if (!legacy.isEmpty()) {
                    legacyWritten.put(name, legacy);
                }
            });
            assertEquals(Map.of(), legacyWritten);
            assertEquals("2", written.get("DecreaseOrderV2Request").get("reduce_by").textValue());
            assertEquals("3", written.get("AmendOrderV2Request").get("count").textValue());
            assertEquals("1.25", written.get("CreateRFQRequest").get("target_cost_dollars").asText());
            assertEquals("5", written.get("CreateRFQRequest").get("contracts_fp").asText());
            assertEquals("10", written.get("CreateOrderGroupRequest").get("contracts_limit_fp").asText());
        }

        @Test
        void requestBuildersHaveNoSetterForALegacyInteger() {
            for (Class<?> builder : List.of(CreateOrderV2Request.Builder.class, io.github.kalshi4j.model.AmendOrderV2Request.Builder.class,
                    io.github.kalshi4j.model.DecreaseOrderV2Request.Builder.class, CreateRFQRequest.Builder.class,
                    io.github.kalshi4j.model.CreateOrderGroupRequest.Builder.class)) {
                for (java.lang.reflect.Method m : builder.getMethods()) {
                    if (m.getParameterCount() == 1) {
                        Class<?> t = m.getParameterTypes()[0];
                        assertFalse(t == Integer.class || t == Long.class || t == int.class || t == long.class
                                        ? m.getName().matches("count|price|yesPrice|noPrice|reduceBy|reduceTo|contracts|contractsLimit|targetCost.*")
                                        : t == double.class || t == Double.class,
                                () -> builder.getName() + "." + m.getName() + "(" + t.getSimpleName() + ")");
                    }
                }
            }
        }

        @Test
        void aBuiltMarketWritesNoLegacyNames() throws IOException {
            Market market = Market.builder().ticker("T").yesBidDollars("0.5600").volumeFp("1200.00")
                    .notionalValueDollars("1.0000").build();

            JsonNode written = JSON.valueToTree(market);

            List<String> names = new ArrayList<>();
            written.fieldNames().forEachRemaining(names::add);
            // price_ranges is a required list, so it is written even when empty.
            assertEquals(List.of("ticker", "yes_bid_dollars", "volume_fp", "notional_value_dollars", "price_ranges"), names);
        }
    }

    @Nested
    class RealDualEraSamples {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "rest/get_markets__mutantamoeba-precog.json, io.github.kalshi4j.model.GetMarketsResponse",
            "rest/get_markets__mutantamoeba-precog-demo.json, io.github.kalshi4j.model.GetMarketsResponse",
            "rest/get_markets__obstacle-kalshi-starter.json, io.github.kalshi4j.model.GetMarketsResponse",
            "rest/get_orders__obstacle-kalshi-starter.json, io.github.kalshi4j.model.GetOrdersResponse",
            "rest/get_positions__obstacle-kalshi-starter.json, io.github.kalshi4j.model.GetPositionsResponse",
            "rest/get_trades__obstacle-kalshi-starter.json, io.github.kalshi4j.model.GetTradesResponse",
            "rest/get_market_candlesticks__obstacle-kalshi-starter.json, io.github.kalshi4j.model.GetMarketCandlesticksResponse",
        })
        void decodeKeepingEveryCanonicalAndFillingMissingCountsFromAgreeingLegacyValues(String sample, String typeName)
                throws Exception {
            JsonNode raw = JSON.readTree(WireSamples.require(sample).toFile());

            JsonNode decoded = JSON.valueToTree(JSON.treeToValue(raw, Class.forName(typeName)));

            assertTrue(assertSameMoney(raw, decoded, "$") > 0, "the sample carries money fields");
            assertTrue(assertLegacyTwinsAgree(raw, decoded, "$") > 0, "the sample carries legacy twins");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "rest/get_markets__mutantamoeba-precog.json, io.github.kalshi4j.model.GetMarketsResponse",
            "rest/get_markets__obstacle-kalshi-starter.json, io.github.kalshi4j.model.GetMarketsResponse",
            "rest/get_orders__obstacle-kalshi-starter.json, io.github.kalshi4j.model.GetOrdersResponse",
            "rest/get_positions__mutantamoeba-precog.json, io.github.kalshi4j.model.GetPositionsResponse",
            "rest/get_trades__obstacle-kalshi-starter.json, io.github.kalshi4j.model.GetTradesResponse",
        })
        void withTheirCanonicalFieldsRemovedDecodeToTheSameMoneyFromLegacyFieldsAlone(String sample, String typeName)
                throws Exception {
            JsonNode original = JSON.readTree(WireSamples.require(sample).toFile());
            JsonNode legacyOnly = original.deepCopy();
            int removed = stripCanonicalsWithLegacyTwin(legacyOnly);

            Class<?> type = Class.forName(typeName);
            JsonNode fromDual = JSON.valueToTree(JSON.treeToValue(original, type));
            JsonNode fromLegacy = JSON.valueToTree(JSON.treeToValue(legacyOnly, type));

            assertTrue(removed > 0, "the sample has legacy twins");
            int checked = assertSameMoney(fromDual, fromLegacy, "$");
            assertTrue(checked >= removed, checked + " money fields compared, " + removed + " rebuilt from legacy");
        }

        @Test
        void precogMarketPageKeepsDollarsAsSentAndFillsCountsFromLegacyIntegers() throws IOException {
            GetMarketsResponse page = JSON.readValue(
                    WireSamples.require("rest/get_markets__mutantamoeba-precog.json").toFile(), GetMarketsResponse.class);

            Market m = page.markets().get(0);
            assertEquals(new BigDecimal("0.6200"), m.lastPriceDollars());
            assertEquals(62, m.additionalProperties().get("last_price"));
            assertEquals(new BigDecimal("1.0000"), m.notionalValueDollars());
            // The dual era has no _fp fields: counts come from the legacy integers.
            assertEquals(new BigDecimal("16126"), m.volumeFp());
            assertEquals(new BigDecimal("13244"), m.openInterestFp());
        }

        @Test
        void realCandlesticksWithSubCentMeansDecode() throws IOException {
            GetMarketCandlesticksResponse r = JSON.readValue(
                    WireSamples.require("rest/get_market_candlesticks__obstacle-kalshi-starter.json").toFile(),
                    GetMarketCandlesticksResponse.class);

            assertFalse(r.candlesticks().isEmpty());
            assertTrue(r.candlesticks().stream().anyMatch(c -> c.price() != null && c.price().meanDollars() != null
                    && c.price().meanDollars().stripTrailingZeros().scale() > 2), "the sample has sub-cent means");
        }

        @Test
        void legacyWsTickerFrameGetsItsMoneyAndCountsFilledFromLegacyFields() throws IOException {
            String line = Files.readAllLines(WireSamples.require("ws/ticker__aaronwald-ssmd-legacy.jsonl")).get(0);

            TickerPayloadMsg t = JSON.readValue(line, TickerPayload.class).msg();

            assertEquals(new BigDecimal("351970"), t.volumeFp());
            assertEquals(new BigDecimal("182646"), t.openInterestFp());
            assertEquals(new BigDecimal("0.1200"), t.priceDollars());
            assertEquals(12, t.additionalProperties().get("price"), "what the server sent stays");
        }

        @Test
        void dualEraWsTickerAndTradeFramesDecodeWithBothFormsAgreeing() throws IOException {
            int frames = 0;
            for (String line : Files.readAllLines(WireSamples.require("ws/ticker__aaronwald-ssmd.jsonl"))) {
                if (!line.isBlank()) {
                    TickerPayloadMsg t = JSON.readValue(line, TickerPayload.class).msg();
                    Map<String, Object> legacy = t.additionalProperties();
                    assertEquals(0, t.priceDollars().compareTo(BigDecimal.valueOf(((Number) legacy.get("price")).longValue(), 2)));
                    assertEquals(0, t.volumeFp().compareTo(BigDecimal.valueOf(((Number) legacy.get("volume")).longValue())));
                    frames++;
                }
            }
            for (String line : Files.readAllLines(WireSamples.require("ws/trade__aaronwald-ssmd.jsonl"))) {
                if (!line.isBlank()) {
                    assertNotNull(JSON.readValue(line, TradePayload.class).msg().countFp());
                    frames++;
                }
            }
            assertEquals(20, frames);
        }
    }

    /** Removes every {@code X_dollars}/{@code X_fp} whose object also holds an integer {@code X}; returns how many. */
    private static int stripCanonicalsWithLegacyTwin(JsonNode node) {
        int removed = 0;
        if (node instanceof ObjectNode obj) {
            List<String> drop = new ArrayList<>();
            obj.fieldNames().forEachRemaining(name -> {
                String legacy = name.endsWith("_dollars") ? name.substring(0, name.length() - 8)
                        : name.endsWith("_fp") ? name.substring(0, name.length() - 3) : null;
                if (legacy != null && obj.path(legacy).isIntegralNumber()) {
                    drop.add(name);
                }
            });
            obj.remove(drop);
            removed += drop.size();
        }
        for (JsonNode child : node) {
            removed += stripCanonicalsWithLegacyTwin(child);
        }
        return removed;
    }

    /**
     * For every integer {@code X} in the raw body whose decoded twin {@code X_dollars}/{@code X_fp} exists, asserts the
     * two agree at the legacy resolution (cents or whole counts); returns how many pairs were checked.
     */
    private static int assertLegacyTwinsAgree(JsonNode raw, JsonNode decoded, String path) {
        int checked = 0;
        if (raw.isObject()) {
            for (Map.Entry<String, JsonNode> e : raw.properties()) {
                String where = path + "." + e.getKey();
                if (e.getValue().isIntegralNumber()) {
                    for (String suffix : List.of("_dollars", "_fp")) {
                        JsonNode twin = decoded.get(e.getKey() + suffix);
                        if (twin != null && twin.isTextual() && !twin.asText().isEmpty()) {
                            int scale = suffix.equals("_dollars") ? 2 : 0;
                            BigDecimal legacy = new BigDecimal(e.getValue().bigIntegerValue(), scale);
                            BigDecimal diff = new BigDecimal(twin.asText()).subtract(legacy).abs();
                            assertTrue(diff.compareTo(BigDecimal.ONE.movePointLeft(scale)) < 0,
                                    () -> where + "=" + e.getValue() + " vs " + e.getKey() + suffix + "=" + twin);
                            checked++;
                        }
                    }
                } else {
                    checked += assertLegacyTwinsAgree(e.getValue(), decoded.path(e.getKey()), where);
                }
            }
        } else if (raw.isArray()) {
            for (int i = 0; i < raw.size(); i++) {
                checked += assertLegacyTwinsAgree(raw.get(i), decoded.path(i), path + "[" + i + "]");
            }
        }
        return checked;
    }

    /** Asserts every money/count field of {@code expected} appears in {@code actual} with an equal number. */
    private static int assertSameMoney(JsonNode expected, JsonNode actual, String path) {
        int checked = 0;
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                String name = e.getKey();
                String where = path + "." + name;
                if ((name.endsWith("_dollars") || name.endsWith("_fp")) && e.getValue().isTextual()
                        && !e.getValue().asText().isEmpty()) {
                    JsonNode other = actual.get(name);
                    assertNotNull(other, () -> where + " missing after decoding legacy-only form");
                    assertEquals(0, new BigDecimal(e.getValue().asText()).compareTo(new BigDecimal(other.asText())),
                            () -> where + ": " + e.getValue() + " vs " + other);
                    checked++;
                } else {
                    checked += assertSameMoney(e.getValue(), actual.path(name), where);
                }
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                checked += assertSameMoney(expected.get(i), actual.path(i), path + "[" + i + "]");
            }
        }
        return checked;
    }

    /** Every class of the generated model packages, read from the generated jar or classes directory. */
    static List<Class<?>> generatedModelClasses() {
        List<Class<?>> out = new ArrayList<>();
        try {
            Path location = Path.of(Market.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(JarEntry::getName).forEach(names::add);
                }
            }
            for (String name : names) {
                boolean inPackage = name.matches("io/github/kalshi4j/(ws/)?model/[^/$]+\\.class");
                if (inPackage) {
                    out.add(Class.forName(name.substring(0, name.length() - 6).replace('/', '.')));
                }
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list generated model classes", e);
        }
        assertTrue(out.size() > 100, "found only " + out.size() + " generated classes");
        return out;
    }
}
