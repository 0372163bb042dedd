package io.github.kalshi4j.it.reliability;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.it.Books;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.ws.ConnectionState;
import io.github.kalshi4j.ws.OrderbookHandle;
import io.github.kalshi4j.ws.OrderbookView;
import io.github.kalshi4j.ws.WsMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poisoned sequences and poisoned numbers on a live order book, over real sockets: a client holds a
 * {@link OrderbookHandle} on the local exchange, and the exchange's raw-send hook puts a hostile frame on the book's
 * own subscription (its {@code sid}, the next {@code seq} or an absurd one). After each, the book must be fresh
 * again and equal to the exchange's own book (read over REST) within {@link #RECOVERY}, the connection open, the
 * client's error reports all {@code KalshiException}s, and the resynchronisation must not turn into a flood of
 * snapshots. Each seed runs every scenario once, with its numbers drawn from the seed. The figures go to
 * {@code target/reliability/ws-books.properties}: books left stale after the recovery time must be 0.
 */
@Tag(Reliability.TAG)
class PoisonedBooksTest {

    /** How soon a poisoned book must be fresh and right again ("within a few seconds"). */
    private static final Duration RECOVERY = Duration.ofSeconds(5);
    /** An envelope type no spec has: it reaches listeners as {@code WsMessage.Unknown}, in order. */
    private static final String MARKER = "reliability_marker";
    /**
     * Time between two scenarios. The SDK repairs an isolated bad frame at once, but backs off (up to its cap) when a
     * server poisons the books again within a second of the last repair; these scenarios are isolated events.
     */
    private static final Duration QUIET = Duration.ofMillis(1_200);
    /** The poisoned-books rounds of {@code make reliability} (its seeds would make a long run of waits). */
    private static final int MAX_ROUNDS = 5;
    /** More snapshots than this for one poisoned frame is a storm. */
    private static final int MAX_SNAPSHOTS_PER_POISON = 5;

    /** What a scenario needs to build its frames: the book's subscription and the last seq the client saw. */
    private record Book(long sid, long lastSeq, String ticker, Random random) {
        String delta(long seq, String price, String deltaFp) {
            return "{\"type\":\"orderbook_delta\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                    + ticker + "\",\"price_dollars\":" + price + ",\"delta_fp\":" + deltaFp
                    + ",\"side\":\"yes\",\"ts\":\"2026-12-08T00:00:00Z\"}}";
        }

        String snapshot(long seq, String yesRows) {
            return "{\"type\":\"orderbook_snapshot\",\"sid\":" + sid + ",\"seq\":" + seq + ",\"msg\":{\"market_ticker\":\""
                    + ticker + "\",\"yes_dollars_fp\":" + yesRows + ",\"no_dollars_fp\":[]}}";
        }

        /** A valid price and count for a plain delta. */
        String price() {
            return "\"0." + String.format("%02d", 1 + random.nextInt(98)) + "00\"";
        }
    }

    private static Map<String, Function<Book, List<String>>> scenarios() {
        Map<String, Function<Book, List<String>>> s = new LinkedHashMap<>();
        // Poisoned sequences.
        s.put("seq 2147483649", b -> List.of(b.delta(2_147_483_649L, b.price(), "\"1.00\"")));
        s.put("seq +1000 and more", b -> List.of(b.delta(b.lastSeq() + 1000 + b.random().nextInt(1000), b.price(),
                "\"1.00\"")));
        s.put("seq Long.MAX_VALUE", b -> List.of(b.delta(Long.MAX_VALUE, b.price(), "\"1.00\"")));
        s.put("seq negative", b -> List.of(b.delta(-1 - b.random().nextInt(1000), b.price(), "\"1.00\"")));
        s.put("seq repeated with another delta", b -> List.of(b.delta(b.lastSeq(), b.price(), "\"3.00\"")));
        s.put("seq going back", b -> List.of(b.delta(Math.max(1, b.lastSeq() - 1 - b.random().nextInt(3)), b.price(),
                "\"2.00\"")));
        // Poisoned numbers, on the next seq.
        s.put("delta_fp 1E+30000000", b -> List.of(b.delta(b.lastSeq() + 1, b.price(), "\"1E+30000000\"")));
        s.put("delta_fp 1E+2147483647", b -> List.of(b.delta(b.lastSeq() + 1, b.price(), "\"1E+2147483647\"")));
        s.put("delta_fp -1E+2147483647 (number)", b -> List.of(b.delta(b.lastSeq() + 1, b.price(), "-1E+2147483647")));
        s.put("delta_fp 1e-999999999", b -> List.of(b.delta(b.lastSeq() + 1, b.price(), "\"1e-999999999\"")));
        s.put("delta_fp that empties a level below zero", b -> List.of(b.delta(b.lastSeq() + 1, b.price(),
                "\"-" + (1_000_000 + b.random().nextInt(1_000_000)) + ".00\"")));
        s.put("price_dollars 1E+30000000", b -> List.of(b.delta(b.lastSeq() + 1, "\"1E+30000000\"", "\"1.00\"")));
        // Strictly above: markets announce price_ranges up to 1.0000 inclusive, so a level there is not poison.
        s.put("price_dollars above 1", b -> List.of(b.delta(b.lastSeq() + 1, "\"1." + (1 + b.random().nextInt(9))
                + "000\"", "\"1.00\"")));
        s.put("price_dollars not a number", b -> List.of(b.delta(b.lastSeq() + 1, "\"forty\"", "\"1.00\"")));
        s.put("snapshot row 1e-999999999", b -> List.of(b.snapshot(b.lastSeq() + 1, "[[\"0.4000\",\"1e-999999999\"]]")));
        s.put("snapshot row 1E+30000000", b -> List.of(b.snapshot(b.lastSeq() + 1, "[[\"1E+30000000\",\"5.00\"]]")));
        s.put("snapshot row of one element", b -> List.of(b.snapshot(b.lastSeq() + 1, "[[\"0.4000\"]]")));
        s.put("a burst of 50 poisoned deltas", b -> {
            List<String> burst = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                burst.add(b.delta(b.lastSeq() + i * (1 + b.random().nextInt(3)), b.price(),
                        i % 2 == 0 ? "\"1E+30000000\"" : "\"1.00\""));
            }
            return burst;
        });
        s.put("snapshot, then a delta far ahead", b -> List.of(b.snapshot(b.lastSeq() + 1, "[[\"0.0100\",\"1.00\"]]"),
                b.delta(b.lastSeq() + 2 + b.random().nextInt(1_000_000), b.price(), "\"1.00\"")));
        return s;
    }

    @Test
    void poisonedFramesOnALiveBook_neverLeaveItStale_afterTheRecoveryTime() throws Exception {
        Map<String, Function<Book, List<String>>> scenarios = scenarios();
        List<String> stale = new ArrayList<>();
        List<String> defects = new ArrayList<>();
        long longestRecovery = 0;
        int maxSnapshots = 0;
        String longestScenario = "";
        int runs = 0;
        try (LocalKalshiExchange exchange = LocalKalshiExchange.builder().start();
                KalshiClient client = exchange.client(exchange.userIds().get(0))) {
            String ticker = client.markets().getMarketsPages(p -> p.status("open")).stream()
                    .filter(m -> m.yesBid().signum() > 0).map(Market::ticker).findFirst().orElseThrow();
            AtomicLong sid = new AtomicLong(-1);
            AtomicLong lastSeq = new AtomicLong(-1);
            AtomicInteger snapshots = new AtomicInteger();
            AtomicInteger markersSeen = new AtomicInteger();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            client.ws().onError(errors::add);
            client.ws().onMessage(m -> {
                if (m instanceof WsMessage.Unknown && MARKER.equals(m.type())) {
                    markersSeen.incrementAndGet();
                }
                if (m instanceof WsMessage.OrderbookSnapshot s && ticker.equals(s.payload().msg().marketTicker())) {
                    sid.set(s.sid());
                    snapshots.incrementAndGet();
                }
                if (m.sid() == sid.get() && m.seq().isPresent()) {
                    lastSeq.set(m.seq().getAsLong());
                }
            });
            try (OrderbookHandle book = client.ws().orderbook(ticker).get(10, TimeUnit.SECONDS)) {
                book.awaitFresh(Duration.ofSeconds(10));
                for (int seed = 0; seed < rounds(); seed++) {
                    Random random = new Random(Reliability.baseSeed() + seed);
                    for (Map.Entry<String, Function<Book, List<String>>> scenario : scenarios.entrySet()) {
                        String name = "seed " + seed + ", " + scenario.getKey();
                        // Start from a fresh book that matches the exchange, so what follows is the frame's doing.
                        long ready = recover(book, client, ticker);
                        if (ready < 0) {
                            stale.add(name + " (not fresh before the frame)");
                            continue;
                        }
                        Thread.sleep(QUIET.toMillis());
                        int snapshotsBefore = snapshots.get();
                        int errorsBefore = errors.size();
                        Book b = new Book(sid.get(), lastSeq.get(), ticker, random);
                        for (String frame : scenario.getValue().apply(b)) {
                            exchange.faults().webSocket().sendRaw(frame);
                        }
                        // The marker follows the frames on the same socket, so once the client has it, it has
                        // handled them: the recovery clock starts from there, never before the poison arrived.
                        int marker = markersSeen.get() + 1;
                        exchange.faults().webSocket().sendRaw("{\"type\":\"" + MARKER + "\",\"msg\":{}}");
                        long markerDeadline = System.nanoTime() + RECOVERY.toNanos();
                        while (markersSeen.get() < marker && System.nanoTime() < markerDeadline) {
                            Thread.sleep(2);
                        }
                        if (markersSeen.get() < marker) {
                            defects.add(name + ": the frames after it never arrived");
                        }
                        runs++;
                        long millis = recover(book, client, ticker);
                        if (millis < 0) {
                            stale.add(name + ": " + book.view());
                        } else if (millis > longestRecovery) {
                            longestRecovery = millis;
                            longestScenario = name;
                        }
                        // Snapshots that arrive late belong to this frame too: give them a moment to show up.
                        Thread.sleep(50);
                        maxSnapshots = Math.max(maxSnapshots, snapshots.get() - snapshotsBefore);
                        if (snapshots.get() - snapshotsBefore > MAX_SNAPSHOTS_PER_POISON) {
                            defects.add(name + ": " + (snapshots.get() - snapshotsBefore) + " snapshots");
                        }
                        for (Throwable t : errors.subList(errorsBefore, errors.size())) {
                            if (!(t instanceof KalshiException)) {
                                defects.add(name + ": reported " + Reliability.describe(t));
                            }
                        }
                        if (client.ws().state() != ConnectionState.OPEN) {
                            defects.add(name + ": connection " + client.ws().state());
                        }
                    }
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seeds", rounds());
        figures.put("quietMillis", QUIET.toMillis());
        figures.put("scenarios", scenarios.size());
        figures.put("scenarioNames", String.join("; ", scenarios.keySet()));
        figures.put("runs", runs);
        figures.put("recoveryBoundMillis", RECOVERY.toMillis());
        figures.put("staleAfterRecovery", stale.size());
        figures.put("longestRecoveryMillis", longestRecovery);
        figures.put("longestRecoveryScenario", longestScenario);
        figures.put("maxSnapshotsPerPoison", maxSnapshots);
        figures.put("defects", defects.size());
        Reliability.record("ws-books", figures);
        assertEquals(List.of(), stale, "books left stale after " + RECOVERY);
        assertEquals(List.of(), defects);
        assertTrue(runs == rounds() * scenarios.size(), "every scenario ran: " + runs);
    }

    private static int rounds() {
        return Math.min(Reliability.seeds(), MAX_ROUNDS);
    }

    /**
     * Waits until the book is fresh, equal to the exchange's book and the connection open.
     *
     * @return the milliseconds it took, or -1 when {@link #RECOVERY} passed first
     */
    private static long recover(OrderbookHandle book, KalshiClient client, String ticker) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + RECOVERY.toNanos();
        do {
            OrderbookView v = book.view();
            if (!v.isStale() && client.ws().state() == ConnectionState.OPEN
                    && Books.sameBook(v, client.markets().getMarketOrderbook(ticker).orderbookFp())) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return -1;
    }
}
