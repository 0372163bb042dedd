package io.github.kalshi4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.internal.KalshiMappers;
import io.github.kalshi4j.ws.Channel;
import io.github.kalshi4j.ws.SubscribeRequest;
import io.github.kalshi4j.ws.Subscription;
import io.github.kalshi4j.ws.WsMessage;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.WsMessageTypes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The receiving side of the WebSocket end-to-end runs: kalshi4j's client, or the JDK's as a reference. */
abstract class WsClientRun {

    final WsCollector collector = new WsCollector();

    /** Connects, subscribes to {@code ticker}'s orderbook_delta and returns {sid, seq of the snapshot}. */
    abstract long[] open(String ticker) throws Exception;

    abstract void close();

    /**
     * kalshi4j: {@code client.ws().subscribe(...)} to orderbook_delta with a listener, the SDK's whole inbound path
     * (Tyrus, the dispatch thread, decode, sequence check, the local order book the subscription keeps, the
     * listener).
     */
    static final class Kalshi4j extends WsClientRun {
        private final KalshiClient client;
        private Subscription<WsMessage> subscription;

        Kalshi4j(KalshiClient client) {
            this.client = client;
        }

        @Override
        long[] open(String ticker) throws Exception {
            subscription = client.ws().subscribe(SubscribeRequest.builder(Channel.ORDERBOOK_DELTA)
                    .marketTicker(ticker)
                    .listener(m -> {
                        if (m instanceof WsMessage.OrderbookDelta d) {
                            collector.onDelta(d.seq().orElse(-1), d.payload().msg().ts());
                        } else if (m instanceof WsMessage.OrderbookSnapshot s) {
                            collector.onSnapshot(s.sid(), s.seq().orElse(-1));
                        }
                    }).build()).get(10, TimeUnit.SECONDS);
            return collector.awaitSnapshot(Duration.ofSeconds(10));
        }

        @Override
        void close() {
            if (subscription != null) {
                subscription.unsubscribe();
            }
            client.ws().close();
        }
    }

    /**
     * The JDK's {@code java.net.http.WebSocket}, signed like Kalshi wants, with a decode of every frame into the
     * generated models with the client's mapper (no sequence tracking or book in between): a reference for what the
     * exchange and the loopback deliver.
     */
    static final class Jdk extends WsClientRun implements WebSocket.Listener {
        private final ObjectMapper mapper = KalshiMappers.create();
        private final Map<String, Class<?>> types = WsMessageTypes.byType();
        private final StringBuilder partial = new StringBuilder();
        private final URI url;
        private final RsaPssSigner signer;
        private WebSocket socket;

        Jdk(URI url, RsaPssSigner signer) {
            this.url = url;
            this.signer = signer;
        }

        @Override
        long[] open(String ticker) throws Exception {
            RequestSignature sig = RequestSignature.sign(signer, "GET", url.getPath(), System.currentTimeMillis());
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
            sig.headers().forEach(b::header);
            socket = b.buildAsync(url, this).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
                    + "\"market_ticker\":\"" + ticker + "\"}}", true).get(10, TimeUnit.SECONDS);
            return collector.awaitSnapshot(Duration.ofSeconds(10));
        }

        @Override
        void close() {
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).join();
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last || partial.length() > 0) {
                partial.append(data);
                if (!last) {
                    return null;
                }
                data = partial.toString();
                partial.setLength(0);
            }
            try {
                JsonNode tree = mapper.readTree(data.toString());
                String type = tree.path("type").asText();
                Class<?> model = types.get(type);
                Object message = model == null ? tree : mapper.treeToValue(tree, model);
                if (message instanceof OrderbookDeltaPayload d) {
                    collector.onDelta(d.seq(), d.msg().ts());
                } else if ("orderbook_snapshot".equals(type)) {
                    collector.onSnapshot(tree.path("sid").asLong(), tree.path("seq").asLong());
                }
            } catch (Exception e) {
                // counted as missing frames
            }
            return null;
        }
    }
}
