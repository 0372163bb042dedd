package io.github.kalshi4j.it.reliability;

import io.github.kalshi4j.api.MarketsApi;
import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.Channel;
import io.github.kalshi4j.ws.SubscribeRequest;
import io.github.kalshi4j.ws.Subscription;
import io.github.kalshi4j.ws.WsMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With kalshi4j's loggers and HttpClient's header logger at DEBUG (slf4j-simple, writing to a file: this class runs
 * in its own surefire execution, {@code reliability-debug-logs}, which sets the levels before any logger exists),
 * a session of REST calls (blocking and async, a retried failure, an order, a 401) and a WebSocket subscription
 * leaves no private key material and no request signature in the log. HttpClient's wire logger is not part of the
 * scan: it prints raw bytes and cannot be masked, as the README says.
 */
@Tag(Reliability.TAG)
class DebugLogSecretScanTest {

    @Test
    void aDebugSessionLeavesNoKeyMaterialAndNoSignatureInTheLog() throws Exception {
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        assertTrue(logFile != null && !logFile.equals("System.err") && !logFile.equals("System.out"),
                "runs in the reliability-debug-logs execution, which logs to a file");
        Set<String> signatures = ConcurrentHashMap.newKeySet();
        String privateKeyPem;
        try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().start()) {
            String user = exchange.userIds().get(0);
            LocalKalshiExchange.Credentials c = exchange.credentials(user);
            privateKeyPem = c.privateKeyPem();
            RsaPssSigner real = RsaPssSigner.fromPem(c.keyId(), c.privateKeyPem());
            KalshiSigner remembering = new KalshiSigner() {
                @Override
                public String keyId() {
                    return real.keyId();
                }

                @Override
                public String sign(byte[] message) {
                    String s = real.sign(message);
                    signatures.add(s);
                    return s;
                }
            };
            try (KalshiClient client = KalshiClient.builder().config(exchange.clientConfig()).signer(remembering)
                    .sleeper(d -> { }).jitter(() -> 0.0).safeOrderRetry(true).build()) {
                client.portfolio().getBalance();
                client.async().portfolio().getBalance().get(20, TimeUnit.SECONDS);
                String ticker = client.markets().getMarkets(MarketsApi.GetMarketsParams.builder().status("open")
                        .limit(1L).build()).markets().get(0).ticker();
                exchange.faults().next(1, "GET", "/portfolio/balance").status(503);
                client.portfolio().getBalance();
                exchange.faults().next(1, "POST", "/portfolio/events/orders").resetMidBody();
                client.orders().createOrderV2(CreateOrderV2Request.builder().ticker(ticker).side("bid").count("1")
                        .price(new BigDecimal("0.0100")).timeInForce("good_till_canceled")
                        .selfTradePreventionType("taker_at_cross").clientOrderId(UUID.randomUUID().toString()).build());
                try (Subscription<WsMessage> sub = client.ws().subscribe(SubscribeRequest.builder(Channel.TICKER).build())
                        .get(20, TimeUnit.SECONDS)) {
                    sub.toString();
                }
            }
            // A signature the exchange refuses: the 401's handling logs too.
            RsaPssSigner stranger = RsaPssSigner.fromPem("not-a-known-key", c.privateKeyPem());
            try (KalshiClient refused = KalshiClient.builder().config(exchange.clientConfig().toBuilder().maxRetries(0).build())
                    .signer(new KalshiSigner() {
                        @Override
                        public String keyId() {
                            return stranger.keyId();
                        }

                        @Override
                        public String sign(byte[] message) {
                            String s = stranger.sign(message);
                            signatures.add(s);
                            return s;
                        }
                    }).build()) {
                refused.portfolio().getBalance();
            } catch (KalshiException expected) {
                // the point is what it logged
            }
        }
        System.err.flush();
        String log = Files.readString(Paths.get(logFile), StandardCharsets.UTF_8);
        String keyBody = privateKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        List<String> found = new ArrayList<>();
        if (log.contains("PRIVATE KEY")) {
            found.add("a PEM private key marker");
        }
        for (int i = 0; i + 16 <= keyBody.length(); i += 8) {
            if (log.contains(keyBody.substring(i, i + 16))) {
                found.add("private key base64 at offset " + i);
                break;
            }
        }
        for (String s : signatures) {
            if (log.contains(s.substring(0, 24))) {
                found.add("a request signature (" + s.length() + " characters)");
            }
        }
        long kalshiDebugLines = log.lines().filter(l -> l.contains("DEBUG io.github.kalshi4j")).count();
        long maskedSignatureLines = log.lines().filter(l -> l.contains("KALSHI-ACCESS-SIGNATURE: <masked>")).count();
        long headerLines = log.lines().filter(l -> l.contains("org.apache.hc.client5.http.headers")).count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("logLines", log.lines().count());
        figures.put("kalshi4jDebugLines", kalshiDebugLines);
        figures.put("httpClientHeaderLines", headerLines);
        figures.put("maskedSignatureHeaderLines", maskedSignatureLines);
        figures.put("signaturesWatched", signatures.size());
        figures.put("secretsFound", found.size());
        Reliability.record("debug-logs", figures);
        assertTrue(kalshiDebugLines > 0 && headerLines > 0, "DEBUG was on for kalshi4j and HttpClient's headers: "
                + kalshiDebugLines + " and " + headerLines + " lines");
        assertTrue(maskedSignatureLines > 0, "the header logger saw the signature header (masked)");
        assertTrue(signatures.size() >= 5, "signatures watched: " + signatures.size());
        assertTrue(found.isEmpty(), "secrets in the DEBUG log: " + found);
    }
}
