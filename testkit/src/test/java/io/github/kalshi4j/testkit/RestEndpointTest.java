package io.github.kalshi4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP side of the exchange, spoken over raw sockets: rate-limit subjects and the null-arrays fault. */
class RestEndpointTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One request on a fresh connection (so from a fresh client port); returns the status line and the body. */
    private static String[] get(LocalKalshiExchange exchange, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", exchange.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /trade-api/v2" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            return new String[] {response.substring(0, response.indexOf("\r\n")), response.substring(headerEnd + 4)};
        }
    }

    @Test
    void unauthenticatedRequestsShareOneBucketPerIp_whateverTheirClientPort() throws IOException {
        try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().rateLimits(true).start()) {
            int limited = 0;
            // The basic tier holds 20 reads; 60 requests on 60 connections (60 client ports) from one IP overrun it.
            for (int i = 0; i < 60; i++) {
                if (get(exchange, "/exchange/status")[0].contains(" 429 ")) {
                    limited++;
                }
            }
            assertTrue(limited > 0, "no request was rate limited: the bucket was keyed by client port");
        }
    }

    @Test
    void nullInnerArraysKeepsTheListsButNullsTheArraysInsideTheirItems() throws IOException {
        try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().start()) {
            exchange.faults().next(1, "GET", "/events").nullInnerArrays();
            JsonNode events = MAPPER.readTree(get(exchange, "/events?with_nested_markets=true&limit=3")[1]);
            assertEquals(3, events.get("events").size(), "the top-level list stays");
            for (JsonNode event : events.get("events")) {
                assertTrue(event.get("markets").isNull(), "event markets inside the list: " + event.get("markets"));
            }

            exchange.faults().next(1, "GET", "/series").nullInnerArrays();
            JsonNode series = MAPPER.readTree(get(exchange, "/series")[1]);
            assertTrue(series.get("series").size() > 0);
            assertTrue(series.get("series").get(0).get("tags").isNull(), "series tags");

            JsonNode untouched = MAPPER.readTree(get(exchange, "/events?with_nested_markets=true&limit=1")[1]);
            assertTrue(untouched.get("events").get(0).get("markets").isArray(), "the fault was armed for one call");
        }
    }

    @Test
    void nullArraysStillNullsEveryArrayIncludingTheTopLevelList() throws IOException {
        try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().start()) {
            exchange.faults().next(1, "GET", "/events").nullArrays();
            assertTrue(MAPPER.readTree(get(exchange, "/events?limit=3")[1]).get("events").isNull());
        }
    }
}
