package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an inbound text frame goes: replies to {@link Commands}; data frames by {@code sid} to their subscription,
 * through the {@link SequenceGate} and, for order books, {@link BookSync}, then to the subscription's listener or
 * buffer and to the channel and message handlers. Frames of a sid just given up are dropped; frames of no known sid
 * still reach the handlers.
 *
 * <p>Market data takes the one-pass decode ({@link FrameDecoder#decodeData}) and nothing on that path allocates
 * beyond what decoding and the consumer's buffer need. Handlers are registered from any thread; everything else runs
 * on the actor thread.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiWebSocket.class);

    private record Route(Subscription<?> subscription, Channel channel) {
    }

    private final ObjectMapper mapper;
    private final FrameDecoder decoder;
    private final Commands commands;
    private final SequenceGate gate;
    private final BookSync books;
    private final Consumer<Throwable> errors;
    private final Map<Long, Route> routes = new HashMap<>();
    private final Set<Long> retiredSids = Commands.recent();
    private final CopyOnWriteArrayList<Consumer<? super WsMessage>> messageHandlers = new CopyOnWriteArrayList<>();
    // Channels newer than the SDK get their list on first registration.
    private final Map<Channel, CopyOnWriteArrayList<Consumer<? super WsMessage>>> channelHandlers =
            new ConcurrentHashMap<>();

    Router(ObjectMapper mapper, FrameDecoder decoder, Commands commands, SequenceGate gate, BookSync books,
            Consumer<Throwable> errors) {
        this.mapper = mapper;
        this.decoder = decoder;
        this.commands = commands;
        this.gate = gate;
        this.books = books;
        this.errors = errors;
    }

    // ------------------------------------------------------------------ handlers (any thread)

    Registration onMessage(Consumer<? super WsMessage> l) {
        messageHandlers.add(l);
        return () -> messageHandlers.remove(l);
    }

    Registration on(Channel channel, Consumer<? super WsMessage> l) {
        List<Consumer<? super WsMessage>> list = channelHandlers.computeIfAbsent(channel,
                c -> new CopyOnWriteArrayList<>());
        list.add(l);
        return () -> list.remove(l);
    }

    // ------------------------------------------------------------------ routes

    /** Frames of {@code sid} go to {@code sub}'s {@code channel} from now on. */
    void route(long sid, Subscription<?> sub, Channel channel) {
        routes.put(sid, new Route(sub, channel));
    }

    /** {@code sid} is given up: its frames still in flight are dropped. */
    void retire(long sid) {
        routes.remove(sid);
        retiredSids.add(sid);
    }

    /** The connection is gone, and every sid with it. */
    void connectionLost() {
        routes.clear();
    }

    /** A new connection opened: sids number the subscriptions of one connection; the old connection's mean nothing. */
    void connectionOpened() {
        retiredSids.clear();
    }

    // ------------------------------------------------------------------ inbound

    /** One text frame of the current connection. */
    void onText(String text) {
        // Market data decodes in one pass straight from the text; replies, unknown types and whatever that pass
        // declines are read into a tree.
        WsMessage data = decoder.decodeData(text);
        if (data != null) {
            onData(data.type(), data);
            return;
        }
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            errors.accept(new KalshiWebSocketException("unreadable frame ignored: " + abbreviate(text), e));
            return;
        }
        if (frame == null || !frame.isObject()) {
            errors.accept(new KalshiWebSocketException("non-object frame ignored: " + abbreviate(text)));
            return;
        }
        String type = frame.path("type").asText("");
        if (FrameDecoder.isReply(type)) {
            commands.onReply(frame.path("id").asInt(0), type, frame);
        } else {
            onData(type, decoder.decode(type, frame));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private void onData(String type, WsMessage message) {
        long sid = message.sid();
        Route route = sid == 0 ? null : routes.get(sid);
        if (route == null) {
            if (sid != 0 && retiredSids.contains(sid)) {
                // Frames still in flight for a subscription that was just cancelled.
                return;
            }
            dispatchHandlers(Channel.forMessageType(type).orElse(null), message);
            return;
        }
        Subscription<?> sub = route.subscription();
        Channel channel = route.channel();
        if (!gate.admit(sub, channel, sid, message)) {
            return;
        }
        if (Channel.ORDERBOOK_DELTA.equals(channel)) {
            if (message instanceof WsMessage.Unknown && Channel.ORDERBOOK_DELTA.messageTypes().contains(type)) {
                // The decoder reported it already. Whatever the frame said is missing from the book now.
                books.frameLost(sub, ((WsMessage.Unknown) message).json().path("msg").path("market_ticker")
                        .asText(null));
            } else if (!books.apply(sub, message)) {
                return;
            }
        }
        deliver(sub, message);
        dispatchHandlers(channel, message);
    }

    private void deliver(Subscription<?> sub, WsMessage message) {
        if (sub.isClosed()) {
            return;
        }
        Consumer<? super WsMessage> listener = sub.listener();
        if (listener != null) {
            try {
                listener.accept(message);
            } catch (Throwable t) {
                errors.accept(t);
            }
            return;
        }
        if (sub.feed() != null) {
            offer(sub, message);
        }
    }

    private <T> void offer(Subscription<T> sub, WsMessage message) {
        // Before the type filter: a stream of deltas only must still learn that the snapshot came.
        if (message instanceof WsMessage.OrderbookSnapshot) {
            message.marketTicker().ifPresent(sub.consumerAwaitingSnapshot::remove);
        } else if (message instanceof WsMessage.OrderbookDelta
                && message.marketTicker().map(sub.consumerAwaitingSnapshot::contains).orElse(false)) {
            return;
        }
        if (!sub.elementType().isInstance(message)) {
            return;
        }
        boolean book = sub.channels().contains(Channel.ORDERBOOK_DELTA);
        Consumer<T> onEvict = !book ? null : evicted -> books.consumerEvicted(sub, evicted, message);
        if (sub.feed().offer(sub.elementType().cast(message), onEvict) == Feed.Offer.OVERFLOWED) {
            LOG.warn("kalshi4j WebSocket: {} fell {} messages behind; its consumer gets a KalshiBackpressureException",
                    sub, sub.feed().capacity());
            if (book) {
                books.consumerOverflowed(sub);
            }
        }
    }

    private void dispatchHandlers(Channel channel, WsMessage message) {
        List<Consumer<? super WsMessage>> forChannel = channel == null ? null : channelHandlers.get(channel);
        if (forChannel != null) {
            for (Consumer<? super WsMessage> h : forChannel) {
                try {
                    h.accept(message);
                } catch (Throwable t) {
                    errors.accept(t);
                }
            }
        }
        for (Consumer<? super WsMessage> h : messageHandlers) {
            try {
                h.accept(message);
            } catch (Throwable t) {
                errors.accept(t);
            }
        }
    }
}
