package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiSubscriptionException;
import io.github.kalshi4j.errors.KalshiTimeoutException;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import io.github.kalshi4j.ws.model.ListSubscriptionsCommandPayload;
import io.github.kalshi4j.ws.model.UpdateSubscriptionCommandPayload;
import io.github.kalshi4j.ws.model.UpdateSubscriptionCommandPayloadParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands and their replies: numbering by {@code id}, the pending table, the command timeout, and replies nobody
 * waits for any more. What a reply means is the command's own business ({@link Pending}); this class only finds the
 * command a reply belongs to. Actor thread only, except {@link #nextId()}.
 */
final class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);
    /** Ids and sids remembered after their command or subscription was abandoned; late replies come within seconds. */
    static final int RETIRED_LIMIT = 1024;

    /** A command awaiting its reply. */
    abstract static class Pending {
        final int id;
        final String command;
        private ActorContext.Timer timeout = ActorContext.Timer.NONE;

        Pending(int id, String command) {
            this.id = id;
            this.command = command;
        }

        /** Handles a non-error reply; true when the command is complete. */
        abstract boolean reply(String type, JsonNode frame);

        /** The server rejected the command, it timed out, or the socket ended. */
        abstract void fail(KalshiException error);

        /** The connection dropped before the reply; by default the command fails. */
        void connectionLost(KalshiWebSocketException cause) {
            fail(new KalshiWebSocketException(command + " was not answered before the connection was lost", cause));
        }

        final void cancelTimeout() {
            timeout.cancel();
        }
    }

    /** A command the server answers with {@code ok}, which completes it; other replies are not its own. */
    abstract static class OnOk extends Pending {

        OnOk(int id, String command) {
            super(id, command);
        }

        @Override
        final boolean reply(String type, JsonNode frame) {
            if (!"ok".equals(type)) {
                return false;
            }
            ok(frame);
            return true;
        }

        /** The server's {@code ok}. */
        abstract void ok(JsonNode frame);
    }

    /** Work that needs an open connection, held until one opens. */
    private record Deferred(Runnable run, Consumer<Throwable> fail) {
    }

    private final ObjectMapper mapper;
    private final ActorContext actor;
    private final Wire wire;
    private final Duration timeout;
    private final Consumer<Throwable> errors;
    private final LongConsumer orphanSubscribed;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Pending> pending = new HashMap<>();
    private final Set<Integer> retiredIds = recent();
    private final List<Deferred> whenOpen = new ArrayList<>();

    /**
     * @param timeout how long a command waits for its reply
     * @param errors hears error replies to commands nobody waits for
     * @param orphanSubscribed hears the sid of a {@code subscribed} reply nobody waits for, so it does not leak
     */
    Commands(ObjectMapper mapper, ActorContext actor, Wire wire, Duration timeout, Consumer<Throwable> errors,
            LongConsumer orphanSubscribed) {
        this.mapper = mapper;
        this.actor = actor;
        this.wire = wire;
        this.timeout = timeout;
        this.errors = errors;
        this.orphanSubscribed = orphanSubscribed;
    }

    /** A set of the most recent {@value #RETIRED_LIMIT} elements added. */
    static <E> Set<E> recent() {
        return Collections.newSetFromMap(new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<E, Boolean> eldest) {
                return size() > RETIRED_LIMIT;
            }
        });
    }

    /** The next command id; any thread. */
    int nextId() {
        int id = ids.incrementAndGet();
        if (id <= 0) {
            // Ids must stay positive (0 means "no id" to the server); wrap after two billion commands.
            ids.set(1);
            id = 1;
        }
        return id;
    }

    /** Sends {@code command} (a model or a tree) for {@code p}, which then waits for its reply or its timeout. */
    void send(Pending p, Object command) {
        if (!wire.isOpen()) {
            p.connectionLost(new KalshiWebSocketException("not connected"));
            return;
        }
        String text;
        try {
            text = mapper.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            p.fail(new KalshiWebSocketException("could not encode " + p.command, e));
            return;
        }
        pending.put(p.id, p);
        p.timeout = actor.schedule(() -> {
            if (pending.remove(p.id) == p) {
                retiredIds.add(p.id);
                p.fail(new KalshiTimeoutException(p.command, 1, "no reply within the command timeout " + timeout, null));
            }
        }, timeout);
        LOG.debug("kalshi4j WebSocket -> {}", text);
        wire.send(text);
    }

    /**
     * An {@code update_subscription} command on one sid: {@code action} with {@code tickers} (null for an action
     * that names no markets, like {@code get_snapshot}).
     */
    static UpdateSubscriptionCommandPayload updateSubscription(int id, long sid, String action, List<String> tickers) {
        UpdateSubscriptionCommandPayloadParams.Builder params = UpdateSubscriptionCommandPayloadParams.builder()
                .addSids(Math.toIntExact(sid)).action(action);
        if (tickers != null) {
            params.marketTickers(tickers);
        }
        return UpdateSubscriptionCommandPayload.builder().id(id).cmd("update_subscription").params(params.build())
                .build();
    }

    /** A reply frame ({@code subscribed}, {@code ok}, {@code error}, ...) with its {@code id} (0: none). */
    void onReply(int id, String type, JsonNode frame) {
        Pending p = id == 0 ? null : pending.get(id);
        if (p == null) {
            orphanReply(id, type, frame);
            return;
        }
        if ("error".equals(type)) {
            pending.remove(id);
            retiredIds.add(id);
            p.cancelTimeout();
            p.fail(rejection(p.command, frame));
            return;
        }
        if (p.reply(type, frame)) {
            pending.remove(id);
            p.cancelTimeout();
        }
    }

    private static KalshiSubscriptionException rejection(String command, JsonNode frame) {
        JsonNode msg = frame.path("msg");
        return new KalshiSubscriptionException(command, msg.path("code").asInt(0),
                msg.hasNonNull("msg") ? msg.get("msg").asText() : null);
    }

    private void orphanReply(int id, String type, JsonNode frame) {
        if ("subscribed".equals(type)) {
            // A subscription nobody waits for any more (timed out, failed, closed): do not leak it.
            long sid = frame.path("msg").path("sid").asLong(0);
            if (sid > 0) {
                orphanSubscribed.accept(sid);
            }
            return;
        }
        if ("error".equals(type) && !retiredIds.contains(id)) {
            errors.accept(rejection(null, frame));
            return;
        }
        LOG.debug("kalshi4j WebSocket: {} reply for no pending command (id {})", type, id);
    }

    /** How many commands wait for a reply. */
    int pendingCount() {
        return pending.size();
    }

    /**
     * Runs {@code run} at once if connected, else when the next connection opens ({@link #opened()}); {@code fail}
     * hears the end of the socket if none does.
     */
    void whenOpen(Runnable run, Consumer<Throwable> fail) {
        if (wire.isOpen()) {
            run.run();
        } else {
            whenOpen.add(new Deferred(run, fail));
        }
    }

    /** A connection opened: what waited for one runs now. */
    void opened() {
        List<Deferred> queued = new ArrayList<>(whenOpen);
        whenOpen.clear();
        queued.forEach(d -> d.run().run());
    }

    /**
     * The connection is gone: every command in flight hears it ({@link Pending#connectionLost}). Each command's step
     * goes through {@code step}, which carries on past whatever one of them throws.
     */
    void connectionLost(KalshiWebSocketException cause, Consumer<Runnable> step) {
        for (Pending p : drain()) {
            step.accept(() -> {
                p.cancelTimeout();
                p.connectionLost(cause);
            });
        }
    }

    /** The socket ended: every command in flight and everything waiting for a connection fails with {@code end}. */
    void end(KalshiException end, Consumer<Runnable> step) {
        for (Pending p : drain()) {
            step.accept(() -> {
                p.cancelTimeout();
                p.fail(end);
            });
        }
        List<Deferred> queued = new ArrayList<>(whenOpen);
        whenOpen.clear();
        queued.forEach(d -> step.accept(() -> d.fail().accept(end)));
    }

    private List<Pending> drain() {
        List<Pending> inFlight = new ArrayList<>(pending.values());
        pending.clear();
        return inFlight;
    }

    /** {@code list_subscriptions}, sent once connected; completes {@code f} with what the server lists. */
    void listSubscriptions(CompletableFuture<List<ServerSubscription>> f) {
        whenOpen(() -> {
            int id = nextId();
            send(new Pending(id, "list_subscriptions") {
                @Override
                boolean reply(String type, JsonNode frame) {
                    JsonNode msg = frame.get("msg");
                    List<ServerSubscription> out = new ArrayList<>();
                    if (msg != null && msg.isArray()) {
                        for (JsonNode entry : msg) {
                            out.add(new ServerSubscription(entry.path("channel").asText(""),
                                    entry.path("sid").asLong(0)));
                        }
                    }
                    f.complete(List.copyOf(out));
                    return true;
                }

                @Override
                void fail(KalshiException error) {
                    f.completeExceptionally(error);
                }
            }, ListSubscriptionsCommandPayload.builder().id(id).cmd("list_subscriptions").build());
        }, f::completeExceptionally);
    }
}
