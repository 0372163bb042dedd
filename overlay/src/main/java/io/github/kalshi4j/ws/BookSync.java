package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a subscription's local order books true to the server: applies snapshots and deltas, marks books stale when a
 * frame is lost or unusable, and brings them back with a snapshot ({@code get_snapshot}, or a resubscribe where the
 * server has none), at most one request in flight per subscription and spaced out by the reconnect policy's
 * ceilings, so a server that poisons every frame gets one request per cap, not one per frame. Actor thread only.
 */
final class BookSync {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);
    /**
     * How long a subscription's books must go without a resync before the resync backoff starts over. Long enough
     * that a server poisoning the stream continuously climbs to the cap; short enough that bad frames a few
     * seconds apart are each repaired at once (found by the reliability suite's poisoned-books scenarios: with the
     * whole cap, 30 s, here, a book poisoned once every second or two stayed stale for tens of seconds).
     */
    static final Duration BOOKS_QUIET = Duration.ofSeconds(1);

    private final ActorContext actor;
    private final Wire wire;
    private final Commands commands;
    private final ReconnectPolicy backoff;
    private final Duration snapshotGrace;
    private final Consumer<Throwable> errors;
    private final Consumer<Subscription<?>> resubscribe;
    private boolean getSnapshotUnsupported;

    /**
     * @param backoff whose ceilings space out the resync requests of one subscription
     * @param snapshotGrace how long promised snapshots may take before a book still stale is asked for again
     * @param resubscribe replaces a subscription's sids with fresh ones, whose subscribe brings snapshots
     */
    BookSync(ActorContext actor, Wire wire, Commands commands, ReconnectPolicy backoff, Duration snapshotGrace,
            Consumer<Throwable> errors, Consumer<Subscription<?>> resubscribe) {
        this.actor = actor;
        this.wire = wire;
        this.commands = commands;
        this.backoff = backoff;
        this.snapshotGrace = snapshotGrace;
        this.errors = errors;
        this.resubscribe = resubscribe;
    }

    // ------------------------------------------------------------------ frames

    /** Applies an orderbook frame to the subscription's local book; false if consumers must not see it. */
    boolean apply(Subscription<?> sub, WsMessage message) {
        long seq = message.seq().orElse(0);
        if (message instanceof WsMessage.OrderbookSnapshot) {
            WsMessage.OrderbookSnapshot snapshot = (WsMessage.OrderbookSnapshot) message;
            if (snapshot.msg() == null || snapshot.msg().marketTicker() == null) {
                errors.accept(new KalshiWebSocketException("orderbook_snapshot without a market ignored (sid "
                        + snapshot.sid() + ")"));
                return false;
            }
            String market = snapshot.msg().marketTicker();
            LocalOrderbook book = sub.books.computeIfAbsent(market, LocalOrderbook::new);
            ApplyResult result = book.applySnapshot(seq, BookRows.yes(snapshot.msg()), BookRows.no(snapshot.msg()));
            publish(sub);
            if (!result.isApplied()) {
                resyncSoon(sub, true);
                return false;
            }
            return true;
        }
        if (message instanceof WsMessage.OrderbookDelta) {
            WsMessage.OrderbookDelta delta = (WsMessage.OrderbookDelta) message;
            if (delta.msg() == null || delta.msg().marketTicker() == null) {
                errors.accept(new KalshiWebSocketException("orderbook_delta without a market ignored (sid "
                        + delta.sid() + ")"));
                return false;
            }
            LocalOrderbook book = sub.books.computeIfAbsent(delta.msg().marketTicker(), LocalOrderbook::new);
            boolean wasStale = book.isStale();
            ApplyResult result = book.applyDelta(seq, BookRows.side(delta.msg()), BookRows.price(delta.msg()),
                    BookRows.delta(delta.msg()));
            if (result.isApplied() || !wasStale) {
                publish(sub);
            }
            if (result.requiresResync()) {
                resyncSoon(sub, true);
            } else if (result == ApplyResult.IGNORED_STALE) {
                // A stale book nobody is fixing would stay stale for good: this delta is the reminder.
                resyncSoon(sub, false);
            }
            // Deltas on a stale book belong to a state nobody has; withholding them keeps every stream replayable.
            return result.isApplied();
        }
        return true;
    }

    /** An orderbook frame for {@code market} (null: unknown) could not be used: its book can no longer be trusted. */
    void frameLost(Subscription<?> sub, String market) {
        if (market != null) {
            sub.books.computeIfAbsent(market, LocalOrderbook::new).markStale();
        } else {
            markStale(sub);
        }
        awaitSnapshot(sub, market);
        publish(sub);
        resyncSoon(sub, true);
    }

    /** A gap or regression in the sid's {@code seq}: every book of the subscription may have missed deltas. */
    void sequenceBroken(Subscription<?> sub) {
        markStale(sub);
        resyncSoon(sub, true);
    }

    /** The socket dropped inbound frames: books and the pull consumer's view of them both need a snapshot. */
    void framesDropped(Subscription<?> sub) {
        markStale(sub);
        awaitSnapshot(sub, null);
        resyncSoon(sub, true);
    }

    /**
     * The pull consumer's buffer lost {@code evicted} (DROP_OLDEST) while {@code incoming} was offered: what it
     * builds from that market's frames is wrong until a snapshot. An older frame of the market a snapshot is now
     * arriving for is no loss, though.
     */
    void consumerEvicted(Subscription<?> sub, Object evicted, WsMessage incoming) {
        String market = evicted instanceof WsMessage ? ((WsMessage) evicted).marketTicker().orElse(null) : null;
        if (market != null && incoming instanceof WsMessage.OrderbookSnapshot
                && market.equals(incoming.marketTicker().orElse(null))) {
            return;
        }
        awaitSnapshot(sub, market);
        resyncSoon(sub, true);
    }

    /** The pull consumer's buffer overflowed under FAIL: it rebuilds every market from a snapshot. */
    void consumerOverflowed(Subscription<?> sub) {
        awaitSnapshot(sub, null);
        resyncSoon(sub, true);
    }

    /** The consumer's stream of {@code market} (null: every market of {@code sub}) must restart from a snapshot. */
    static void awaitSnapshot(Subscription<?> sub, String market) {
        if (market != null) {
            sub.consumerAwaitingSnapshot.add(market);
        } else {
            sub.consumerAwaitingSnapshot.addAll(sub.books.keySet());
        }
    }

    /** Forgets the books of markets the subscription no longer has. */
    static void drop(Subscription<?> sub, List<String> tickers) {
        for (String t : tickers) {
            sub.books.remove(t);
            sub.consumerAwaitingSnapshot.remove(t);
        }
    }

    /** Marks every book of {@code sub} stale and tells its handles. */
    void markStale(Subscription<?> sub) {
        for (LocalOrderbook book : sub.books.values()) {
            book.markStale();
        }
        publish(sub);
    }

    private static void publish(Subscription<?> sub) {
        if (sub.bookFeed != null) {
            sub.bookFeed.publish();
        }
    }

    // ------------------------------------------------------------------ resync

    /**
     * Asks for a resync unless one is in flight, no sooner than the backoff allows. {@code certain}: the books are
     * known to be wrong (an unusable frame); otherwise (a delta found a stale book) snapshots answering the last
     * resync may still be on their way, and the timer armed for them decides instead.
     */
    void resyncSoon(Subscription<?> sub, boolean certain) {
        if (sub.isClosed() || sub.resyncInFlight || sub.resyncTimerArmed || !wire.isOpen()) {
            return;
        }
        long now = actor.nanoTime();
        if (!certain && now - sub.snapshotsDueNanos < 0) {
            return;
        }
        long wait = sub.resyncAttempts == 0 ? 0 : sub.resyncNotBeforeNanos - now;
        if (wait <= 0) {
            resync(sub);
            return;
        }
        sub.resyncTimerArmed = true;
        long gen = wire.generation();
        actor.schedule(() -> {
            sub.resyncTimerArmed = false;
            if (gen == wire.generation() && needsSnapshot(sub)) {
                resync(sub);
            }
        }, Duration.ofNanos(wait));
    }

    /**
     * Brings a subscription's books back to a snapshot: {@code get_snapshot} where the server supports it, else a
     * fresh subscribe (new sid) behind the same handle. Only {@link #resyncSoon} calls this, so every request waits
     * out the backoff.
     */
    private void resync(Subscription<?> sub) {
        if (sub.isClosed() || sub.resyncInFlight || !wire.isOpen()) {
            return;
        }
        Long sid = sub.sids.get(Channel.ORDERBOOK_DELTA);
        if (sid == null) {
            // Not live: the next subscribe brings snapshots.
            return;
        }
        long now = actor.nanoTime();
        // The backoff starts over once the books have gone BOOKS_QUIET without needing a resync, so an isolated bad
        // frame is repaired at once however many came before it. Books made fresh and poisoned again sooner (a server
        // that keeps sending bad frames or absurd seqs) keep it climbing up to the cap: such a server gets one
        // request per cap at most, not one per bad frame.
        if (sub.resyncAttempts > 0 && now - sub.lastResyncNanos > BOOKS_QUIET.toNanos()) {
            sub.resyncAttempts = 0;
        }
        sub.resyncInFlight = true;
        sub.resyncAttempts++;
        sub.lastResyncNanos = now;
        sub.resyncNotBeforeNanos = now + backoff.ceilingForAttempt(sub.resyncAttempts).toNanos();
        if (getSnapshotUnsupported) {
            resubscribe.accept(sub);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        done.whenComplete((v, e) -> {
            if (e != null && !(e instanceof KalshiWebSocketException)) {
                actor.execute(() -> {
                    if (e instanceof KalshiSubscriptionException && ((KalshiSubscriptionException) e).code() == 13) {
                        // Unsupported action: this server has no get_snapshot; do not ask again.
                        getSnapshotUnsupported = true;
                    }
                    LOG.info("kalshi4j WebSocket: get_snapshot failed ({}); resubscribing {}", e.getMessage(), sub);
                    if (!sub.isClosed() && wire.isOpen()) {
                        resubscribe.accept(sub);
                    }
                });
            }
        });
        getSnapshot(sub, sid, done);
    }

    /** {@code update_subscription} with {@code get_snapshot} on {@code sid}; {@code f} completes on the {@code ok}. */
    void getSnapshot(Subscription<?> sub, long sid, CompletableFuture<Void> f) {
        int id = commands.nextId();
        commands.send(new Commands.OnOk(id, "update_subscription") {
            @Override
            void ok(JsonNode frame) {
                sub.resyncInFlight = false;
                expectSnapshots(sub);
                f.complete(null);
            }

            @Override
            void fail(KalshiException error) {
                sub.resyncInFlight = false;
                f.completeExceptionally(error);
            }

            @Override
            void connectionLost(KalshiWebSocketException cause) {
                f.complete(null);
            }
        }, Commands.updateSubscription(id, sid, "get_snapshot", null));
    }

    /** Snapshots were promised (subscribed, or get_snapshot ok): if a book is still stale by the deadline, ask again. */
    void expectSnapshots(Subscription<?> sub) {
        if (!sub.channels().contains(Channel.ORDERBOOK_DELTA)) {
            return;
        }
        sub.snapshotsDueNanos = actor.nanoTime() + snapshotGrace.toNanos();
        long gen = wire.generation();
        actor.schedule(() -> {
            if (gen == wire.generation() && !sub.isClosed() && !sub.resyncInFlight && hasStaleBook(sub)) {
                LOG.info("kalshi4j WebSocket: no usable snapshot within {} for {}; asking again", snapshotGrace, sub);
                resyncSoon(sub, true);
            }
        }, snapshotGrace);
    }

    /** A book is stale, or a pull consumer lost frames and waits for a snapshot to rebuild from. */
    private static boolean needsSnapshot(Subscription<?> sub) {
        // Only a feed ever clears consumerAwaitingSnapshot (when it is offered the snapshot), so only a feed's counts.
        return hasStaleBook(sub) || (sub.feed() != null && !sub.consumerAwaitingSnapshot.isEmpty());
    }

    private static boolean hasStaleBook(Subscription<?> sub) {
        for (LocalOrderbook b : sub.books.values()) {
            if (b.isStale()) {
                return true;
            }
        }
        return false;
    }
}
