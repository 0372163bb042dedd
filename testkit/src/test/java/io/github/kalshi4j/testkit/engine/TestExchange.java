package io.github.kalshi4j.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.function.Executable;

/**
 * A small, empty-book exchange for hand-computed tests: three accounts with $1,000 each, one with
 * $5, a quadratic-fee series (multiplier 1) and a series with maker fees. The clock starts at
 * 2026-01-01T00:00:00Z and only moves when a test moves it.
 */
final class TestExchange {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String CAROL = "carol";
    static final String DAVE = "dave";
    static final String MARKET = "KXTEST-26JAN31-A";
    static final String OTHER_MARKET = "KXTEST-26JAN31-B";
    static final String WHOLE_MARKET = "KXTEST-26JAN31-WHOLE";
    static final String MAKER_FEE_MARKET = "KXMAKER-26JAN31-A";

    static final String SEED = """
            {
              "series": [
                {"ticker": "KXTEST", "title": "Test series", "category": "Economics", "tags": ["Test"],
                 "fee_type": "quadratic", "fee_multiplier": 1},
                {"ticker": "KXMAKER", "title": "Maker fee series", "category": "Sports",
                 "fee_type": "quadratic_with_maker_fees", "fee_multiplier": 1}
              ],
              "events": [
                {"event_ticker": "KXTEST-26JAN31", "series_ticker": "KXTEST", "title": "Test event"},
                {"event_ticker": "KXMAKER-26JAN31", "series_ticker": "KXMAKER", "title": "Maker fee event"}
              ],
              "markets": [
                {"ticker": "KXTEST-26JAN31-A", "event_ticker": "KXTEST-26JAN31", "open_time": "-P1D", "close_time": "+P30D"},
                {"ticker": "KXTEST-26JAN31-B", "event_ticker": "KXTEST-26JAN31", "open_time": "-P1D", "close_time": "+P30D"},
                {"ticker": "KXTEST-26JAN31-WHOLE", "event_ticker": "KXTEST-26JAN31", "fractional_trading_enabled": false},
                {"ticker": "KXMAKER-26JAN31-A", "event_ticker": "KXMAKER-26JAN31"}
              ],
              "accounts": [
                {"member_id": "alice", "api_key_id": "key-alice", "balance": "1000.00"},
                {"member_id": "bob", "api_key_id": "key-bob", "balance": "1000.00"},
                {"member_id": "carol", "api_key_id": "key-carol", "balance": "1000.00"},
                {"member_id": "dave", "api_key_id": "key-dave", "balance": "5.00"}
              ]
            }
            """;

    final MutableClock clock = new MutableClock(START);
    final RecordingListener events = new RecordingListener();
    final Exchange exchange;

    TestExchange() {
        exchange = Exchange.builder().seed(Seed.parse(SEED)).clock(clock).build();
        exchange.addListener(events);
    }

    /** Places a good-till-canceled limit order; {@code price} is the order side's price. */
    Order limit(String user, Side side, Action action, String count, String price) {
        return exchange.createOrder(user, NewOrder.limit(MARKET, side, action, count, price));
    }

    Order buyYes(String user, String count, String price) {
        return limit(user, Side.YES, Action.BUY, count, price);
    }

    Order buyNo(String user, String count, String price) {
        return limit(user, Side.NO, Action.BUY, count, price);
    }

    Balance balance(String user) {
        return exchange.getBalance(user);
    }

    MarketPosition position(String user) {
        return position(user, MARKET);
    }

    MarketPosition position(String user, String ticker) {
        return exchange.listMarketPositions(user, PositionFilter.all().withTicker(ticker)).stream()
                .findFirst().orElseThrow();
    }

    Orderbook book() {
        return exchange.getOrderbook(MARKET, 0);
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** Compares numerically, so "994.22" equals 994.2200. */
    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    static void assertAmount(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> what + ": expected " + expected + " but was " + actual);
    }

    static ExchangeException assertRejected(ErrorCode code, Executable call) {
        ExchangeException e = assertThrows(ExchangeException.class, call);
        assertEquals(code, e.errorCode(), () -> "unexpected error: " + e);
        return e;
    }
}
