package io.github.kalshi4j.ws;

import io.github.kalshi4j.internal.KalshiMappers;
import java.util.ArrayList;
import java.util.List;

/** Data frames and subscriptions for the collaborators' tests, decoded the engine's way. */
final class Frames {

    static final List<Throwable> DECODE_PROBLEMS = new ArrayList<>();
    private static final FrameDecoder DECODER = new FrameDecoder(KalshiMappers.create(), DECODE_PROBLEMS::add);

    private Frames() {
    }

    static WsMessage decode(String text) {
        WsMessage m = DECODER.decodeData(text);
        if (m == null) {
            try {
                var tree = KalshiMappers.create().readTree(text);
                m = DECODER.decode(tree.path("type").asText(), tree);
            } catch (Exception e) {
                throw new IllegalArgumentException(text, e);
            }
        }
        return m;
    }

    static String snapshotText(long sid, long seq, String market, String yesPrice, String yesCount) {
        return "{\"type\":\"orderbook_snapshot\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                + market + "\",\"yes_dollars_fp\":[[\"" + yesPrice + "\",\"" + yesCount + "\"]],"
                + "\"no_dollars_fp\":[[\"0.4000\",\"5.00\"]]}}";
    }

    static WsMessage.OrderbookSnapshot snapshot(long sid, long seq, String market) {
        return (WsMessage.OrderbookSnapshot) decode(snapshotText(sid, seq, market, "0.5000", "10.00"));
    }

    static String deltaText(long sid, long seq, String market, String price, String delta) {
        return "{\"type\":\"orderbook_delta\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                + market + "\",\"price_dollars\":\"" + price + "\",\"delta_fp\":\"" + delta + "\",\"side\":\"yes\"}}";
    }

    static WsMessage delta(long sid, long seq, String market, String price, String delta) {
        return decode(deltaText(sid, seq, market, price, delta));
    }

    static String tickerText(long sid, String market) {
        return "{\"type\":\"ticker\",\"sid\":" + sid + ",\"msg\":{\"market_ticker\":\"" + market
                + "\",\"price_dollars\":\"0.5000\"}}";
    }

    /** A pull subscription of {@code channel} on {@code markets}, with no engine behind it. */
    static Subscription<WsMessage> pull(Channel channel, String... markets) {
        SubscribeRequest.Builder b = SubscribeRequest.builder(channel);
        if (markets.length == 1) {
            b.marketTicker(markets[0]);
        } else if (markets.length > 1) {
            b.marketTickers(List.of(markets));
        }
        return new Subscription<>(null, 1, b.build(), WsMessage.class, 64, false);
    }
}
