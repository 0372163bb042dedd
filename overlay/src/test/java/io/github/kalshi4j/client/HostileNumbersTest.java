package io.github.kalshi4j.client;

import io.github.kalshi4j.errors.KalshiDecodeException;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.transport.KalshiJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile or broken server can send a fixed-point value such as {@code "1E+30000000"}: a few bytes on the wire
 * that expand to millions of digits the moment anything does arithmetic on them or prints them. The client refuses
 * such values where they are decoded, quickly and as a {@link KalshiDecodeException}, and builders refuse them
 * where they are set, so nothing can later hang or run out of memory on them.
 */
final class HostileNumbersTest {

    /** Far longer than a bounded decode needs on a loaded machine; the unbounded one spun for over 10 s. */
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private LoopbackServer server;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private KalshiClient client() {
        return Samples.client(server).sleeper(new RecordingSleeper()).build();
    }

    private void marketAnswers(String marketJson) {
        server.respond("GET", "/markets/KXHOSTILE", Reply.ok("{\"market\":" + marketJson + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1E+30000000\"", "\"1E+2147483647\"", "\"-1E+2147483647\"", "\"1e-999999999\"",
            "1E+30000000", "\"1E-2147483647\""})
    void aHugeExponentBesideItsLegacyCentsIsADecodeExceptionNotAHang(String hostile) {
        marketAnswers("{\"ticker\":\"KXHOSTILE\",\"yes_bid_dollars\":" + hostile + ",\"yes_bid\":56}");
        try (KalshiClient client = client()) {
            KalshiDecodeException e = assertTimeoutPreemptively(QUICKLY,
                    () -> assertThrows(KalshiDecodeException.class, () -> client.markets().getMarket("KXHOSTILE")));
            assertEquals("GetMarket", e.operationId());
            assertTrue(e.getMessage().contains("yes_bid_dollars"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1E+30000000\"", "\"1e-999999999\"", "\"1E+2147483647\""})
    void aHugeExponentWithoutALegacyFormIsRefusedWhenDecodedNotWhenFirstUsed(String hostile) {
        marketAnswers("{\"ticker\":\"KXHOSTILE\",\"no_ask_dollars\":" + hostile + "}");
        try (KalshiClient client = client()) {
            KalshiDecodeException e = assertTimeoutPreemptively(QUICKLY,
                    () -> assertThrows(KalshiDecodeException.class, () -> client.markets().getMarket("KXHOSTILE")));
            assertTrue(e.getMessage().contains("no_ask_dollars"), e.getMessage());
        }
    }

    @Test
    void aHostileOrderbookRowIsADecodeException() {
        server.respond("GET", "/markets/KXHOSTILE/orderbook", Reply.ok("{\"orderbook_fp\":{\"yes_dollars\":"
                + "[[\"0.4000\",\"1e-999999999\"]],\"no_dollars\":[]}}"));
        try (KalshiClient client = client()) {
            KalshiDecodeException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(KalshiDecodeException.class,
                    () -> client.markets().getMarketOrderbook("KXHOSTILE")));
            assertTrue(e.getMessage().contains("yes_dollars"), e.getMessage());
        }
    }

    @Test
    void aLegacyIntegerTooLargeForAFixedPointValueIsADecodeException() {
        String thousandDigits = "9".repeat(1000);
        marketAnswers("{\"ticker\":\"KXHOSTILE\",\"yes_bid\":" + thousandDigits + "}");
        try (KalshiClient client = client()) {
            KalshiDecodeException e = assertTimeoutPreemptively(QUICKLY,
                    () -> assertThrows(KalshiDecodeException.class, () -> client.markets().getMarket("KXHOSTILE")));
            assertTrue(e.getMessage().contains("yes_bid_dollars"), e.getMessage());
        }
    }

    @Test
    void asyncCallsRefuseAHugeExponentTheSameWay() {
        marketAnswers("{\"ticker\":\"KXHOSTILE\",\"yes_bid_dollars\":\"1E+30000000\",\"yes_bid\":56}");
        try (KalshiAsyncClient client = Samples.client(server).sleeper(new RecordingSleeper()).buildAsync()) {
            CompletionException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(CompletionException.class,
                    () -> client.markets().getMarket("KXHOSTILE").join()));
            assertInstanceOf(KalshiDecodeException.class, e.getCause());
        }
    }

    @Test
    void valuesWithinTheBoundsStillDecodeExactly() {
        String big = "9".repeat(KalshiJson.FIXED_POINT_MAX_INTEGER_DIGITS) + "."
                + "9".repeat(KalshiJson.FIXED_POINT_MAX_SCALE);
        marketAnswers("{\"ticker\":\"KXHOSTILE\",\"yes_bid_dollars\":\"0.5600\",\"yes_bid\":56,\"volume_fp\":\"" + big
                + "\",\"no_bid_dollars\":\"1E+3\"}");
        try (KalshiClient client = client()) {
            Market m = client.markets().getMarket("KXHOSTILE").market();
            assertEquals("0.5600", m.yesBid().toPlainString());
            assertEquals(big, m.volume().toPlainString());
            assertEquals(0, new BigDecimal("1000").compareTo(m.noBid()));
        }
    }

    @Test
    void builderSettersRefuseAHugeExponentInsteadOfRunningOutOfMemoryLater() {
        IllegalArgumentException fromString = assertThrows(IllegalArgumentException.class,
                () -> CreateOrderV2Request.builder().price("1E+999999999"));
        assertTrue(fromString.getMessage().contains("price"), fromString.getMessage());
        IllegalArgumentException fromDecimal = assertThrows(IllegalArgumentException.class,
                () -> CreateOrderV2Request.builder().price(new BigDecimal("1E+999999999")));
        assertTrue(fromDecimal.getMessage().contains("price"), fromDecimal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CreateOrderV2Request.builder().count("1e-999999999"));
        assertThrows(IllegalArgumentException.class, () -> CreateOrderV2Request.builder().count("1E+2147483647"));
        // The short alias of a _dollars member checks the same bounds under the member's JSON name.
        IllegalArgumentException alias = assertThrows(IllegalArgumentException.class,
                () -> io.github.kalshi4j.model.Order.builder().yesPrice("1E+999999999"));
        assertTrue(alias.getMessage().contains("yes_price_dollars"), alias.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> io.github.kalshi4j.model.OrderbookCountFp.builder()
                        .yesDollars(List.of(List.of(new BigDecimal("0.40"), new BigDecimal("1E+999999999")))));
    }

    @Test
    void aValidOrderStillEncodesItsDecimalsAsWritten() {
        server.respond("POST", Samples.ORDERS_V2, Reply.json(201, Samples.created(
                Samples.order("ord-1", "KXHOSTILE", "coid"))));
        try (KalshiClient client = client()) {
            client.orders().createOrderV2(CreateOrderV2Request.builder().ticker("KXHOSTILE").side("bid")
                    .count("1.00").price("0.5600").timeInForce("good_till_canceled")
                    .selfTradePreventionType("taker_at_cross").clientOrderId("coid").build());
        }
        String body = server.onlyRequest().bodyText();
        assertTrue(body.contains("\"price\":\"0.5600\"") && body.contains("\"count\":\"1.00\""), body);
    }
}
