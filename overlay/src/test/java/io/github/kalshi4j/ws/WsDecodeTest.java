package io.github.kalshi4j.ws;

import static io.github.kalshi4j.ws.WsHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.transport.KalshiJson;
import io.github.kalshi4j.ws.model.WsMessageTypes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every data message of every channel, shaped like the pinned spec's examples and like real captured
 * frames, goes through the test server and the client's decoding into its {@link WsMessage} record; a
 * type the SDK does not know arrives as {@link WsMessage.Unknown} without ending anything.
 */
class WsDecodeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper MODELS = KalshiJson.newMapper();

    /**
     * Every data message of the pinned AsyncAPI document (every message of a channel other than the connection's
     * {@code /}), read off the document itself, not off the generated catalogue under test: the channel it is listed
     * on, its envelope type, the generated model of its payload, the constants its {@code msg} carries (which tell
     * apart messages that share a type, as market_lifecycle_v2's lifecycle and metadata_updated events), and its
     * examples. A message listed on two channels (event_lifecycle) appears once per channel.
     */
    private record SpecMessage(String channel, String type, Class<?> payload, Map<String, String> msgConstants,
            List<JsonNode> examples) {

        boolean fits(JsonNode frame) {
            return type.equals(frame.path("type").asText()) && msgConstants.entrySet().stream()
                    .allMatch(c -> c.getValue().equals(frame.path("msg").path(c.getKey()).asText(null)));
        }
    }

    private static final List<SpecMessage> MESSAGES = specMessages();

    private static List<SpecMessage> specMessages() {
        JsonNode spec = PinnedSpec.asyncApi();
        List<SpecMessage> out = new ArrayList<>();
        spec.path("channels").forEach(channel -> {
            if (channel.path("address").asText().equals("/")) {
                return;
            }
            channel.path("messages").forEach(ref -> {
                String key = ref.get("$ref").asText().replaceAll(".*/", "");
                JsonNode message = spec.at("/components/messages/" + key);
                String schema = message.at("/payload/$ref").asText().replaceAll(".*/", "");
                JsonNode properties = spec.at("/components/schemas/" + schema + "/properties");
                Map<String, String> constants = new LinkedHashMap<>();
                properties.at("/msg/properties").fields().forEachRemaining(f -> {
                    if (f.getValue().has("const")) {
                        constants.put(f.getKey(), f.getValue().get("const").asText());
                    }
                });
                List<JsonNode> examples = new ArrayList<>();
                message.path("examples").forEach(e -> examples.add(e.get("payload")));
                try {
                    out.add(new SpecMessage(channel.path("address").asText(), properties.at("/type/const").asText(),
                            Class.forName("io.github.kalshi4j.ws.model." + Character.toUpperCase(schema.charAt(0))
                                    + schema.substring(1)), constants, examples));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("no generated model for " + schema, e);
                }
            });
        });
        return out;
    }

    /** The envelope types of the spec's data messages. */
    private static Set<String> specTypes() {
        Set<String> types = new TreeSet<>();
        MESSAGES.forEach(m -> types.add(m.type()));
        return types;
    }

    /**
     * The payload model the spec gives a frame: of the messages of its type, the one whose msg constants it carries
     * (a message with constants is the more specific one), else the one without.
     */
    private static Class<?> specifiedPayload(JsonNode frame) {
        return MESSAGES.stream().filter(m -> m.fits(frame))
                .max(java.util.Comparator.comparingInt(m -> m.msgConstants().size()))
                .map(SpecMessage::payload)
                .orElseThrow(() -> new AssertionError("the spec has no message for " + frame));
    }

    /** The record a frame became: decoded (not {@link WsMessage.Unknown}) into the spec's payload model for it. */
    private static void assertDecodedAsSpecified(JsonNode frame, WsMessage m, String where) throws Exception {
        String type = frame.path("type").asText();
        assertFalse(m instanceof WsMessage.Unknown, where + ": " + type + " decoded as Unknown");
        assertEquals(type, m.type(), where);
        assertEquals(specifiedPayload(frame), m.getClass().getMethod("payload").invoke(m).getClass(), where);
    }

    /** One pull subscription per channel, all markets (orderbook_delta: the spec examples' market). */
    private static Map<Channel, Subscription<WsMessage>> subscribeAll(WsHarness h, String book) throws Exception {
        Map<Channel, Subscription<WsMessage>> subs = new HashMap<>();
        for (Channel c : Channel.values()) {
            SubscribeRequest r = c == Channel.ORDERBOOK_DELTA ? SubscribeRequest.of(c, book) : SubscribeRequest.of(c);
            subs.put(c, h.ws.subscribe(r).get(5, TimeUnit.SECONDS));
        }
        return subs;
    }

    private static ObjectNode withSid(JsonNode frame, Subscription<?> sub, Channel channel) {
        ObjectNode copy = frame.deepCopy();
        copy.put("sid", sub.sids().get(channel));
        return copy;
    }

    @Test
    void theDecoderCoversEveryDataMessageOfThePinnedSpecAndEachChannelKnowsItsTypes() {
        assertEquals(specTypes(), new TreeSet<>(FrameDecoder.knownTypes()));
        WsMessageTypes.channels().forEach((channel, models) -> {
            if (channel.equals("root")) {
                return;
            }
            Channel c = Channel.fromWire(channel).orElseThrow(() -> new AssertionError("no Channel for " + channel));
            Set<String> types = new HashSet<>();
            for (Class<?> model : models) {
                try {
                    types.add((String) model.getField("TYPE").get(null));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(model + " has no TYPE", e);
                }
            }
            assertEquals(types, new HashSet<>(c.messageTypes()), channel);
        });
        assertEquals(Channel.values().length, WsMessageTypes.channels().size() - 1);
        for (SpecMessage m : MESSAGES) {
            Channel listed = Channel.fromWire(m.channel()).orElseThrow();
            assertTrue(listed.messageTypes().contains(m.type()), m.channel() + " carries " + m.type());
            // A type carried by several channels maps to one of them; frames are routed by sid all the same.
            Channel byType = Channel.forMessageType(m.type()).orElseThrow();
            assertTrue(MESSAGES.stream().anyMatch(o -> o.type().equals(m.type()) && o.channel().equals(byType.wire())),
                    m.type() + " maps to " + byType + ", which the spec does not list it on");
        }
        // Singular envelope types of plural channels.
        assertEquals(Channel.USER_ORDERS, Channel.forMessageType("user_order").orElseThrow());
        assertEquals(Channel.MARKET_POSITIONS, Channel.forMessageType("market_position").orElseThrow());
    }

    @Test
    void everyDataMessageExampleOfTheSpecDecodesIntoItsRecordOnItsChannel() throws Exception {
        // Every example of every data message, on the channel the spec lists it on.
        List<Map.Entry<Channel, JsonNode>> examples = new ArrayList<>();
        for (SpecMessage message : MESSAGES) {
            for (JsonNode example : message.examples()) {
                examples.add(Map.entry(Channel.fromWire(message.channel()).orElseThrow(), example));
            }
        }
        assertTrue(examples.size() >= MESSAGES.size(), "at least one example per data message of the pinned spec");
        // The spec's delta (yes 0.96, -54) is not about the spec's snapshot: give the server a book it
        // applies to, and send it before the example snapshot.
        examples.sort((a, b) -> Boolean.compare("orderbook_snapshot".equals(a.getValue().path("type").asText()),
                "orderbook_snapshot".equals(b.getValue().path("type").asText())));
        try (WsHarness h = WsHarness.start()) {
            h.server.setBook("FED-23DEC-T3.00", new String[][] {{"0.96", "54"}}, new String[][] {});
            Map<Channel, List<WsMessage>> handled = new HashMap<>();
            for (Channel c : Channel.values()) {
                List<WsMessage> seen = new CopyOnWriteArrayList<>();
                handled.put(c, seen);
                h.ws.on(c, seen::add);
            }
            Map<Channel, Subscription<WsMessage>> subs = subscribeAll(h, "FED-23DEC-T3.00");
            assertInstanceOf(WsMessage.OrderbookSnapshot.class, subs.get(Channel.ORDERBOOK_DELTA).poll(WAIT));
            // The examples' seqs are each message's own (two examples may share one): a sequenced channel's frames
            // are renumbered in sending order so that none looks lost or repeated. The book's sid has had its
            // subscription snapshot, seq 1.
            Map<Channel, Long> seqs = new HashMap<>();
            seqs.put(Channel.ORDERBOOK_DELTA, 1L);
            Map<Channel, Integer> sent = new HashMap<>();
            for (Map.Entry<Channel, JsonNode> example : examples) {
                Channel channel = example.getKey();
                String type = example.getValue().get("type").asText();
                ObjectNode frame = withSid(example.getValue(), subs.get(channel), channel);
                if (channel.isSequenced()) {
                    frame.put("seq", seqs.merge(channel, 1L, Long::sum));
                }
                h.server.sendRaw(frame.toString());
                sent.merge(channel, 1, Integer::sum);
                WsMessage m = subs.get(channel).poll(WAIT);
                assertNotNull(m, type + " on " + channel);
                assertDecodedAsSpecified(frame, m, "spec example on " + channel);
                assertEquals(frame.get("sid").asLong(), m.sid());
                Object expected = MODELS.treeToValue(frame, specifiedPayload(frame));
                Object payload = m.getClass().getMethod("payload").invoke(m);
                assertEquals(expected, payload, type);
                assertEquals(Map.of(), payload.getClass().getMethod("additionalProperties").invoke(payload),
                        type + ": every field of the spec's example is modelled");
            }
            eventually("channel handlers to see every example", () -> handled.values().stream().mapToInt(List::size).sum()
                    == examples.size() + 1);
            for (Channel c : Channel.values()) {
                int expected = sent.getOrDefault(c, 0) + (c == Channel.ORDERBOOK_DELTA ? 1 : 0);
                assertEquals(expected, handled.get(c).size(), "handlers of " + c + " see its frames, routed by sid");
            }
            // Singular envelope types reach the plural channels' handlers.
            assertInstanceOf(WsMessage.UserOrder.class, handled.get(Channel.USER_ORDERS).get(0));
            assertInstanceOf(WsMessage.MarketPosition.class, handled.get(Channel.MARKET_POSITIONS).get(0));
            // market_lifecycle_v2 carries two messages of one type: metadata_updated events get their own record.
            assertTrue(handled.get(Channel.MARKET_LIFECYCLE_V2).stream().anyMatch(WsMessage.MarketMetadataUpdated.class::isInstance));
            assertTrue(handled.get(Channel.MARKET_LIFECYCLE_V2).stream().anyMatch(WsMessage.MarketLifecycle.class::isInstance));
            assertTrue(handled.get(Channel.MULTIVARIATE_MARKET_LIFECYCLE).stream()
                    .anyMatch(WsMessage.EventLifecycle.class::isInstance), "a type two channels carry reaches both");
            assertTrue(h.errors.isEmpty(), () -> "no decode problems: " + h.errors);
        }
    }

    @Test
    void onlyAMetadataUpdatedEventOfMarketLifecycleV2IsAMarketMetadataUpdated() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.of(Channel.MARKET_LIFECYCLE_V2)).get(5,
                    TimeUnit.SECONDS);
            long sid = sub.sids().get(Channel.MARKET_LIFECYCLE_V2);
            h.server.sendRaw("{\"type\":\"market_lifecycle_v2\",\"sid\":" + sid + ",\"seq\":1,\"msg\":{"
                    + "\"market_ticker\":\"A-1\",\"event_type\":\"metadata_updated\",\"yes_sub_title\":\"above 5\"}}");
            h.server.sendRaw("{\"type\":\"market_lifecycle_v2\",\"sid\":" + sid + ",\"seq\":2,\"msg\":{"
                    + "\"market_ticker\":\"A-1\",\"event_type\":\"deactivated\",\"is_deactivated\":true}}");
            h.server.sendRaw("{\"type\":\"market_lifecycle_v2\",\"sid\":" + sid + ",\"seq\":3,\"msg\":{"
                    + "\"market_ticker\":\"A-1\"}}");
            WsMessage.MarketMetadataUpdated updated = assertInstanceOf(WsMessage.MarketMetadataUpdated.class,
                    sub.poll(WAIT));
            assertEquals("above 5", updated.msg().yesSubTitle());
            assertEquals(1, updated.seq().getAsLong());
            assertInstanceOf(WsMessage.MarketLifecycle.class, sub.poll(WAIT));
            assertInstanceOf(WsMessage.MarketLifecycle.class, sub.poll(WAIT), "no event_type: not metadata_updated");
            assertTrue(h.errors.isEmpty(), () -> "no decode problems: " + h.errors);
        }
    }

    @Test
    void unixMillisecondTimestampsOfTheIndexChannelsDecodeInFull() throws Exception {
        // The spec types these "unix ms" integers without a format; a 32-bit field would overflow on every real
        // frame and turn it into WsMessage.Unknown (spec/overlays/asyncapi-corrections.overlay.yaml makes them int64).
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> cf = h.ws.subscribe(SubscribeRequest.of(Channel.CFBENCHMARKS_VALUE)).get(5, TimeUnit.SECONDS);
            Subscription<WsMessage> cf5 = h.ws.subscribe(SubscribeRequest.of(Channel.CFBENCHMARKS_VALUE_5HZ)).get(5, TimeUnit.SECONDS);
            Subscription<WsMessage> pyth = h.ws.subscribe(SubscribeRequest.of(Channel.PYTH_VALUE)).get(5, TimeUnit.SECONDS);
            h.server.sendRaw("{\"type\":\"cfbenchmarks_value\",\"sid\":" + cf.sids().get(Channel.CFBENCHMARKS_VALUE)
                    + ",\"seq\":1,\"msg\":{\"index_id\":\"BRTI\",\"received_at\":4102444800123,\"data\":\"{}\","
                    + "\"avg_60s_data\":{\"value\":\"68000.12000000\",\"window_size\":3,"
                    + "\"window_start_ts_ms\":4102444740123,\"window_end_ts_exclusive\":4102444800123}}}");
            h.server.sendRaw("{\"type\":\"cfbenchmarks_value_5hz\",\"sid\":" + cf5.sids().get(Channel.CFBENCHMARKS_VALUE_5HZ)
                    + ",\"seq\":1,\"msg\":{\"index_id\":\"BRTI\",\"value_usd\":\"68000.12000000\","
                    + "\"source_ts_ms\":4102444800100,\"received_at\":4102444800123,\"data\":\"{}\"}}");
            h.server.sendRaw("{\"type\":\"pyth_value\",\"sid\":" + pyth.sids().get(Channel.PYTH_VALUE)
                    + ",\"seq\":1,\"msg\":{\"underlying_ticker\":\"Metal.XAU/USD\",\"value_usd\":\"2650.10000000\","
                    + "\"source_ts_ms\":4102444800100,\"received_at\":4102444800123}}");
            WsMessage.CfbenchmarksValue value = assertInstanceOf(WsMessage.CfbenchmarksValue.class, cf.poll(WAIT));
            assertEquals(4102444800123L, value.msg().receivedAt());
            assertEquals(4102444740123L, value.msg().avg60sData().windowStartTsMs());
            assertEquals(4102444800123L, value.msg().avg60sData().windowEndTsExclusive());
            WsMessage.CfbenchmarksValue5Hz fast = assertInstanceOf(WsMessage.CfbenchmarksValue5Hz.class, cf5.poll(WAIT));
            assertEquals(4102444800100L, fast.msg().sourceTsMs());
            assertEquals(4102444800123L, fast.msg().receivedAt());
            WsMessage.PythValue price = assertInstanceOf(WsMessage.PythValue.class, pyth.poll(WAIT));
            assertEquals(4102444800100L, price.msg().sourceTsMs());
            assertEquals(4102444800123L, price.msg().receivedAt());
            assertTrue(h.errors.isEmpty(), () -> "no decode problems: " + h.errors);
        }
    }

    @Test
    void moneyAndCountsArriveAsExactDecimalsFromTheSpecExamples() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage.Ticker> tickers = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER), WsMessage.Ticker.class)
                    .get(5, TimeUnit.SECONDS);
            Subscription<WsMessage.Fill> fills = h.ws.subscribe(SubscribeRequest.of(Channel.FILL), WsMessage.Fill.class)
                    .get(5, TimeUnit.SECONDS);
            h.server.sendRaw(("{\"type\":\"ticker\",\"sid\":" + tickers.sids().get(Channel.TICKER) + ",\"msg\":{"
                    + "\"market_ticker\":\"FED-23DEC-T3.00\",\"price_dollars\":\"0.480\",\"yes_bid_dollars\":\"0.450\","
                    + "\"yes_ask_dollars\":\"0.530\",\"volume_fp\":\"33896.00\",\"ts\":1669149841}}"));
            h.server.sendRaw(("{\"type\":\"fill\",\"sid\":" + fills.sids().get(Channel.FILL) + ",\"msg\":{"
                    + "\"trade_id\":\"d91bc706-ee49-470d-82d8-11418bda6fed\",\"market_ticker\":\"HIGHNY-22DEC23-B53.5\","
                    + "\"yes_price_dollars\":\"0.750\",\"count_fp\":\"278.00\",\"fee_cost\":\"0.0125\",\"side\":\"yes\","
                    + "\"action\":\"buy\",\"ts\":1671899397,\"post_position_fp\":\"-500.00\"}}"));
            WsMessage.Ticker t = tickers.poll(WAIT);
            assertEquals(new BigDecimal("0.450"), t.msg().yesBidDollars());
            assertEquals(new BigDecimal("33896.00"), t.msg().volumeFp());
            assertEquals(1669149841L, t.msg().ts());
            assertEquals("FED-23DEC-T3.00", t.marketTicker().orElseThrow());
            WsMessage.Fill f = fills.poll(WAIT);
            assertEquals(new BigDecimal("0.750"), f.msg().yesPriceDollars());
            assertEquals(new BigDecimal("-500.00"), f.msg().postPositionFp());
            assertEquals("0.0125", f.msg().feeCost().toString());
        }
    }

    @Test
    void realCapturedTickerTradeAndLifecycleFramesDecodeWithoutLoss() throws Exception {
        Map<String, Channel> files = new LinkedHashMap<>();
        files.put("ticker__aaronwald-ssmd.jsonl", Channel.TICKER);
        files.put("ticker__aaronwald-ssmd-legacy.jsonl", Channel.TICKER);
        files.put("trade__aaronwald-ssmd.jsonl", Channel.TRADE);
        files.put("trade__zkiihne-gold15m.jsonl", Channel.TRADE);
        files.put("market_lifecycle_v2__aaronwald-ssmd.jsonl", Channel.MARKET_LIFECYCLE_V2);
        ObjectMapper json = new ObjectMapper();
        try (WsHarness h = WsHarness.start()) {
            Map<Channel, Subscription<WsMessage>> subs = subscribeAll(h, "ANY-1");
            // Captures of sequenced channels carry the seqs of other sids and sessions (two trade captures share the
            // subscription here): renumbered per subscription, so that none looks lost or repeated.
            Map<Channel, Long> seqs = new HashMap<>();
            int frames = 0;
            for (Map.Entry<String, Channel> file : files.entrySet()) {
                List<String> lines = Files.readAllLines(SharedSamples.require("wire-samples/ws/" + file.getKey()),
                        StandardCharsets.UTF_8);
                Channel channel = file.getValue();
                Subscription<WsMessage> sub = subs.get(channel);
                List<ObjectNode> sent = new ArrayList<>();
                for (String line : lines) {
                    ObjectNode frame = withSid(json.readTree(line), sub, channel);
                    if (channel.isSequenced()) {
                        frame.put("seq", seqs.merge(channel, 1L, Long::sum));
                    }
                    sent.add(frame);
                    h.server.sendRaw(frame.toString());
                }
                for (ObjectNode raw : sent) {
                    WsMessage m = sub.poll(WAIT);
                    assertNotNull(m, file.getKey());
                    assertDecodedAsSpecified(raw, m, file.getKey());
                    JsonNode msg = raw.get("msg");
                    if (m instanceof WsMessage.Ticker) {
                        WsMessage.Ticker t = (WsMessage.Ticker) m;
                        assertEquals(new BigDecimal(msg.get("yes_bid_dollars").asText()), t.msg().yesBidDollars());
                        assertEquals(new BigDecimal(msg.get("yes_ask_dollars").asText()), t.msg().yesAskDollars());
                        assertEquals(msg.get("market_ticker").asText(), t.msg().marketTicker());
                        // Fields this SDK version does not model (Clock, sizes) are kept, not dropped.
                        assertTrue(t.msg().additionalProperties().containsKey("Clock"));
                    } else if (m instanceof WsMessage.Trade) {
                        WsMessage.Trade t = (WsMessage.Trade) m;
                        assertEquals(new BigDecimal(msg.get("yes_price_dollars").asText()), t.msg().yesPriceDollars());
                        assertEquals(new BigDecimal(msg.get("count_fp").asText()), t.msg().countFp());
                        assertEquals(msg.get("taker_side").asText(), t.msg().takerSideAsString());
                        assertEquals(raw.get("seq").asLong(), t.seq().getAsLong());
                    } else {
                        WsMessage.MarketLifecycle l = (WsMessage.MarketLifecycle) m;
                        assertEquals(msg.get("event_type").asText(), l.msg().eventTypeAsString());
                        assertEquals(raw.get("seq").asLong(), l.seq().getAsLong());
                    }
                    frames++;
                }
            }
            assertEquals(10 + 1 + 10 + 975 + 2, frames);
            assertTrue(h.errors.isEmpty(), () -> "no decode problems: " + h.errors);
        }
    }

    @Test
    void realCapturedSnapshotsDecodeIncludingOnesWithoutSides() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(
                SharedSamples.require("wire-samples/ws/orderbook_snapshot__zkiihne-gold15m.jsonl"), StandardCharsets.UTF_8);
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage.OrderbookSnapshot> sub = h.ws.subscribe(
                    SubscribeRequest.of(Channel.ORDERBOOK_DELTA, "KXGOLD15M-26AUG050000-00"), WsMessage.OrderbookSnapshot.class)
                    .get(5, TimeUnit.SECONDS);
            assertNotNull(sub.poll(WAIT));
            long seq = 1;
            for (String line : lines) {
                ObjectNode frame = withSid(json.readTree(line), sub, Channel.ORDERBOOK_DELTA);
                // The capture's seqs come from one sid spanning many markets; renumbered so none looks lost.
                frame.put("seq", ++seq);
                h.server.sendRaw(frame.toString());
            }
            int empty = 0;
            for (String line : lines) {
                JsonNode raw = json.readTree(line).get("msg");
                WsMessage.OrderbookSnapshot s = sub.poll(WAIT);
                assertEquals(raw.get("market_ticker").asText(), s.msg().marketTicker());
                assertEquals(raw.path("yes_dollars_fp").size(), s.msg().yesDollarsFp().size());
                assertEquals(raw.path("no_dollars_fp").size(), s.msg().noDollarsFp().size());
                if (s.msg().yesDollarsFp().isEmpty() && s.msg().noDollarsFp().isEmpty()) {
                    empty++;
                }
            }
            assertEquals(62, empty);
            assertTrue(h.errors.isEmpty(), () -> "no decode problems: " + h.errors);
        }
    }

    @Test
    void anUnknownMessageTypeArrivesAsUnknownAndTheStreamGoesOn() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "A-1")).get(5, TimeUnit.SECONDS);
            List<WsMessage> everything = new CopyOnWriteArrayList<>();
            List<WsMessage> onTicker = new CopyOnWriteArrayList<>();
            h.ws.onMessage(everything::add);
            h.ws.on(Channel.TICKER, onTicker::add);
            long sid = sub.sids().get(Channel.TICKER);
            h.server.sendRaw("{\"type\":\"ticker_v3\",\"sid\":" + sid + ",\"seq\":4,\"msg\":{\"market_ticker\":\"A-1\",\"x\":1}}");
            // A type no spec has had (yet), with no sid: it can reach only the all-messages handlers.
            h.server.sendRaw("{\"type\":\"index_value_v9\",\"msg\":{\"index\":\"BRTI\",\"value\":\"97000.12\"}}");
            h.server.publish("ticker", "ticker", "A-1", (ObjectNode) json("{\"market_ticker\":\"A-1\",\"yes_bid_dollars\":\"0.1000\"}"));
            WsMessage.Unknown unknown = assertInstanceOf(WsMessage.Unknown.class, sub.poll(WAIT));
            assertEquals("ticker_v3", unknown.type());
            assertEquals(sid, unknown.sid());
            assertEquals(4, unknown.seq().getAsLong());
            assertEquals("A-1", unknown.marketTicker().orElseThrow());
            assertEquals(1, unknown.json().at("/msg/x").asInt());
            assertInstanceOf(WsMessage.Ticker.class, sub.poll(WAIT));
            eventually("handlers to see all three", () -> everything.size() == 3);
            assertEquals("index_value_v9", everything.get(1).type());
            assertInstanceOf(WsMessage.Unknown.class, everything.get(1));
            assertEquals(0, everything.get(1).sid());
            assertEquals(2, onTicker.size(), "the unknown frame on the ticker sid reaches the ticker handlers");
            assertTrue(h.errors.isEmpty(), () -> "an unknown type is not an error: " + h.errors);
        }
    }

    @Test
    void aKnownTypeThatDoesNotFitItsModelArrivesAsUnknownAndIsReported() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.of(Channel.TICKER, "A-1")).get(5, TimeUnit.SECONDS);
            long sid = sub.sids().get(Channel.TICKER);
            h.server.sendRaw("{\"type\":\"ticker\",\"sid\":" + sid + ",\"msg\":{\"yes_bid_dollars\":\"not money\"}}");
            h.server.sendRaw("not json at all");
            h.server.publish("ticker", "ticker", "A-1", (ObjectNode) json("{\"market_ticker\":\"A-1\"}"));
            assertInstanceOf(WsMessage.Unknown.class, sub.poll(WAIT));
            assertInstanceOf(WsMessage.Ticker.class, sub.poll(WAIT));
            eventually("both problems to be reported", () -> h.errors.size() == 2);
            assertTrue(h.errors.get(0).getMessage().contains("could not decode a ticker frame"), h.errors.get(0).getMessage());
            assertInstanceOf(KalshiWebSocketException.class, h.errors.get(1));
            assertFalse(h.ws.isClosed());
        }
    }

    @Test
    void aVisitorReachesTheMethodOfEachRecordAndOtherwiseForTheRest() throws Exception {
        WsMessage.Visitor<String> visitor = new WsMessage.Visitor<>() {
            @Override
            public String otherwise(WsMessage message) {
                return "other:" + message.type();
            }

            @Override
            public String visit(WsMessage.Ticker message) {
                return "ticker " + message.msg().marketTicker();
            }

            @Override
            public String visit(WsMessage.Unknown message) {
                return "unknown " + message.type();
            }
        };
        WsMessage ticker = new WsMessage.Ticker(3, java.util.OptionalLong.empty(),
                MODELS.treeToValue(json("{\"type\":\"ticker\",\"sid\":3,\"msg\":{\"market_ticker\":\"A-1\"}}"),
                        io.github.kalshi4j.ws.model.TickerPayload.class));
        WsMessage trade = new WsMessage.Trade(3, java.util.OptionalLong.empty(),
                MODELS.treeToValue(json("{\"type\":\"trade\",\"sid\":3,\"msg\":{}}"), io.github.kalshi4j.ws.model.TradePayload.class));
        assertEquals("ticker A-1", ticker.accept(visitor));
        assertEquals("other:trade", trade.accept(visitor));
        assertEquals("unknown index_value_v9", new WsMessage.Unknown(json("{\"type\":\"index_value_v9\"}"))
                .accept(visitor));
        assertTrue(trade.marketTicker().isEmpty());
    }

    private static JsonNode json(String text) throws Exception {
        return MODELS.readTree(text);
    }
}
