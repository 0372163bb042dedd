package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiStreamGapException;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.ws.model.UnsubscribeCommandPayload;
import io.github.kalshi4j.ws.model.UnsubscribeCommandPayloadParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions the user holds and their life on the server: subscribe and confirm (binding each channel's sid
 * to its route), resubscribe after a reconnect or a transient rejection, unsubscribe, and the ending of a subscription
 * with its futures, feed and book handles. Kalshi allows one {@code orderbook_delta} subscription per market and
 * connection, so order book handles ({@link #bookFeeds}) and the user's own book subscriptions never overlap. Actor
 * thread only, except {@link #view()}.
 */
final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);
    /** Transient rejections of one resubscribe retried before it fails like a permanent one. */
    static final int TRANSIENT_RETRY_LIMIT = 5;

    /** What a subscription's life needs of the socket; called on the actor thread. */
    interface Host {
        /** The socket's state. */
        ConnectionState state();

        /** Drops the connection (alive but no use) and reconnects, which resubscribes everything. */
        void reconnect(KalshiWebSocketException cause);

        /** A subscription was confirmed or ended: the connection may have proven healthy. */
        void healthChanged();
    }

    private final ObjectMapper mapper;
    private final ActorContext actor;
    private final Wire wire;
    private final Commands commands;
    private final Router router;
    private final BookSync books;
    private final ReconnectPolicy retryBackoff;
    private final Consumer<Throwable> errors;
    private final Host host;
    private final LinkedHashSet<Subscription<?>> all = new LinkedHashSet<>();
    private volatile List<Subscription<?>> view = List.of();
    /** The shared feed behind every open {@link OrderbookHandle} of a market, by market. */
    final Map<String, BookFeed> bookFeeds = new java.util.HashMap<>();

    /** @param retryBackoff whose ceilings space out the retries of a transiently rejected resubscribe */
    Subscriptions(ObjectMapper mapper, ActorContext actor, Wire wire, Commands commands, Router router, BookSync books,
            ReconnectPolicy retryBackoff, Consumer<Throwable> errors, Host host) {
        this.mapper = mapper;
        this.actor = actor;
        this.wire = wire;
        this.commands = commands;
        this.router = router;
        this.books = books;
        this.retryBackoff = retryBackoff;
        this.errors = errors;
        this.host = host;
    }

    /** The user's subscriptions (not the internal ones behind book handles); any thread. */
    List<Subscription<?>> view() {
        return view;
    }

    boolean contains(Subscription<?> sub) {
        return all.contains(sub);
    }

    private void publishView() {
        List<Subscription<?>> out = new ArrayList<>();
        for (Subscription<?> s : all) {
            if (!s.isInternal()) {
                out.add(s);
            }
        }
        view = List.copyOf(out);
    }

    // ------------------------------------------------------------------ subscribing

    /**
     * Takes {@code sub} on and subscribes it if connected (else when the connection opens). False if it was refused
     * (its market's book is held by a handle) and ended at once.
     */
    boolean add(Subscription<?> sub) {
        if (!sub.isInternal() && sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
            for (String market : sub.markets) {
                if (bookFeeds.containsKey(market)) {
                    sub.markClosed();
                    sub.ready.completeExceptionally(heldByHandle(market));
                    return false;
                }
            }
        }
        all.add(sub);
        publishView();
        if (wire.isOpen()) {
            send(sub);
        }
        return true;
    }

    /*
     * Kalshi allows one orderbook_delta subscription per market and connection (a second one is rejected with
     * error 6, "Already subscribed"). orderbook(..) handles and user subscriptions therefore cannot overlap; the
     * client refuses the overlap itself, saying which side holds the market, rather than let the server's generic
     * rejection (or, on a resubscribe, the end of the subscription) tell.
     */

    static IllegalStateException heldByHandle(String market) {
        return new IllegalStateException("orderbook_delta for " + market + " is held by an open orderbook(\"" + market
                + "\") handle on this socket, and Kalshi allows one orderbook_delta subscription per market and "
                + "connection: use the handle's views, or close every handle for " + market + " first");
    }

    /** The user's own open orderbook_delta subscription of {@code market}, or null. */
    Subscription<?> userBookSubscription(String market) {
        for (Subscription<?> s : all) {
            if (!s.isInternal() && !s.isClosed() && s.channels().contains(Channel.ORDERBOOK_DELTA)
                    && s.markets.contains(market)) {
                return s;
            }
        }
        return null;
    }

    /** A connection opened: every open subscription not already on its way is subscribed on it. */
    void opened() {
        for (Subscription<?> sub : new ArrayList<>(all)) {
            if (!sub.isClosed() && sub.pendingSubscribeId == 0) {
                send(sub);
            }
        }
    }

    /** True when every open subscription is confirmed on the current connection. */
    boolean allLive() {
        for (Subscription<?> sub : all) {
            if (!sub.isClosed() && (sub.pendingSubscribeId != 0 || sub.sids.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private void send(Subscription<?> sub) {
        ObjectNode params;
        try {
            params = subscribeParams(sub.currentRequest());
        } catch (RuntimeException invalid) {
            // The parameters were checked when the request was built; this is the encoder failing on a value.
            fail(sub, new IllegalArgumentException("invalid subscribe request " + sub.request() + ": "
                    + invalid.getMessage(), invalid), true);
            return;
        }
        int id = commands.nextId();
        sub.pendingSubscribeId = id;
        ObjectNode command = mapper.createObjectNode();
        command.put("id", id);
        command.put("cmd", "subscribe");
        command.set("params", params);
        commands.send(new SubscribePending(id, sub), command);
    }

    /**
     * The {@code params} of a subscribe command: the channels by wire name (so a channel newer than the SDK goes out
     * as given), the subscription's current markets, then the request's other spec parameters as the generated model
     * writes them.
     */
    private ObjectNode subscribeParams(SubscribeRequest req) {
        ObjectNode params = mapper.createObjectNode();
        ArrayNode channels = params.putArray("channels");
        req.channels().forEach(c -> channels.add(c.wire()));
        if (req.singleTicker()) {
            params.put("market_ticker", req.marketTickers().get(0));
        } else if (!req.marketTickers().isEmpty()) {
            ArrayNode tickers = params.putArray("market_tickers");
            req.marketTickers().forEach(tickers::add);
        }
        JsonNode rest = mapper.valueToTree(req.params());
        for (Map.Entry<String, JsonNode> e : rest.properties()) {
            if (!params.has(e.getKey())) {
                params.set(e.getKey(), e.getValue());
            }
        }
        return params;
    }

    private final class SubscribePending extends Commands.Pending {
        private final Subscription<?> sub;
        private final Set<Channel> awaiting;

        SubscribePending(int id, Subscription<?> sub) {
            super(id, "subscribe");
            this.sub = sub;
            this.awaiting = new LinkedHashSet<>(sub.channels());
        }

        @Override
        boolean reply(String type, JsonNode frame) {
            if (!"subscribed".equals(type)) {
                return false;
            }
            JsonNode msg = frame.path("msg");
            long sid = msg.path("sid").asLong(0);
            String named = msg.path("channel").asText(null);
            Channel channel = awaiting.stream().filter(c -> c.wire().equals(named)).findFirst()
                    // A server spelling the channel differently still answers in order.
                    .orElse(awaiting.isEmpty() ? null : awaiting.iterator().next());
            if (channel == null || sid <= 0) {
                return false;
            }
            awaiting.remove(channel);
            if (sub.isClosed() || !all.contains(sub)) {
                orphanSubscribed(sid);
            } else {
                sub.bind(channel, sid);
                router.route(sid, sub, channel);
            }
            if (!awaiting.isEmpty()) {
                return false;
            }
            sub.pendingSubscribeId = 0;
            if (!sub.isClosed()) {
                sub.resyncInFlight = false;
                sub.transientRetries = 0;
                books.expectSnapshots(sub);
                if (sub.ready.isDone()) {
                    signalGap(sub);
                }
                completeReady(sub);
                List<CompletableFuture<Void>> queued = new ArrayList<>(sub.afterBound);
                sub.afterBound.clear();
                queued.forEach(q -> q.complete(null));
            }
            host.healthChanged();
            return true;
        }

        @Override
        void fail(KalshiException error) {
            sub.pendingSubscribeId = 0;
            ConnectionState state = host.state();
            if (error instanceof KalshiSubscriptionException && sub.ready.isDone() && !sub.isClosed()
                    && state == ConnectionState.OPEN && all.contains(sub)
                    && isTransient(((KalshiSubscriptionException) error).code())
                    && sub.transientRetries < TRANSIENT_RETRY_LIMIT) {
                retryResubscribe(sub, (KalshiSubscriptionException) error);
                return;
            }
            if (error instanceof KalshiTimeoutException && sub.ready.isDone() && !sub.isClosed()
                    && state == ConnectionState.OPEN) {
                // A resubscription the server never answered (it went quiet while we reconnected, then came back):
                // the user's subscription is still wanted, so start over on a fresh connection instead of ending it.
                host.reconnect(new KalshiWebSocketException("no reply to the resubscription of " + sub.request()
                        + "; reconnecting", error));
                return;
            }
            Subscriptions.this.fail(sub, error, !(state == ConnectionState.CLOSED || sub.isClosed()));
        }

        @Override
        void connectionLost(KalshiWebSocketException cause) {
            // Sent again with every other subscription once the next connection opens.
            sub.pendingSubscribeId = 0;
        }
    }

    /**
     * Error codes of the AsyncAPI spec that say nothing about the request itself: 1 "Unable to process message"
     * (general processing error), 17 "Internal error", 18 "Command timeout". A resubscribe the server accepted
     * before is worth asking again after one of these; every other code describes the request and stays final.
     */
    static boolean isTransient(int code) {
        return code == 1 || code == 17 || code == 18;
    }

    private void retryResubscribe(Subscription<?> sub, KalshiSubscriptionException error) {
        // A partly accepted subscribe leaves sids on the server; start the retry from nothing.
        unbind(sub);
        sub.transientRetries++;
        Duration delay = retryBackoff.ceilingForAttempt(sub.transientRetries);
        LOG.info("kalshi4j WebSocket: resubscribe of {} rejected with transient error {} ({}); retry {} of {} in {}",
                sub, error.code(), error.getMessage(), sub.transientRetries, TRANSIENT_RETRY_LIMIT, delay);
        long gen = wire.generation();
        // Not a connection timer: a reconnect meanwhile resubscribes everything by itself, and the generation tells.
        actor.schedule(() -> {
            if (gen == wire.generation() && wire.isOpen() && !sub.isClosed() && all.contains(sub)
                    && sub.pendingSubscribeId == 0 && sub.sids.isEmpty()) {
                send(sub);
            }
        }, delay);
    }

    /**
     * A pull feed under FAIL promises not to lose messages silently, but the server does not replay what it sent
     * while the subscription was down (fills, user orders, order groups...): say so, once, in stream order.
     * Order books need no such signal on an orderbook-only subscription: the snapshots that follow rebuild them.
     */
    private static void signalGap(Subscription<?> sub) {
        Feed<?> feed = sub.feed();
        if (feed == null || feed.policy() != OverflowPolicy.FAIL) {
            return;
        }
        boolean onlyBooks = sub.channels().stream().allMatch(Channel.ORDERBOOK_DELTA::equals);
        if (onlyBooks) {
            return;
        }
        feed.gap(new KalshiStreamGapException(sub + " was resubscribed after " + sub.resubscribeReason
                + "; messages sent meanwhile may be missing: reconcile over REST"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // ready is a future of the subscription's own type
    private static void completeReady(Subscription<?> sub) {
        ((CompletableFuture) sub.ready).complete(sub);
    }

    /** Resubscribes {@code sub} with fresh sids, for snapshots of its books where {@code get_snapshot} cannot help. */
    void resubscribeForBooks(Subscription<?> sub) {
        sub.resubscribeReason = "an order book resynchronization";
        unbind(sub);
        books.markStale(sub);
        sub.resyncInFlight = true;
        send(sub);
    }

    // ------------------------------------------------------------------ losing and ending

    /** The server rejected (or never confirmed) a subscription: it ends for good with {@code error}. */
    void fail(Subscription<?> sub, RuntimeException error, boolean report) {
        boolean wasConfirmed = sub.ready.isDone();
        unbind(sub);
        all.remove(sub);
        publishView();
        end(sub, error, error);
        if (report && wasConfirmed) {
            errors.accept(error);
        }
        host.healthChanged();
    }

    private void end(Subscription<?> sub, RuntimeException failure, RuntimeException readyFailure) {
        sub.markClosed();
        sub.ready.completeExceptionally(readyFailure);
        List<CompletableFuture<Void>> waiting = new ArrayList<>(sub.afterBound);
        sub.afterBound.clear();
        waiting.forEach(w -> w.completeExceptionally(failure != null ? failure : readyFailure));
        if (sub.feed() != null) {
            if (failure == null) {
                sub.feed().close();
            } else {
                sub.feed().fail(failure);
            }
        }
        if (sub.bookFeed != null) {
            bookFeeds.remove(sub.bookFeed.marketTicker, sub.bookFeed);
            sub.bookFeed.end(failure);
        }
    }

    /** The connection is gone: every subscription waits for the next one, its books stale until fresh snapshots. */
    void connectionLost(Consumer<Runnable> step) {
        for (Subscription<?> sub : new ArrayList<>(all)) {
            step.accept(() -> {
                sub.pendingSubscribeId = 0;
                sub.unbindAll();
                sub.resubscribeReason = "a reconnect";
                books.markStale(sub);
            });
        }
    }

    /**
     * The socket ended: every subscription ends, cleanly ({@code failure} null) or with {@code failure}; one waiting
     * for its first confirmation fails with {@code end}.
     */
    void endAll(KalshiException failure, KalshiException end, Consumer<Runnable> step) {
        for (Subscription<?> sub : new ArrayList<>(all)) {
            step.accept(() -> end(sub, failure, end));
        }
        all.clear();
        publishView();
    }

    /**
     * The socket dropped {@code capacity}-overflowing inbound frames: books resynchronize, and pull consumers under
     * FAIL learn that messages may be missing.
     */
    void framesDropped(int capacity) {
        for (Subscription<?> sub : new ArrayList<>(all)) {
            if (sub.isClosed()) {
                continue;
            }
            if (sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
                books.framesDropped(sub);
            }
            Feed<?> feed = sub.feed();
            if (feed != null && feed.policy() == OverflowPolicy.FAIL) {
                feed.gap(new KalshiStreamGapException(sub + ": the socket dropped inbound frames while its dispatch "
                        + "thread was behind (inbound queue of " + capacity + " full); messages may be missing"));
            }
        }
    }

    // ------------------------------------------------------------------ unsubscribing

    /** Unsubscribes and ends {@code sub} cleanly; {@code f} completes when the server confirmed every sid. */
    void unsubscribe(Subscription<?> sub, CompletableFuture<Void> f) {
        if (sub.isClosed()) {
            f.complete(null);
            return;
        }
        all.remove(sub);
        publishView();
        List<CompletableFuture<Void>> acks = unbind(sub);
        end(sub, null, new KalshiWebSocketException("the subscription was closed before it was confirmed"));
        CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
            if (e != null) {
                f.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e);
            } else {
                f.complete(null);
            }
        });
    }

    /** Gives up every sid of {@code sub} on the server; the futures complete with the server's confirmations. */
    private List<CompletableFuture<Void>> unbind(Subscription<?> sub) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Long sid : new ArrayList<>(sub.sids.values())) {
            router.retire(sid);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            sendUnsubscribe(sid, ack);
            acks.add(ack);
        }
        sub.unbindAll();
        return acks;
    }

    /** A {@code subscribed} reply nobody waits for any more (timed out, failed, closed): do not leak it. */
    void orphanSubscribed(long sid) {
        router.retire(sid);
        sendUnsubscribe(sid, null);
    }

    private void sendUnsubscribe(long sid, CompletableFuture<Void> ack) {
        if (!wire.isOpen()) {
            if (ack != null) {
                ack.complete(null);
            }
            return;
        }
        int id = commands.nextId();
        commands.send(new Commands.Pending(id, "unsubscribe") {
            @Override
            boolean reply(String type, JsonNode frame) {
                if ("unsubscribed".equals(type) || "ok".equals(type)) {
                    if (ack != null) {
                        ack.complete(null);
                    }
                    return true;
                }
                return false;
            }

            @Override
            void fail(KalshiException error) {
                if (ack != null) {
                    ack.completeExceptionally(error);
                } else if (!(error instanceof KalshiWebSocketException)) {
                    errors.accept(error);
                }
            }

            @Override
            void connectionLost(KalshiWebSocketException cause) {
                // The server forgets every subscription of a lost connection.
                if (ack != null) {
                    ack.complete(null);
                }
            }
        }, UnsubscribeCommandPayload.builder().id(id).cmd("unsubscribe")
                .params(UnsubscribeCommandPayloadParams.builder().addSids(Math.toIntExact(sid)).build()).build());
    }
}
