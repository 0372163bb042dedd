package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Copied into a scratch build whose pinned AsyncAPI has one channel more than Kalshi's ({@code zz_probe_values},
 * message {@code probe_value}) by contract-tests' WsSurfaceFollowsTheSpecTest. It compiles only there: the constant
 * and the record it uses exist only because the build generated them from that spec, with no Java edit.
 */
class ScratchNewChannelProbeTest {

    @Test
    void theChannelAddedToTheSpecIsATypedKnownChannelAndDeliversTypedMessagesOverARealSocket() throws Exception {
        Channel channel = Channel.ZZ_PROBE_VALUES;
        assertTrue(channel.isKnown());
        assertTrue(channel.isSequenced(), "seq in the envelope makes a sequenced channel");
        assertEquals(List.of("probe_value"), channel.messageTypes());
        assertEquals(Channel.MarketFilter.OPTIONAL, channel.marketFilter());
        assertSame(channel, Channel.of("zz_probe_values"));
        try (WsHarness h = WsHarness.start()) {
            Subscription<WsMessage.ProbeValue> sub = h.ws.subscribe(SubscribeRequest.of(channel, "PROBE-1"),
                    WsMessage.ProbeValue.class).get(5, TimeUnit.SECONDS);
            long sid = sub.sids().get(channel);
            for (int seq = 1; seq <= 2; seq++) {
                h.server.sendRaw("{\"type\":\"probe_value\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{"
                        + "\"market_ticker\":\"PROBE-1\",\"value_dollars\":\"0.420" + seq + "\"}}");
            }
            for (int seq = 1; seq <= 2; seq++) {
                WsMessage.ProbeValue m = sub.poll(Duration.ofSeconds(5));
                assertNotNull(m, "probe_value " + seq);
                assertEquals(new BigDecimal("0.420" + seq), m.msg().valueDollars());
                assertEquals("PROBE-1", m.marketTicker().orElseThrow());
                assertEquals(seq, m.seq().getAsLong());
                assertEquals("probe_value", m.type());
            }
            assertTrue(h.errors.isEmpty(), () -> "no decode problems: " + h.errors);
        }
    }
}
