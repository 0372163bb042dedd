package io.github.kalshi4j.it.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.kalshi4j.api.KalshiApis;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.errors.KalshiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated REST bodies built from the real wire samples ({@code shared/wire-samples/rest}), each served by a loopback
 * HTTP server and read by a real client through the operation that answers with that body: Apache HttpClient,
 * status handling, Jackson, the money aliases and the generated models, exactly as a call would read it. Every
 * input must end in a value or a {@link KalshiException}, within the time bound.
 */
@Tag(Reliability.TAG)
class RestBodyFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    private static HttpServer server;
    private static volatile byte[] body = new byte[0];
    private static volatile int status = 200;
    private static KalshiClient client;

    /** The operation that reads a sample's body, by the sample file's name up to {@code __}. */
    private static final Map<String, Function<KalshiApis, Object>> OPERATIONS = new LinkedHashMap<>();

    static {
        // The JDK server writes headers and body apart; without TCP_NODELAY each answer waits on a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        OPERATIONS.put("get_markets", c -> c.markets().getMarkets());
        OPERATIONS.put("get_market", c -> c.markets().getMarket("KXTEST-1"));
        OPERATIONS.put("get_market_orderbook", c -> c.markets().getMarketOrderbook("KXTEST-1"));
        OPERATIONS.put("get_trades", c -> c.markets().getTrades());
        OPERATIONS.put("get_series_list", c -> c.markets().getSeriesList());
        OPERATIONS.put("get_series", c -> c.markets().getSeries("KXTEST"));
        OPERATIONS.put("get_events", c -> c.events().getEvents());
        OPERATIONS.put("get_event", c -> c.events().getEvent("KXTEST-E"));
        OPERATIONS.put("get_event_metadata", c -> c.events().getEventMetadata("KXTEST-E"));
        OPERATIONS.put("get_multivariate_events", c -> c.events().getMultivariateEvents());
        OPERATIONS.put("get_series_fee_changes", c -> c.exchange().getSeriesFeeChanges());
        OPERATIONS.put("get_exchange_status", c -> c.exchange().getExchangeStatus());
        OPERATIONS.put("get_exchange_schedule", c -> c.exchange().getExchangeSchedule());
        OPERATIONS.put("get_user_data_timestamp", c -> c.exchange().getUserDataTimestamp());
        OPERATIONS.put("get_balance", c -> c.portfolio().getBalance());
        OPERATIONS.put("get_fills", c -> c.portfolio().getFills());
        OPERATIONS.put("get_positions", c -> c.portfolio().getPositions());
        OPERATIONS.put("get_settlements", c -> c.portfolio().getSettlements());
        OPERATIONS.put("get_orders", c -> c.orders().getOrders());
        OPERATIONS.put("get_order", c -> c.orders().getOrder("O-1"));
        // The V1 create answer has the same {"order": ...} envelope as GetOrder.
        OPERATIONS.put("create_order", c -> c.orders().getOrder("O-1"));
        OPERATIONS.put("get_order_queue_position", c -> c.orders().getOrderQueuePosition("O-1"));
        OPERATIONS.put("get_order_queue_positions", c -> c.orders().getOrderQueuePositions());
        OPERATIONS.put("get_incentive_programs", c -> c.incentivePrograms().getIncentivePrograms());
        OPERATIONS.put("error_403", c -> c.portfolio().getPortfolioRestingOrderTotalValue());
    }

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] b = body;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        KalshiConfig config = KalshiConfig.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/trade-api/v2")
                .maxRetries(0).responseTimeout(Duration.ofSeconds(30)).build();
        client = KalshiClient.builder().config(config).credentials("fuzz-key", pem).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Test
    void everyMutatedRestBody_endsInAValueOrAKalshiException_withinTheBound() {
        ObjectMapper plain = new ObjectMapper();
        List<Reliability.Sample> samples = Reliability.samples("rest");
        assertTrue(samples.size() >= 50, "wire samples found: " + samples.size());
        List<String> defects = new ArrayList<>();
        long inputs = 0;
        long values = 0;
        long exceptions = 0;
        long fallbacks = 0;
        long longestNanos = 0;
        String longestInput = "";
        for (int seed = 0; seed < Reliability.seeds(); seed++) {
            JsonMutator mutator = new JsonMutator(plain, Reliability.baseSeed() + seed);
            for (Reliability.Sample sample : samples) {
                String operation = sample.name().substring(0, sample.name().indexOf("__"));
                String original = enveloped(operation, sample.text());
                Function<KalshiApis, Object> call = OPERATIONS.getOrDefault(bare(operation), null);
                if (call == null) {
                    // A body no mapped operation answers with: read it as GetMarkets (all of it unknown fields).
                    call = OPERATIONS.get("get_markets");
                    fallbacks++;
                }
                for (int m = 0; m < Reliability.mutations(); m++) {
                    JsonMutator.Mutant mutant = mutator.mutate(original);
                    body = mutant.text().getBytes(StandardCharsets.UTF_8);
                    status = operation.startsWith("error_403") ? 403
                            : operation.startsWith("create_order") ? 201 : 200;
                    String label = sample.name() + " seed " + (Reliability.baseSeed() + seed) + " #" + m + " "
                            + mutant.kind();
                    inputs++;
                    long start = System.nanoTime();
                    try {
                        Object value = call.apply(client);
                        String.valueOf(value);
                        values++;
                    } catch (KalshiException e) {
                        exceptions++;
                    } catch (Throwable t) {
                        defects.add(label + ": " + Reliability.describe(t));
                    }
                    long took = System.nanoTime() - start;
                    if (took > longestNanos) {
                        longestNanos = took;
                        longestInput = label;
                    }
                    if (took > BOUND.toNanos()) {
                        defects.add(label + ": took " + took / 1_000_000 + " ms");
                    }
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seeds", Reliability.seeds());
        figures.put("baseSeed", Reliability.baseSeed());
        figures.put("mutationsPerSample", Reliability.mutations());
        figures.put("samples", samples.size());
        figures.put("inputs", inputs);
        figures.put("handledCleanly", values + exceptions);
        figures.put("decodedToAValue", values);
        figures.put("kalshiExceptions", exceptions);
        figures.put("samplesReadAsGetMarkets", fallbacks / Math.max(1, Reliability.seeds()));
        figures.put("defects", defects.size());
        figures.put("longestMillis", String.format(java.util.Locale.ROOT, "%.1f", longestNanos / 1e6));
        figures.put("longestInput", longestInput);
        Reliability.record("rest-fuzz", figures);
        assertTrue(defects.isEmpty(), defects.size() + " defects, first: " + defects.subList(0, Math.min(10, defects.size())));
    }

    /** A few samples are the inner object or list alone; they are served inside the envelope the API sends. */
    private static String enveloped(String operation, String text) {
        return switch (operation) {
            case "get_market-object" -> "{\"market\":" + text + "}";
            case "get_markets-items" -> "{\"markets\":" + text + ",\"cursor\":\"\"}";
            case "get_trades-items" -> "{\"trades\":" + text + ",\"cursor\":\"\"}";
            default -> text;
        };
    }

    private static String bare(String operation) {
        int dash = operation.indexOf('-');
        return dash < 0 ? operation : operation.substring(0, dash);
    }
}
