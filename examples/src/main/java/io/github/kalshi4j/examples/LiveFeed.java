package io.github.kalshi4j.examples;

import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.ws.Channel;
import io.github.kalshi4j.ws.OrderbookHandle;
import io.github.kalshi4j.ws.OrderbookView;
import io.github.kalshi4j.ws.Registration;
import io.github.kalshi4j.ws.SubscribeRequest;
import io.github.kalshi4j.ws.Subscription;
import io.github.kalshi4j.ws.WsMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the demo watches over the WebSocket while it trades: the member's fills and one market's book deltas. */
final class LiveFeed implements AutoCloseable {

    private final OrderbookHandle book;
    private final Subscription<WsMessage> fills;
    private final Registration deltaListener;
    private final List<WsMessage.OrderbookDelta> deltas = new CopyOnWriteArrayList<>();

    private LiveFeed(KalshiClient client, String ticker) throws InterruptedException, ExecutionException, TimeoutException {
        this.deltaListener = client.ws().on(Channel.ORDERBOOK_DELTA, m -> {
            if (m instanceof WsMessage.OrderbookDelta d) {
                deltas.add(d);
            }
        });
        this.book = client.ws().orderbook(ticker).get(10, TimeUnit.SECONDS);
        this.book.awaitFresh(Duration.ofSeconds(10));
        this.fills = client.ws().subscribe(SubscribeRequest.builder(Channel.FILL).build()).get(10, TimeUnit.SECONDS);
    }

    static LiveFeed open(KalshiClient client, String ticker) {
        try {
            return new LiveFeed(client, ticker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot subscribe over the WebSocket: " + e.getMessage(), e);
        }
    }

    /** Waits briefly for the trade's frames, then prints them and the local book they built. */
    void print() {
        Console.line("");
        Console.line("over the WebSocket:");
        try {
            // The first frame may take a moment; after it, a short quiet spell means the burst is over. Every frame
            // polled is printed (the loop used to drop the one its second poll returned).
            WsMessage m = fills.poll(Duration.ofSeconds(2));
            while (m != null) {
                if (m instanceof WsMessage.Fill f) {
                    Console.line("  fill          " + f.msg().sideAsString() + " " + Console.count(f.msg().countFp()) + " @ "
                            + Console.dollars(f.msg().yesPriceDollars()) + " (member 1's resting bid was hit)");
                }
                m = fills.poll(Duration.ofMillis(300));
            }
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (WsMessage.OrderbookDelta d : deltas) {
            Console.line("  book delta    " + d.msg().sideAsString() + " " + Console.dollars(d.msg().priceDollars()) + " "
                    + (d.msg().deltaFp().signum() > 0 ? "+" : "") + Console.count(d.msg().deltaFp())
                    + "  (seq " + d.seq().orElse(0) + ")");
        }
        OrderbookView v = book.view();
        Console.line("  local book    best YES bid " + v.bestYesBid().map(Console::dollars).orElse("-") + ", YES ask "
                + v.yesAsk().map(Console::dollars).orElse("-") + (v.isStale() ? " (resynchronizing)" : ""));
    }

    @Override
    public void close() {
        deltaListener.close();
        fills.close();
        book.close();
    }
}
