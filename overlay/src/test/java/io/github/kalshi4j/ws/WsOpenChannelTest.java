package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Channels newer than the SDK: {@link Channel#of(String)} subscribes to them and delivers their frames raw, in order. */
class WsOpenChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String NEWER = "zz_newer_values";

    @Test
    void of_returnsTheConstantForAKnownChannel_andAnOpenChannelOtherwise() {
        assertSame(Channel.TICKER, Channel.of("ticker"));
        Channel newer = Channel.of(NEWER);
        assertFalse(newer.isKnown());
        assertEquals(NEWER, newer.wire());
        assertEquals(List.of(), newer.messageTypes());
        assertEquals(OverflowPolicy.FAIL, newer.defaultOverflowPolicy());
        assertEquals(Channel.of(NEWER), newer, "channels are equal by wire name");
        assertEquals(Channel.of(NEWER).hashCode(), newer.hashCode());
        assertNotEquals(Channel.TICKER, newer);
        assertTrue(Channel.fromWire(NEWER).isEmpty(), "fromWire looks up known channels only");
        assertFalse(Channel.known().contains(newer));
        assertEquals(NEWER, newer.toString());
    }

    @Test
    void of_refusesWhatCannotBeAChannelName() {
        assertThrows(NullPointerException.class, () -> Channel.of(null));
        for (String bad : List.of("", " ", "two words", "tab\there", "new\nline")) {
            assertThrows(IllegalArgumentException.class, () -> Channel.of(bad), bad);
        }
    }

    @Test
    void aChannelNewerThanTheSdkDeliversRawFramesInOrder_withSequenceChecking() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.supportNewerChannel(NEWER);
            List<WsMessage> handled = new CopyOnWriteArrayList<>();
            h.ws.on(Channel.of(NEWER), handled::add);
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.builder(Channel.of(NEWER)).build())
                    .get(5, TimeUnit.SECONDS);
            JsonNode cmd = h.server.commands("subscribe").get(0);
            assertEquals("[\"" + NEWER + "\"]", cmd.at("/params/channels").toString(), "sent by its wire name");
            long sid = sub.sids().get(Channel.of(NEWER));
            for (long seq : new long[] {1, 2, 4}) {
                h.server.sendRaw("{\"type\":\"newer_value\",\"sid\":" + sid + ",\"seq\":" + seq
                        + ",\"msg\":{\"value\":\"" + seq + "\"}}");
            }
            for (long seq : new long[] {1, 2, 4}) {
                WsMessage m = sub.poll(WAIT);
                assertNotNull(m, "frame " + seq);
                WsMessage.Unknown raw = assertInstanceOf(WsMessage.Unknown.class, m);
                assertEquals("newer_value", raw.type());
                assertEquals(sid, raw.sid());
                assertEquals(seq, raw.seq().getAsLong());
                assertEquals(String.valueOf(seq), raw.json().at("/msg/value").asText());
            }
            WsHarness.eventually("the gap from 2 to 4 to be reported", () -> !h.sequenceEvents.isEmpty());
            SequenceEvent gap = h.sequenceEvents.get(0);
            assertEquals(SequenceEvent.Kind.GAP, gap.kind());
            assertEquals(Channel.of(NEWER), gap.channel());
            assertEquals(3, gap.expected());
            assertEquals(4, gap.actual());
            WsHarness.eventually("the channel's handler to see all three", () -> handled.size() == 3);
            assertTrue(h.errors.isEmpty(), () -> "an unknown type is no decode problem: " + h.errors);
        }
    }

    @Test
    void aChannelNewerThanTheSdkWithoutSeq_isNotSequenceChecked() throws Exception {
        try (WsHarness h = WsHarness.start()) {
            h.server.supportNewerChannel(NEWER);
            Subscription<WsMessage> sub = h.ws.subscribe(SubscribeRequest.builder(Channel.of(NEWER)).build())
                    .get(5, TimeUnit.SECONDS);
            long sid = sub.sids().get(Channel.of(NEWER));
            for (int i = 0; i < 3; i++) {
                h.server.sendRaw("{\"type\":\"newer_value\",\"sid\":" + sid + ",\"msg\":{\"i\":" + i + "}}");
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(i, ((WsMessage.Unknown) sub.poll(WAIT)).json().at("/msg/i").asInt());
            }
            assertTrue(h.sequenceEvents.isEmpty());
        }
    }
}
