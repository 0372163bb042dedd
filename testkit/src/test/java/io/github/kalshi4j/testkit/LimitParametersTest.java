package io.github.kalshi4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every modelled list operation takes exactly the {@code limit} values the pinned spec allows: its minimum and
 * maximum are answered, one below and one above are {@code 400}. The bounds are read from the spec document at run
 * time, so the exchange cannot drift from it. Where the spec's minimum is 0 (GetMarkets, GetTrades: Kalshi
 * validates {@code omitempty,gte=0}) a 0 means "not set" and returns a default-sized page, which is also what the
 * client allows (its builders check the same spec bounds).
 */
class LimitParametersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalKalshiExchange exchange;
    private static RsaPssSigner signer;

    @BeforeAll
    static void start() {
        exchange = LocalKalshiExchange.builder().start();
        LocalKalshiExchange.Credentials c = exchange.credentials(exchange.userIds().get(0));
        signer = RsaPssSigner.fromPem(c.keyId(), c.privateKeyPem());
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    /** One modelled GET operation without path parameters and its {@code limit} bounds from the spec. */
    record LimitRule(String operationId, String path, long minimum, long maximum) {
    }

    static List<LimitRule> rulesFromTheSpec() throws IOException {
        Path root = Path.of(System.getProperty("kalshi4j.root", "..")).toAbsolutePath().normalize();
        JsonNode spec = JSON.readTree(root.resolve("spec/materialized/openapi.effective.json").toFile());
        List<LimitRule> rules = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null || path.getKey().contains("{")) {
                continue;
            }
            for (JsonNode p : get.path("parameters")) {
                JsonNode param = p.has("$ref") ? spec.at(p.get("$ref").asText().substring(1)) : p;
                if (param.path("name").asText().equals("limit") && param.path("in").asText().equals("query")) {
                    JsonNode schema = param.get("schema");
                    rules.add(new LimitRule(get.get("operationId").asText(), path.getKey(),
                            schema.path("minimum").asLong(Long.MIN_VALUE), schema.path("maximum").asLong(Long.MAX_VALUE)));
                }
            }
        }
        return rules;
    }

    /** A signed GET on a fresh connection; returns the status code and the body. */
    private static Object[] get(String pathAndQuery) throws IOException {
        String path = "/trade-api/v2" + pathAndQuery.replaceAll("\\?.*", "");
        StringBuilder head = new StringBuilder("GET /trade-api/v2" + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n");
        RequestSignature.sign(signer, "GET", path, System.currentTimeMillis()).headers()
                .forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        try (Socket s = new Socket("127.0.0.1", exchange.port())) {
            OutputStream out = s.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Object[] {status, response.substring(response.indexOf("\r\n\r\n") + 4)};
        }
    }

    @Test
    void theSpecAllowsLimitZeroOnGetMarketsAndGetTradesOnly() throws IOException {
        List<String> zeroAllowed = rulesFromTheSpec().stream().filter(r -> r.minimum() == 0)
                .map(LimitRule::operationId).filter(exchange.modeledOperations()::contains).sorted().toList();
        assertEquals(List.of("GetMarkets", "GetTrades"), zeroAllowed);
    }

    @TestFactory
    Stream<DynamicTest> everyModelledListOperationTakesExactlyTheSpecsLimits() throws IOException {
        List<LimitRule> rules = rulesFromTheSpec().stream()
                .filter(r -> exchange.modeledOperations().contains(r.operationId())).toList();
        assertFalse(rules.isEmpty());
        return rules.stream().map(r -> DynamicTest.dynamicTest(r.operationId() + " limit " + r.minimum() + ".."
                + r.maximum(), () -> {
            assertEquals(200, get(r.path() + "?limit=" + r.minimum())[0], "the spec's minimum is allowed");
            assertEquals(200, get(r.path() + "?limit=" + r.maximum())[0], "the spec's maximum is allowed");
            Object[] below = get(r.path() + "?limit=" + (r.minimum() - 1));
            assertEquals(400, below[0], "below the spec's minimum: " + below[1]);
            assertTrue(((String) below[1]).contains("invalid_parameters"), (String) below[1]);
            assertEquals(400, get(r.path() + "?limit=" + (r.maximum() + 1))[0], "above the spec's maximum");
        }));
    }

    @Test
    void limitZeroOnGetMarketsReadsAsNotSetAndReturnsADefaultPage() throws IOException {
        Object[] zero = get("/markets?limit=0");
        Object[] unset = get("/markets");
        assertEquals(200, zero[0]);
        assertEquals(JSON.readTree((String) unset[1]).get("markets").size(),
                JSON.readTree((String) zero[1]).get("markets").size());
        assertTrue(JSON.readTree((String) zero[1]).get("markets").size() > 0);
    }
}
