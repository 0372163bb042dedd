package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.internal.KalshiMappers;
import io.github.kalshi4j.ws.model.WsMessageTypes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data frames decoded in one streaming pass ({@link FrameDecoder#decodeData}) come out exactly as the tree-based
 * decoding makes them: the same record, {@code sid}, {@code seq} and payload (money aliases and unknown members
 * included), and where the pass declines a frame the tree decides, with the same outcome and the same reports.
 */
class OnePassDecodeTest {

    private static final String DELTA = "{\"type\":\"orderbook_delta\",\"sid\":3,\"seq\":17,\"msg\":{"
            + "\"market_ticker\":\"KXGOLD-1\",\"price_dollars\":\"0.4800\",\"delta_fp\":\"-40.00\",\"side\":\"no\","
            + "\"ts\":\"2026-08-11T01:15:15.566273Z\",\"ts_ms\":1786410915566}}";

    private final ObjectMapper mapper = KalshiMappers.create();
    private final List<Throwable> reported = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(mapper, reported::add);

    /** What the client made of a frame before one-pass decoding: a tree, then the generated table. */
    private Object treeWay(String text) {
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return "unreadable";
        }
        if (frame == null || !frame.isObject()) {
            return "not an object";
        }
        String type = frame.path("type").asText("");
        return FrameDecoder.isReply(type) ? "reply " + type : decoder.decode(type, frame);
    }

    /** What the client makes of a frame now: one pass when it can, else the tree way. */
    private Object clientWay(String text) {
        WsMessage m = decoder.decodeData(text);
        return m != null ? m : treeWay(text);
    }

    /** Both ways give the same result and report the same number of problems; returns the one-pass result. */
    private WsMessage assertSameAsTree(String text) {
        reported.clear();
        Object before = treeWay(text);
        int reportedBefore = reported.size();
        reported.clear();
        WsMessage onePass = decoder.decodeData(text);
        Object now = onePass != null ? onePass : treeWay(text);
        assertEquals(before, now, text);
        assertEquals(reportedBefore, reported.size(), () -> "problems reported for " + text + ": " + reported);
        return onePass;
    }

    @Test
    void everyCapturedFrameDecodesInOnePassIntoTheModelTheTreeGives() throws IOException {
        Map<String, Class<?>> models = WsMessageTypes.byType();
        Path dir = SharedSamples.require("wire-samples/ws/orderbook_delta__zkiihne-gold15m.jsonl").getParent();
        Map<String, Integer> perFile = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (text.isBlank()) {
                        continue;
                    }
                    WsMessage onePass = assertSameAsTree(text);
                    JsonNode tree = mapper.readTree(text);
                    if (!MessageTable.plainTypes().containsKey(tree.get("type").asText())) {
                        // Several messages share this type (market_lifecycle_v2: a const msg.event_type picks the
                        // record), so it is read from a tree; assertSameAsTree showed the client gets the same.
                        assertNull(onePass, () -> "a shared type decoded in one pass: " + text);
                        perFile.merge(file.getFileName().toString(), 1, Integer::sum);
                        continue;
                    }
                    assertNotNull(onePass, () -> "declined: " + text);
                    assertFalse(onePass instanceof WsMessage.Unknown, text);
                    // Independently of the table under test: the payload is the model Jackson binds from the tree.
                    Object payload = payload(onePass);
                    assertEquals(mapper.treeToValue(tree, models.get(tree.get("type").asText())), payload, text);
                    assertEquals(tree.path("sid").asLong(), onePass.sid(), text);
                    assertEquals(tree.has("seq") ? OptionalLong.of(tree.get("seq").asLong()) : OptionalLong.empty(),
                            onePass.seq(), text);
                    perFile.merge(file.getFileName().toString(), 1, Integer::sum);
                }
            }
        }
        assertEquals(4101, perFile.values().stream().mapToInt(Integer::intValue).sum(), perFile::toString);
        assertTrue(reported.isEmpty(), reported::toString);
    }

    @Test
    void capturedFramesWithTheirTypeLastDecodeInOnePassFromABufferToTheSameModel() throws IOException {
        int frames = 0;
        for (String file : List.of("ticker__aaronwald-ssmd.jsonl", "trade__zkiihne-gold15m.jsonl",
                "orderbook_snapshot__zkiihne-gold15m.jsonl", "market_lifecycle_v2__aaronwald-ssmd.jsonl")) {
            for (String text : Files.readAllLines(SharedSamples.require("wire-samples/ws/" + file), StandardCharsets.UTF_8)) {
                ObjectNode original = (ObjectNode) mapper.readTree(text);
                ObjectNode typeLast = mapper.createObjectNode();
                for (Map.Entry<String, JsonNode> e : original.properties()) {
                    if (!e.getKey().equals("type")) {
                        typeLast.set(e.getKey(), e.getValue());
                    }
                }
                typeLast.set("type", original.get("type"));
                WsMessage onePass = assertSameAsTree(typeLast.toString());
                if (MessageTable.plainTypes().containsKey(original.get("type").asText())) {
                    assertNotNull(onePass, typeLast::toString);
                    assertEquals(clientWay(text), onePass, "the order of members does not matter");
                } else {
                    assertEquals(clientWay(text), clientWay(typeLast.toString()), "the order of members does not matter");
                }
                frames++;
            }
        }
        assertEquals(10 + 975 + 103 + 2, frames);
    }

    @Test
    void framesATreeReadsDifferentlyAreDecodedFromATree() {
        List<String> declined = List.of(
                // JSON floats: the one pass leaves them to the tree, which keeps them as written.
                DELTA.replace("\"price_dollars\":\"0.4800\"", "\"price_dollars\":0.4800"),
                DELTA.replace("\"ts_ms\":1786410915566", "\"ts_ms\":1.500"),
                DELTA.replace("\"seq\":17", "\"seq\":17.0"),
                // -0: a tree's text for it is 0.
                DELTA.replace("\"market_ticker\":\"KXGOLD-1\"", "\"market_ticker\":-0"),
                // A tree keeps the last of repeated keys, here a type of another payload.
                DELTA.replace("}}", "},\"type\":\"ticker\"}"),
                DELTA.replace("}}", "},\"type\":7}"));
        for (String text : declined) {
            assertNull(assertSameAsTree(text), text);
        }
        assertEquals("0.4800", ((WsMessage.OrderbookDelta) clientWay(declined.get(0))).msg().priceDollars().toString(),
                "scale as written, as a string would give it");
    }

    @Test
    void envelopeOddsDecodeInOnePassExactlyAsFromATree() {
        List<String> onePass = List.of(
                DELTA,
                // The last of repeated keys counts, as in a tree.
                DELTA.replace("}}", "},\"sid\":9,\"seq\":18}"),
                DELTA.replace("}}", "},\"type\":\"orderbook_delta\"}"),
                // A sid or seq that is not an integer is no sid or seq, though the payload model may coerce it.
                DELTA.replace("\"sid\":3", "\"sid\":\"3\""),
                DELTA.replace("\"seq\":17", "\"seq\":null"),
                DELTA.replace("\"sid\":3,\"seq\":17,", ""),
                // Members of msg named like the envelope's are not the envelope's.
                DELTA.replace("\"side\":\"no\"", "\"side\":\"no\",\"type\":\"limit\",\"sid\":99,\"seq\":{\"x\":1}"),
                // Envelope members the model does not know are kept.
                DELTA.replace("}}", "},\"shard\":{\"key\":[1,\"a\",null,true]}}"),
                "{\"type\":\"orderbook_delta\",\"sid\":3,\"seq\":17,\"msg\":null}",
                // Trailing text after the frame is ignored by both.
                DELTA + " trailing",
                // The money aliases: a legacy integer fills the canonical decimal.
                "{\"type\":\"ticker\",\"sid\":1,\"msg\":{\"market_ticker\":\"A-1\",\"yes_bid\":45,\"price\":12,"
                        + "\"price_dollars\":\"0.1200\",\"Clock\":6598272994}}");
        for (String text : onePass) {
            assertNotNull(assertSameAsTree(text), text);
        }
        WsMessage.OrderbookDelta repeated = (WsMessage.OrderbookDelta) clientWay(onePass.get(1));
        assertEquals(9, repeated.sid());
        assertEquals(18, repeated.seq().getAsLong());
        WsMessage.OrderbookDelta stringSid = (WsMessage.OrderbookDelta) clientWay(onePass.get(3));
        assertEquals(0, stringSid.sid());
        assertEquals(3, stringSid.payload().sid());
        WsMessage.Ticker legacy = (WsMessage.Ticker) clientWay(onePass.get(onePass.size() - 1));
        assertEquals(new BigDecimal("0.45"), legacy.msg().yesBidDollars());
        assertEquals(6598272994L, legacy.msg().additionalProperties().get("Clock"));
    }

    @Test
    void framesTheModelRefusesBecomeUnknownAndAreReportedOnceAsBefore() {
        List<String> refused = List.of(
                DELTA.replace("\"price_dollars\":\"0.4800\"", "\"price_dollars\":\"not money\""),
                DELTA.replace("\"seq\":17", "\"seq\":3000000000"),
                DELTA.replace("\"seq\":17", "\"seq\":123456789012345678901234567890"),
                "{\"type\":\"orderbook_delta\",\"sid\":3,\"msg\":[1]}",
                "{\"type\":\"ticker\",\"sid\":1,\"msg\":{\"yes_bid\":45,\"yes_bid_dollars\":\"0.5000\"}}");
        for (String text : refused) {
            assertNull(assertSameAsTree(text), text);
            reported.clear();
            assertInstanceOf(WsMessage.Unknown.class, clientWay(text), text);
            assertEquals(1, reported.size(), text);
        }
    }

    @Test
    void repliesUnknownTypesAndUnreadableTextGoTheTreeWay() {
        List<String> treeWay = List.of(
                "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"ticker\",\"sid\":1}}",
                "{\"type\":\"ok\",\"id\":2,\"sid\":1,\"seq\":5,\"msg\":{\"market_tickers\":[\"A-1\"]}}",
                "{\"type\":\"ticker_v3\",\"sid\":1,\"msg\":{\"x\":1}}",
                "{\"sid\":1,\"msg\":{}}",
                "{\"type\":\"tick\\u0065r\",\"sid\":1,\"msg\":{\"market_ticker\":\"A-1\"}}",
                "{\"type\":\"ticker\",\"sid\":1,\"msg\":{\"market_ticker\":}",
                "not json at all", "", "null", "[]", "{}");
        for (String text : treeWay) {
            assertNull(assertSameAsTree(text), text);
        }
        assertInstanceOf(WsMessage.Ticker.class, clientWay(treeWay.get(4)), "an escaped type still reads as its type");
    }

    @Test
    void aMapperWhoseTreesReadDifferentlyKeepsTheTreeForEveryFrame() {
        ObjectMapper strictTrees = KalshiMappers.create().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        assertNull(new FrameDecoder(strictTrees, reported::add).decodeData(DELTA));
        ObjectMapper noTrailing = KalshiMappers.create().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        FrameDecoder strict = new FrameDecoder(noTrailing, reported::add);
        assertNotNull(strict.decodeData(DELTA));
        assertNull(strict.decodeData(DELTA + " trailing"), "left to the tree, which refuses it with this mapper");
        assertNull(strict.decodeData("{\"sid\":3,\"type\":\"orderbook_delta\",\"msg\":{}} trailing"));
    }

    private static Object payload(WsMessage m) {
        try {
            return m.getClass().getMethod("payload").invoke(m);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
