package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.internal.KalshiMappers;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link BookSync} on its own, on the test thread as the actor with a clock the test moves: books applied and marked
 * stale, resyncs bounded to one in flight and spaced by the policy's ceilings, a server without {@code get_snapshot}.
 */
class BookSyncTest {

    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final ReconnectPolicy BACKOFF = ReconnectPolicy.of(Duration.ofMillis(250), Duration.ofSeconds(30), 0);
    private static final long SID = 7;

    private final ManualActor actor = new ManualActor();
    private final RecordingWire wire = new RecordingWire();
    private final List<Throwable> errors = new ArrayList<>();
    private final Commands commands = new Commands(KalshiMappers.create(), actor, wire, Duration.ofSeconds(10),
            errors::add, sid -> { });
    private final List<Subscription<?>> resubscribed = new ArrayList<>();
    private final BookSync sync = new BookSync(actor, wire, commands, BACKOFF, GRACE, errors::add,
            resubscribed::add);
    private final Subscription<WsMessage> sub = Frames.pull(Channel.ORDERBOOK_DELTA, "A");

    BookSyncTest() {
        sub.bind(Channel.ORDERBOOK_DELTA, SID);
    }

    private List<JsonNode> snapshotRequests() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : wire.commands("update_subscription")) {
            if ("get_snapshot".equals(c.path("params").path("action").asText())) {
                out.add(c);
            }
        }
        return out;
    }

    private void answerOk(JsonNode command) throws Exception {
        int id = command.path("id").asInt();
        commands.onReply(id, "ok", KalshiMappers.create().readTree("{\"id\":" + id + ",\"type\":\"ok\"}"));
    }

    private void answerError(JsonNode command, int code) throws Exception {
        int id = command.path("id").asInt();
        commands.onReply(id, "error", KalshiMappers.create().readTree("{\"id\":" + id
                + ",\"type\":\"error\",\"msg\":{\"code\":" + code + "}}"));
    }

    private boolean poisonedDelta(long seq) {
        // Drives the level below zero: the book disagrees with the exchange.
        return sync.apply(sub, Frames.delta(SID, seq, "A", "0.5000", "-999.00"));
    }

    @Test
    void aSnapshotThenADeltaBuildTheBook() {
        assertTrue(sync.apply(sub, Frames.snapshot(SID, 1, "A")));
        assertTrue(sync.apply(sub, Frames.delta(SID, 2, "A", "0.5000", "2.50")));

        LocalOrderbook book = sub.books.get("A");
        assertFalse(book.isStale());
        assertEquals(0, new BigDecimal("12.50").compareTo(book.snapshot().yesBids().get(0).count()));
        assertTrue(wire.sent.isEmpty());
    }

    @Test
    void aPoisonedDeltaIsWithheldMarksTheBookStaleAndAsksForOneSnapshot() {
        sync.apply(sub, Frames.snapshot(SID, 1, "A"));
        assertFalse(poisonedDelta(2));

        assertTrue(sub.books.get("A").isStale());
        assertEquals(1, snapshotRequests().size());
        assertEquals(SID, snapshotRequests().get(0).path("params").path("sids").get(0).asLong());

        // Every further frame on the stale book while the request is in flight asks nothing more.
        assertFalse(sync.apply(sub, Frames.delta(SID, 3, "A", "0.5000", "1.00")));
        poisonedDelta(4);
        assertEquals(1, snapshotRequests().size());
    }

    @Test
    void aServerThatKeepsPoisoningTheBookGetsRequestsSpacedByTheBackoff() throws Exception {
        sync.apply(sub, Frames.snapshot(SID, 1, "A"));
        poisonedDelta(2);
        answerOk(snapshotRequests().get(0));
        sync.apply(sub, Frames.snapshot(SID, 3, "A"));

        // Poisoned again at once: the second request waits out the first one's ceiling.
        poisonedDelta(4);
        assertEquals(1, snapshotRequests().size());
        actor.advance(BACKOFF.ceilingForAttempt(1).minusMillis(1));
        assertEquals(1, snapshotRequests().size());
        actor.advance(Duration.ofMillis(1));
        assertEquals(2, snapshotRequests().size());

        // And the third the second's, twice as long.
        answerOk(snapshotRequests().get(1));
        sync.apply(sub, Frames.snapshot(SID, 5, "A"));
        poisonedDelta(6);
        actor.advance(BACKOFF.ceilingForAttempt(2).minusMillis(1));
        assertEquals(2, snapshotRequests().size());
        actor.advance(Duration.ofMillis(1));
        assertEquals(3, snapshotRequests().size());
    }

    @Test
    void booksStillStaleWhenThePromisedSnapshotsAreDueAreAskedForAgain() throws Exception {
        sync.apply(sub, Frames.snapshot(SID, 1, "A"));
        poisonedDelta(2);
        answerOk(snapshotRequests().get(0));

        // No snapshot comes.
        actor.advance(GRACE.plus(BACKOFF.ceilingForAttempt(2)));

        assertEquals(2, snapshotRequests().size());
    }

    @Test
    void aServerWithoutGetSnapshotIsResubscribedAndNeverAskedAgain() throws Exception {
        sync.apply(sub, Frames.snapshot(SID, 1, "A"));
        poisonedDelta(2);
        answerError(snapshotRequests().get(0), 13);
        assertEquals(List.of(sub), resubscribed);

        // The resubscribe brought a snapshot; the next poisoned frame goes straight to a resubscribe.
        sub.resyncInFlight = false;
        sync.apply(sub, Frames.snapshot(SID, 3, "A"));
        poisonedDelta(4);
        actor.advance(Duration.ofSeconds(60));
        assertEquals(1, snapshotRequests().size());
        assertEquals(2, resubscribed.size());
    }

    @Test
    void nothingIsAskedWhileNotConnected() {
        sync.apply(sub, Frames.snapshot(SID, 1, "A"));
        wire.lose();
        poisonedDelta(2);
        actor.advance(Duration.ofSeconds(60));
        assertTrue(wire.sent.isEmpty());
        assertTrue(sub.books.get("A").isStale());
    }

    @Test
    void anUnusableFrameMarksItsMarketStaleAndTheConsumerWaitsForItsSnapshot() {
        sync.apply(sub, Frames.snapshot(SID, 1, "A"));
        sync.frameLost(sub, "A");
        assertTrue(sub.books.get("A").isStale());
        assertEquals(java.util.Set.of("A"), sub.consumerAwaitingSnapshot);
        assertEquals(1, snapshotRequests().size());
    }

    @Test
    void aFrameEvictedForTheSnapshotNowArrivingIsNoLoss() {
        WsMessage olderDelta = Frames.delta(SID, 2, "A", "0.5000", "1.00");
        sync.consumerEvicted(sub, olderDelta, Frames.snapshot(SID, 3, "A"));
        assertTrue(sub.consumerAwaitingSnapshot.isEmpty());

        sync.consumerEvicted(sub, olderDelta, Frames.delta(SID, 3, "A", "0.5000", "1.00"));
        assertEquals(java.util.Set.of("A"), sub.consumerAwaitingSnapshot);
    }

    @Test
    void droppingMarketsForgetsTheirBooks() {
        sync.apply(sub, Frames.snapshot(SID, 1, "A"));
        sub.consumerAwaitingSnapshot.add("A");
        BookSync.drop(sub, List.of("A"));
        assertTrue(sub.books.isEmpty());
        assertTrue(sub.consumerAwaitingSnapshot.isEmpty());
    }

    @Test
    void anExplicitSnapshotRequestCompletesOnTheServersOk() throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        sync.getSnapshot(sub, SID, f);
        assertFalse(f.isDone());
        answerOk(snapshotRequests().get(0));
        assertTrue(f.isDone() && !f.isCompletedExceptionally());
    }
}
