package io.github.kalshi4j.examples;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.client.KalshiClientBuilder.Setting;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.model.CreateOrderV2Request;
import io.github.kalshi4j.model.CreateOrderV2Response;
import io.github.kalshi4j.model.Fill;
import io.github.kalshi4j.model.GetBalanceResponse;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.model.MarketPosition;
import io.github.kalshi4j.model.Order;
import io.github.kalshi4j.model.OrderbookCountFp;
import io.github.kalshi4j.testkit.LocalKalshiExchange;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo session behind {@code make demo}: a short, readable trading session.
 *
 * <p>By default it starts the embedded local exchange and, as two members, lists open markets (auto-paging), shows
 * one order book, places a resting bid and crosses it from the second account so a fill happens, watches the fill
 * and the book move, and prints positions and balances. With {@code KALSHI_KEY_ID}, a private key and
 * {@code KALSHI_DEMO=true} (or {@code 1} / {@code yes}, as {@code KalshiClient.fromEnv()} reads it) it runs the
 * read-only part against Kalshi's demo environment instead: market listing (at most {@value #MAX_PAGES} pages),
 * one order book, balance and positions; it never places an order there.
 */
public final class DemoSession {

    /** Markets per listed page. */
    static final int PAGE_SIZE = 20;
    /**
     * Pages listed at most: Kalshi's demo has hundreds of open markets, and paging through all of them at 20 a page
     * would spend hundreds of requests of a 20-reads-per-second budget on a demo.
     */
    static final int MAX_PAGES = 5;

    private DemoSession() {
    }

    /** Runs the session; exits non-zero with a one-line message on failure. */
    public static void main(String[] args) {
        try {
            if (useKalshiDemo()) {
                runAgainstKalshiDemo();
            } else {
                runAgainstLocalExchange();
            }
        } catch (KalshiException | IllegalArgumentException e) {
            System.err.println("demo failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static boolean useKalshiDemo() {
        return useKalshiDemo(System.getenv(), System.getProperties());
    }

    /**
     * Whether to run against Kalshi's demo: a key id is set and {@code KALSHI_DEMO} (or {@code -Dkalshi.demo}) is on,
     * read exactly as {@code KalshiClient.fromEnv()} reads them (an unparsable switch is an error there too).
     */
    static boolean useKalshiDemo(Map<String, String> env, Properties properties) {
        return Boolean.TRUE.equals(Setting.DEMO.readSwitch(env, properties)) && Setting.KEY_ID.read(env, properties) != null;
    }

    private static void runAgainstKalshiDemo() {
        try (KalshiClient client = KalshiClient.fromEnv()) {
            // KALSHI_API_BASE_URL overrides KALSHI_DEMO in fromEnv: never run "against the demo" anywhere else.
            if (!client.config().isDemo()) {
                System.err.println("demo refused: KALSHI_DEMO is set but the client points at " + client.config().baseUrl()
                        + ", not Kalshi's demo (" + KalshiConfig.DEMO_REST + "); unset KALSHI_API_BASE_URL");
                System.exit(2);
            }
            Console.heading("kalshi4j demo against Kalshi's demo environment (" + client.config().baseUrl() + "), read-only");
            Optional<Market> market = showOpenMarkets(client);
            market.ifPresent(m -> showOrderbook(client, m));
            showPortfolio("your account", client);
        }
    }

    private static void runAgainstLocalExchange() {
        long start = System.nanoTime();
        try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().start()) {
            Console.heading("kalshi4j demo: local Kalshi exchange at " + exchange.restUrl() + " (started in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms)");
            List<String> members = exchange.userIds();
            try (KalshiClient alice = exchange.client(members.get(0)); KalshiClient bob = exchange.client(members.get(1))) {
                Market market = showOpenMarkets(alice)
                        .orElseThrow(() -> new IllegalStateException("the default seed has no open market"));
                showOrderbook(alice, market);
                try (LiveFeed feed = LiveFeed.open(alice, market.ticker())) {
                    trade(alice, bob, market);
                    feed.print();
                }
                showOrderbook(alice, market);
                showPortfolio("member 1 (" + members.get(0).substring(0, 8) + ")", alice);
                showPortfolio("member 2 (" + members.get(1).substring(0, 8) + ")", bob);
            }
        }
        Console.line("");
        Console.line("done.");
    }

    /**
     * Lists open markets through the auto-pager, at most {@link #MAX_PAGES} pages, and returns the busiest one with a
     * two-sided book (else the busiest one); empty when no market is open.
     */
    private static Optional<Market> showOpenMarkets(KalshiClient client) {
        var pages = client.markets().getMarketsPages(p -> p.status("open").limit((long) PAGE_SIZE));
        List<Market> open = pages.limitPages(MAX_PAGES).stream().toList();
        boolean capped = open.size() == PAGE_SIZE * MAX_PAGES;
        Console.heading("Open markets: " + (capped ? "the first " + open.size() + " (listing stops after " + MAX_PAGES
                + " pages of " + PAGE_SIZE + ")" : open.size() + " (fetched page by page, " + PAGE_SIZE + " per page)"));
        if (open.isEmpty()) {
            Console.line("(no market is open right now)");
            return Optional.empty();
        }
        List<Market> busiest = open.stream()
                .sorted(Comparator.comparing(Market::volumeFp, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .limit(10).toList();
        Console.Table t = new Console.Table("ticker", "title", "yes bid", "yes ask", "volume");
        for (Market m : busiest) {
            t.row(m.ticker(), Console.truncate(m.title(), 42), Console.dollars(m.yesBid()), Console.dollars(m.yesAsk()),
                    Console.count(m.volume()));
        }
        t.print();
        return Optional.of(open.stream().filter(m -> positive(m.yesBid()) && positive(m.yesAsk()))
                .max(Comparator.comparing(Market::volumeFp, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(busiest.get(0)));
    }

    private static boolean positive(BigDecimal v) {
        return v != null && v.signum() > 0;
    }

    private static void showOrderbook(KalshiClient client, Market market) {
        OrderbookCountFp book = client.markets().getMarketOrderbook(market.ticker()).orderbookFp();
        Console.heading("Order book of " + market.ticker() + " (bids; a NO bid at p is a YES ask at 1 - p)");
        List<List<BigDecimal>> yes = book.yesDollars();
        List<List<BigDecimal>> no = book.noDollars();
        Console.Table t = new Console.Table("YES bid", "size", "", "NO bid", "size", "= YES ask");
        int rows = Math.max(yes.size(), no.size());
        for (int i = 0; i < Math.min(rows, 8); i++) {
            // Levels arrive lowest price first; show the best first.
            List<BigDecimal> y = i < yes.size() ? yes.get(yes.size() - 1 - i) : null;
            List<BigDecimal> n = i < no.size() ? no.get(no.size() - 1 - i) : null;
            t.row(y == null ? "" : Console.dollars(y.get(0)), y == null ? "" : Console.count(y.get(1)), "",
                    n == null ? "" : Console.dollars(n.get(0)), n == null ? "" : Console.count(n.get(1)),
                    n == null ? "" : Console.dollars(BigDecimal.ONE.subtract(n.get(0))));
        }
        t.print();
    }

    /** Member 1 rests a V2 bid one cent above the best YES bid; member 2's V2 ask at that price fills against it. */
    private static void trade(KalshiClient alice, KalshiClient bob, Market market) {
        Market fresh = alice.markets().getMarket(market.ticker()).market();
        BigDecimal bid = fresh.yesBid().add(new BigDecimal("0.01"));
        if (bid.compareTo(fresh.yesAsk()) >= 0) {
            bid = fresh.yesBid();
        }
        Console.heading("Trading " + market.ticker() + " (V2 orders: a bid buys YES, an ask sells YES, at the YES price)");
        CreateOrderV2Response resting = alice.orders().createOrderV2(order(market, "bid", "10", bid, "demo-bid-1"));
        Console.line("member 1 bids 10 @ " + Console.dollars(bid) + "  -> resting " + Console.count(resting.remainingCount())
                + ", filled " + Console.count(resting.fillCount()) + " (order " + resting.orderId().substring(0, 8) + ")");
        CreateOrderV2Response taker = bob.orders().createOrderV2(order(market, "ask", "6", bid, "demo-ask-1"));
        Console.line("member 2 asks 6 @ " + Console.dollars(bid) + " (meets the bid)  -> filled "
                + Console.count(taker.fillCount()) + " at " + Console.dollars(taker.averageFillPrice()) + ", fee "
                + Console.dollars(taker.averageFeePaid()) + " a contract");
        List<Fill> fills = alice.portfolio().getFills(p -> p.ticker(market.ticker())).fills();
        Console.Table t = new Console.Table("member", "side", "count", "yes price", "taker", "fee");
        for (Fill f : fills) {
            t.row("1", f.sideAsString(), Console.count(f.countFp()), Console.dollars(f.yesPriceDollars()),
                    String.valueOf(f.isTaker()), Console.dollars(f.feeCost()));
        }
        for (Fill f : bob.portfolio().getFills(p -> p.ticker(market.ticker())).fills()) {
            t.row("2", f.sideAsString(), Console.count(f.countFp()), Console.dollars(f.yesPriceDollars()),
                    String.valueOf(f.isTaker()), Console.dollars(f.feeCost()));
        }
        Console.line("fills:");
        t.print();
    }

    private static CreateOrderV2Request order(Market market, String side, String count, BigDecimal price, String id) {
        return CreateOrderV2Request.builder().ticker(market.ticker()).side(side).count(count).price(price)
                .timeInForce("good_till_canceled").selfTradePreventionType("taker_at_cross").clientOrderId(id).build();
    }

    private static void showPortfolio(String who, KalshiClient client) {
        GetBalanceResponse balance = client.portfolio().getBalance();
        Console.heading("Portfolio of " + who + ": balance " + Console.cents(balance.balance()) + ", portfolio value "
                + Console.cents(balance.portfolioValue()));
        List<MarketPosition> positions = client.portfolio().getPositions(p -> p.countFilter("position")).marketPositions();
        if (positions.isEmpty()) {
            Console.line("(no open positions)");
            return;
        }
        Console.Table t = new Console.Table("ticker", "position", "exposure", "realized P&L", "fees paid");
        for (MarketPosition p : positions) {
            t.row(p.ticker(), Console.count(p.positionFp()), Console.dollars(p.marketExposureDollars()),
                    Console.dollars(p.realizedPnlDollars()), Console.dollars(p.feesPaidDollars()));
        }
        t.print();
    }

    static Map<String, String> env() {
        return System.getenv();
    }
}
