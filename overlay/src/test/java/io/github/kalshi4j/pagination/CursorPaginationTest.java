package io.github.kalshi4j.pagination;

import io.github.kalshi4j.api.MarketsApi;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiPaginationException;
import io.github.kalshi4j.model.GetIncentiveProgramsResponse;
import io.github.kalshi4j.model.GetMarketsResponse;
import io.github.kalshi4j.model.IncentiveProgram;
import io.github.kalshi4j.model.Market;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.RecordedRequest;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import io.github.kalshi4j.transport.PageIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auto-pager over Kalshi's cursors, driven by a server that serves real pages and counts every fetch. */
final class CursorPaginationTest {

    private LoopbackServer server;
    private KalshiClient client;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        client = Samples.unauthenticatedClient(server).sleeper(new RecordingSleeper()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** GET /markets: three pages of ten, linked by cursors c2 and c3; the last page has an empty cursor. */
    private void serveThreePagesOfMarkets() {
        server.handle("GET", "/markets", r -> {
            Optional<String> cursor = r.queryParam("cursor");
            if (cursor.isEmpty()) {
                return Reply.ok(Samples.marketsPage("KX", 0, 10, "c2"));
            }
            switch (cursor.get()) {
                case "c2":
                    return Reply.ok(Samples.marketsPage("KX", 10, 20, "c3"));
                case "c3":
                    return Reply.ok(Samples.marketsPage("KX", 20, 30, ""));
                default:
                    return Reply.error(400, "invalid_cursor", "unknown cursor " + cursor.get());
            }
        });
    }

    private static List<String> tickers(List<Market> markets) {
        return markets.stream().map(Market::ticker).collect(Collectors.toList());
    }

    private static List<String> expectedTickers(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("KX-" + i);
        }
        return out;
    }

    @Test
    void pagerFetchesNothingUntilIteratedAndOnePageForTheFirstFiveItems() {
        serveThreePagesOfMarkets();
        PageIterable<GetMarketsResponse, Market> pages = client.markets().getMarketsPages(p -> p.limit(10L));
        assertEquals(0, server.requestCount(), "creating the pager sends nothing");
        List<String> firstFive = pages.stream().limit(5).map(Market::ticker).collect(Collectors.toList());
        assertEquals(expectedTickers(0, 5), firstFive);
        assertEquals(1, server.requestCount(), "five items need only the first page");
    }

    @Test
    void pagesAreFetchedOneAtATimeAsIterationCrossesAPageBoundary() {
        serveThreePagesOfMarkets();
        Iterator<Market> it = client.markets().getMarketsPages(p -> p.limit(10L)).iterator();
        for (int i = 0; i < 10; i++) {
            it.next();
        }
        assertEquals(1, server.requestCount());
        assertEquals("KX-10", it.next().ticker());
        assertEquals(2, server.requestCount());
        for (int i = 11; i < 30; i++) {
            it.next();
        }
        assertEquals(3, server.requestCount());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(3, server.requestCount(), "an empty cursor ends the iteration with no further fetch");
    }

    @Test
    void forLoopVisitsEveryItemOfEveryPageInOrder() {
        serveThreePagesOfMarkets();
        List<String> seen = new ArrayList<>();
        for (Market m : client.markets().getMarketsPages(p -> p.limit(10L))) {
            seen.add(m.ticker());
        }
        assertEquals(expectedTickers(0, 30), seen);
        List<RecordedRequest> fetches = server.requests();
        assertEquals(3, fetches.size());
        assertEquals(List.of(), fetches.get(0).query("cursor"), "the first page is fetched without a cursor");
        assertEquals(List.of("c2"), fetches.get(1).query("cursor"));
        assertEquals(List.of("c3"), fetches.get(2).query("cursor"));
        fetches.forEach(r -> assertEquals(List.of("10"), r.query("limit"), "other parameters ride along"));
    }

    @Test
    void streamVisitsEveryItem() {
        serveThreePagesOfMarkets();
        assertEquals(30, client.markets().getMarketsPages(p -> p.limit(10L)).stream().count());
        assertEquals(3, server.requestCount());
    }

    @Test
    void pagesCanBeWalkedOneByOne() {
        serveThreePagesOfMarkets();
        PageIterable.Page<GetMarketsResponse, Market> first =
                client.markets().getMarketsPages(p -> p.limit(10L)).firstPage();
        assertEquals("c2", first.nextCursor());
        assertTrue(first.hasNextPage());
        PageIterable.Page<GetMarketsResponse, Market> third = first.nextPage().nextPage();
        assertEquals(expectedTickers(20, 30), tickers(third.items()));
        assertFalse(third.hasNextPage());
        assertNull(third.nextCursor(), "an empty cursor reads as no next page");
        assertThrows(NoSuchElementException.class, third::nextPage);
    }

    @Test
    void iterationStartsAtTheCursorGivenInTheParameters() {
        serveThreePagesOfMarkets();
        List<String> seen = tickers(client.markets().getMarketsPages(
                MarketsApi.GetMarketsParams.builder().limit(10L).cursor("c3").build()).stream()
                .collect(Collectors.toList()));
        assertEquals(expectedTickers(20, 30), seen);
        assertEquals(1, server.requestCount());
    }

    @Test
    void incentiveProgramsAreFollowedThroughNextCursor() {
        server.handle("GET", "/incentive_programs", r -> {
            boolean first = r.queryParam("cursor").isEmpty();
            return Reply.ok(GetIncentiveProgramsResponse.builder()
                    .incentivePrograms(List.of(IncentiveProgram.builder().id(first ? "ip-1" : "ip-2")
                            .marketTicker("KX-1").periodReward(50_000L).build()))
                    .nextCursor(first ? "n2" : null)
                    .build());
        });
        List<String> ids = client.incentivePrograms().getIncentiveProgramsPages(p -> { }).stream()
                .map(IncentiveProgram::id).collect(Collectors.toList());
        assertEquals(List.of("ip-1", "ip-2"), ids);
        assertEquals(List.of("n2"), server.requests().get(1).query("cursor"), "the request parameter is always cursor");
    }

    @Test
    void serverRepeatingACursorRaisesAPaginationExceptionInsteadOfLooping() {
        // Every page, including the one fetched with c2, points at c2 again.
        server.handle("GET", "/markets", r -> Reply.ok(Samples.marketsPage("KX", 0, 2, "c2")));
        KalshiPaginationException e = assertThrows(KalshiPaginationException.class,
                () -> client.markets().getMarketsPages(p -> { }).stream().count());
        assertEquals("GetMarkets", e.operationId());
        assertEquals("c2", e.cursor());
        assertEquals(2, e.page());
        assertEquals(2, server.requestCount());
    }

    @Test
    void cursorReturnedAgainLaterInTheSequenceIsAlsoDetected() {
        // c2 -> c3 -> c2: not an immediate repeat, still a loop.
        server.handle("GET", "/markets", r -> {
            String c = r.queryParam("cursor").orElse("");
            String next = c.isEmpty() ? "c2" : c.equals("c2") ? "c3" : "c2";
            return Reply.ok(Samples.marketsPage("KX", 0, 1, next));
        });
        assertThrows(KalshiPaginationException.class, () -> client.markets().getMarketsPages(p -> { }).stream().count());
        assertEquals(3, server.requestCount());
    }

    @Test
    void limitPagesCapsHowManyPagesAreFetched() {
        serveThreePagesOfMarkets();
        List<String> seen = tickers(client.markets().getMarketsPages(p -> p.limit(10L)).limitPages(2).stream()
                .collect(Collectors.toList()));
        assertEquals(expectedTickers(0, 20), seen);
        assertEquals(2, server.requestCount());
    }

    @Test
    void emptyOrMissingCursorOnTheFirstPageEndsAfterOneFetch() {
        server.respond("GET", "/markets", Reply.ok("{\"markets\": [{\"ticker\": \"KX-0\"}], \"cursor\": \"\"}"));
        assertEquals(1, client.markets().getMarketsPages(p -> { }).stream().count());
        server.respond("GET", "/events", Reply.ok("{\"events\": [], \"cursor\": null}"));
        assertEquals(0, client.events().getEventsPages(p -> { }).stream().count());
        assertEquals(2, server.requestCount());
    }

    @Test
    void nullItemListReadsAsAnEmptyPage() {
        server.respond("GET", "/markets", Reply.ok("{\"markets\": null, \"cursor\": \"\"}"));
        assertEquals(0, client.markets().getMarketsPages(p -> { }).stream().count());
    }

    @Test
    void transientServerErrorOnALaterPageIsRetriedWithinThePage() {
        // Page 2 fails once with a 503 before it is served.
        AtomicInteger pages = new AtomicInteger();
        server.handle("GET", "/markets", r -> {
            if (r.queryParam("cursor").orElse("").equals("c2") && pages.incrementAndGet() == 1) {
                return Reply.error(503, "service_unavailable", "busy");
            }
            String c = r.queryParam("cursor").orElse("");
            return c.isEmpty() ? Reply.ok(Samples.marketsPage("KX", 0, 10, "c2"))
                    : c.equals("c2") ? Reply.ok(Samples.marketsPage("KX", 10, 20, "")) : Reply.empty(404);
        });
        assertEquals(expectedTickers(0, 20), tickers(client.markets().getMarketsPages(p -> { }).stream()
                .collect(Collectors.toList())));
        assertEquals(3, server.requestCount());
    }

    @Test
    void walkingOnAgainFromAnEarlierPageIsNotMistakenForALoop() {
        serveThreePagesOfMarkets();
        PageIterable<GetMarketsResponse, Market> pager = client.markets().getMarketsPages(p -> { });
        var first = pager.firstPage();
        var third = first.nextPage().nextPage();
        // The same walk again from page 1: the server hands out c2 and c3 again, as it should.
        var thirdAgain = first.nextPage().nextPage();
        assertEquals(tickers(third.items()), tickers(thirdAgain.items()));
        assertEquals(5, server.requestCount());
    }

    @Test
    void failedPageFetchIsRetriedByAskingForTheNextPageAgain() {
        AtomicInteger c2Fetches = new AtomicInteger();
        server.handle("GET", "/markets", r -> {
            String c = r.queryParam("cursor").orElse("");
            if (c.equals("c2") && c2Fetches.incrementAndGet() == 1) {
                return Reply.error(400, "invalid_cursor", "hiccup");
            }
            return c.isEmpty() ? Reply.ok(Samples.marketsPage("KX", 0, 10, "c2"))
                    : c.equals("c2") ? Reply.ok(Samples.marketsPage("KX", 10, 20, "c3"))
                    : Reply.ok(Samples.marketsPage("KX", 20, 30, ""));
        });
        Iterator<? extends PageIterable.Page<GetMarketsResponse, Market>> pages =
                client.markets().getMarketsPages(p -> { }).pages().iterator();
        pages.next();
        assertThrows(io.github.kalshi4j.errors.KalshiBadRequestException.class, pages::next);
        assertEquals(expectedTickers(10, 20), tickers(pages.next().items()), "the failed page, fetched again");
        assertEquals(expectedTickers(20, 30), tickers(pages.next().items()));
        assertFalse(pages.hasNext());
    }

    @Test
    void repeatedCursorIsDetectedAfterAnyNumberOfPages() {
        // c1 .. c100 are distinct; page c100 points back at itself.
        server.handle("GET", "/markets", r -> {
            int n = Integer.parseInt(r.queryParam("cursor").orElse("c0").substring(1));
            return Reply.ok(Samples.marketsPage("KX", n, n + 1, "c" + Math.min(n + 1, 100)));
        });
        KalshiPaginationException e = assertThrows(KalshiPaginationException.class,
                () -> client.markets().getMarketsPages(p -> { }).stream().count());
        assertEquals("c100", e.cursor());
        assertEquals(101, e.page());
    }
}
