package io.github.kalshi4j.testkit.ws;

import io.github.kalshi4j.ws.Channel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.testkit.engine.Exchange;
import io.github.kalshi4j.testkit.engine.ExchangeException;
import io.github.kalshi4j.testkit.engine.Fill;
import io.github.kalshi4j.testkit.engine.Market;
import io.github.kalshi4j.testkit.engine.MarketLifecycleEvent;
import io.github.kalshi4j.testkit.engine.MarketPosition;
import io.github.kalshi4j.testkit.engine.OrderGroupUpdate;
import io.github.kalshi4j.testkit.engine.OrderUpdate;
import io.github.kalshi4j.testkit.engine.Orderbook;
import io.github.kalshi4j.testkit.engine.OrderbookDelta;
import io.github.kalshi4j.testkit.engine.Trade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Kalshi's WebSocket protocol on the dispatcher thread: commands in, replies and channel frames out.
 *
 * <p>Everything runs on the gateway's single dispatcher thread, in the order it was handed over: engine events in
 * the order the engine emitted them, commands in the order each connection sent them. That one thread owns every
 * subscription, so {@code seq} is contiguous per subscription and a subscription never sees a frame from before it
 * existed.
 *
 * <p>Order book snapshots must line up with the deltas that follow. The engine numbers nothing, so the gateway
 * numbers its events ({@code eventIndex}, incremented under the engine lock as each event is emitted). A snapshot
 * read while that number stood still reflects exactly the events up to it; the deltas after it continue the
 * snapshot (see {@link #bookAt(String)}).
 */
final class SubscriptionHub {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHub.class);
    private static final int SNAPSHOT_ATTEMPTS = 1_000;

    private final Exchange engine;
    private final ObjectMapper mapper;
    private final AtomicLong eventIndex;
    private final Supplier<Iterable<Connection>> connections;
    private final Map<String, Frames.TickerState> lastTicker = new HashMap<>();
    private final IndexFeeds indexFeeds;
    private final java.util.function.Consumer<String> frameObserver;
    private Map<String, String> tickersById;

    /**
     * @param frameObserver sees every frame the exchange itself sends (not the raw frames of fault injection), for
     *                      spec validation; null for none
     */
    SubscriptionHub(Exchange engine, ObjectMapper mapper, AtomicLong eventIndex, Supplier<Iterable<Connection>> connections,
            IndexFeeds indexFeeds, java.util.function.Consumer<String> frameObserver) {
        this.engine = engine;
        this.mapper = mapper;
        this.eventIndex = eventIndex;
        this.connections = connections;
        this.indexFeeds = indexFeeds;
        this.frameObserver = frameObserver;
    }

    // ================================================================== commands

    /** Handles one text frame from a client. */
    void command(Connection c, String text) {
        Integer id = null;
        try {
            JsonNode root = CommandParams.parse(mapper, text);
            id = CommandParams.commandId(root);
            JsonNode cmd = root.get("cmd");
            String name = cmd != null && cmd.isTextual() ? cmd.asText() : "";
            JsonNode params = root.get("params");
            switch (name) {
                case "subscribe" -> subscribe(c, id, params);
                case "unsubscribe" -> unsubscribe(c, id, params);
                case "update_subscription" -> updateSubscription(c, id, params);
                case "list_subscriptions" -> send(c, Frames.list(id, c.subscriptions()));
                default -> throw CommandError.of(CommandError.UNKNOWN_COMMAND);
            }
        } catch (CommandError e) {
            send(c, Frames.error(id, e));
        } catch (RuntimeException e) {
            LOG.warn("WebSocket command failed: {}", text, e);
            send(c, Frames.error(id, CommandError.of(CommandError.INTERNAL)));
        }
    }

    private void subscribe(Connection c, Integer id, JsonNode params) throws CommandError {
        CommandParams.requireParams(params);
        JsonNode names = params.get("channels");
        if (names == null || !names.isArray() || names.isEmpty()) {
            throw CommandError.of(CommandError.CHANNELS_REQUIRED);
        }
        List<Channel> channels = new ArrayList<>();
        for (JsonNode n : names) {
            Channel channel = n.isTextual() ? Channel.fromWire(n.asText()).orElse(null) : null;
            if (channel == null) {
                throw CommandError.of(CommandError.UNKNOWN_CHANNEL);
            }
            if (!channels.contains(channel)) {
                channels.add(channel);
            }
        }
        CommandParams.checkShards(params);
        boolean initialTicker = CommandParams.flag(params, "send_initial_snapshot");
        boolean skipTickerAck = CommandParams.flag(params, "skip_ticker_ack");
        boolean useYesPrice = CommandParams.flag(params, "use_yes_price");
        Set<String> requested = requestedMarkets(params);
        List<String> indexIds = CommandParams.optionalStrings(params, "index_ids");
        List<String> underlyings = CommandParams.optionalStrings(params, "underlying_tickers");
        // One reply per channel: a channel that cannot be subscribed does not stop the others.
        for (Channel channel : channels) {
            try {
                Subscription sub = subscribeOne(c, id, channel, requested, initialTicker, skipTickerAck, useYesPrice);
                if (isCfBenchmarks(channel)) {
                    sub.addIndices(indexIds);
                } else if (channel == Channel.PYTH_VALUE) {
                    sub.addIndices(underlyings);
                }
            } catch (CommandError e) {
                send(c, Frames.error(id, e));
            }
        }
    }

    private static boolean isCfBenchmarks(Channel channel) {
        return channel == Channel.CFBENCHMARKS_VALUE || channel == Channel.CFBENCHMARKS_VALUE_5HZ;
    }

    private Subscription subscribeOne(Connection c, Integer id, Channel channel, Set<String> requested,
            boolean initialTicker, boolean skipTickerAck, boolean useYesPrice) throws CommandError {
        if (channel.isUserData() && c.userId() == null) {
            throw CommandError.of(CommandError.AUTH_REQUIRED);
        }
        Set<String> markets = switch (channel.marketFilter()) {
            case IGNORED -> null;
            case OPTIONAL -> requested.isEmpty() ? null : requested;
            case REQUIRED -> {
                if (requested.isEmpty()) {
                    throw CommandError.of(CommandError.MARKET_REQUIRED);
                }
                yield requested;
            }
        };
        for (Subscription existing : c.subscriptions(channel)) {
            String overlap = existing.overlap(markets);
            if (overlap != null) {
                throw overlap.isEmpty() ? CommandError.of(CommandError.ALREADY_SUBSCRIBED)
                        : CommandError.forMarket(CommandError.ALREADY_SUBSCRIBED, overlap);
            }
        }
        Map<String, BookAt> books = channel == Channel.ORDERBOOK_DELTA ? books(markets) : Map.of();
        Subscription sub = new Subscription(c.nextSid(), channel, markets, eventIndex.get(), skipTickerAck, useYesPrice);
        c.add(sub);
        send(c, Frames.subscribed(id, channel, sub.sid));
        sendSnapshots(c, sub, books);
        if (channel == Channel.TICKER && initialTicker) {
            sendCurrentTickers(c, sub, sub.markets());
        }
        return sub;
    }

    private void unsubscribe(Connection c, Integer id, JsonNode params) throws CommandError {
        CommandParams.requireParams(params);
        JsonNode sidsNode = params.get("sids");
        if (sidsNode == null || !sidsNode.isArray() || sidsNode.isEmpty()) {
            throw CommandError.of(CommandError.SIDS_REQUIRED);
        }
        Set<Integer> sids = new LinkedHashSet<>();
        for (JsonNode n : sidsNode) {
            sids.add(CommandParams.sid(n));
        }
        // All or nothing: one unknown sid refuses the whole command.
        for (int sid : sids) {
            if (c.subscription(sid) == null) {
                throw CommandError.of(CommandError.UNKNOWN_SID);
            }
        }
        for (int sid : sids) {
            Subscription removed = c.remove(sid);
            send(c, Frames.unsubscribed(id, sid, removed.peekSeq()));
        }
    }

    private void updateSubscription(Connection c, Integer id, JsonNode params) throws CommandError {
        CommandParams.requireParams(params);
        int sid = CommandParams.singleSid(params);
        JsonNode actionNode = params.get("action");
        if (actionNode == null || actionNode.isNull() || (actionNode.isTextual() && actionNode.asText().isEmpty())) {
            throw CommandError.of(CommandError.ACTION_REQUIRED);
        }
        String action = actionNode.isTextual() ? actionNode.asText() : "";
        if (!MARKET_ACTIONS.contains(action) && !INDEX_ACTIONS.contains(action) && !UNDERLYING_ACTIONS.contains(action)) {
            throw CommandError.of(CommandError.UNSUPPORTED_ACTION);
        }
        Subscription sub = c.subscription(sid);
        if (sub == null) {
            throw CommandError.of(CommandError.UNKNOWN_SID);
        }
        if (INDEX_ACTIONS.contains(action) || UNDERLYING_ACTIONS.contains(action)) {
            updateIndices(c, id, sub, action, params);
            return;
        }
        Set<String> requested = requestedMarkets(params);
        switch (action) {
            case "add_markets" -> addMarkets(c, id, sub, requested, CommandParams.flag(params, "send_initial_snapshot"));
            case "delete_markets" -> deleteMarkets(c, id, sub, requested);
            default -> refreshSnapshots(c, id, sub, requested);
        }
    }

    private static final Set<String> MARKET_ACTIONS = Set.of("add_markets", "delete_markets", "get_snapshot");
    private static final Set<String> INDEX_ACTIONS = Set.of("subscribe_indices", "unsubscribe_indices", "indexlist");
    private static final Set<String> UNDERLYING_ACTIONS =
            Set.of("subscribe_underlyings", "unsubscribe_underlyings", "underlying_list");

    /**
     * The index channels' own actions: CF Benchmarks subscriptions take {@code index_ids}, Pyth ones
     * {@code underlying_tickers}; the list actions answer with the ids the channel streams and change nothing.
     */
    private void updateIndices(Connection c, Integer id, Subscription sub, String action, JsonNode params)
            throws CommandError {
        boolean cf = INDEX_ACTIONS.contains(action);
        if (cf ? !isCfBenchmarks(sub.channel) : sub.channel != Channel.PYTH_VALUE) {
            throw CommandError.of(CommandError.UNSUPPORTED_ACTION);
        }
        if (action.equals("indexlist")) {
            boolean fiveHz = sub.channel == Channel.CFBENCHMARKS_VALUE_5HZ;
            send(c, Frames.indexList(id, sub.sid, sub.nextSeq(), fiveHz,
                    fiveHz ? indexFeeds.cfBenchmarks5HzIndices() : indexFeeds.cfBenchmarksIndices()));
            return;
        }
        if (action.equals("underlying_list")) {
            send(c, Frames.underlyingList(id, sub.sid, sub.nextSeq(), indexFeeds.pythUnderlyings()));
            return;
        }
        int required = cf ? CommandError.INDEX_IDS_REQUIRED : CommandError.UNDERLYING_TICKERS_REQUIRED;
        JsonNode list = params.get(cf ? "index_ids" : "underlying_tickers");
        if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
            throw CommandError.of(required);
        }
        List<String> ids = CommandParams.optionalStrings(params, cf ? "index_ids" : "underlying_tickers");
        if (action.startsWith("subscribe_")) {
            sub.addIndices(ids);
        } else {
            sub.removeIndices(ids);
        }
        send(c, cf ? Frames.indices(id, sub.sid, sub.nextSeq(), sub.indexFilter())
                : Frames.underlyings(id, sub.sid, sub.nextSeq(), sub.indexFilter()));
    }

    private void addMarkets(Connection c, Integer id, Subscription sub, Set<String> requested, boolean initialTicker)
            throws CommandError {
        requireMarketList(sub);
        if (requested.isEmpty()) {
            throw CommandError.of(CommandError.MARKET_REQUIRED);
        }
        Set<String> added = new LinkedHashSet<>();
        for (String t : requested) {
            if (!sub.hasMarket(t)) {
                added.add(t);
            }
        }
        Map<String, BookAt> books = sub.channel == Channel.ORDERBOOK_DELTA ? books(added) : Map.of();
        long now = eventIndex.get();
        for (String t : added) {
            sub.addMarket(t);
            sub.marketFrom(t, now);
        }
        send(c, Frames.ok(id, sub));
        sendSnapshots(c, sub, books);
        if (sub.channel == Channel.TICKER && initialTicker) {
            sendCurrentTickers(c, sub, List.copyOf(added));
        }
    }

    private void deleteMarkets(Connection c, Integer id, Subscription sub, Set<String> requested) throws CommandError {
        requireMarketList(sub);
        if (requested.isEmpty()) {
            throw CommandError.of(CommandError.MARKET_REQUIRED);
        }
        for (String t : requested) {
            sub.removeMarket(t);
        }
        send(c, Frames.ok(id, sub));
    }

    /** {@code get_snapshot}: a fresh snapshot of the named markets (default: all of the subscription's). */
    private void refreshSnapshots(Connection c, Integer id, Subscription sub, Set<String> requested) throws CommandError {
        if (sub.channel != Channel.ORDERBOOK_DELTA) {
            throw CommandError.of(CommandError.UNSUPPORTED_ACTION);
        }
        Set<String> targets = requested.isEmpty() ? new LinkedHashSet<>(sub.markets()) : requested;
        for (String t : targets) {
            if (!sub.hasMarket(t)) {
                throw CommandError.forMarket(CommandError.MARKET_NOT_FOUND, t);
            }
        }
        Map<String, BookAt> books = books(targets);
        send(c, Frames.ok(id, sub));
        sendSnapshots(c, sub, books);
    }

    /** Market lists can only change on channels that take them, and not on a subscription to every market. */
    private static void requireMarketList(Subscription sub) throws CommandError {
        if (sub.channel.marketFilter() == Channel.MarketFilter.IGNORED || sub.coversAllMarkets()) {
            throw CommandError.of(CommandError.UNSUPPORTED_ACTION);
        }
    }

    // ------------------------------------------------------------------ parameters
    /**
     * The markets a command names through {@code market_ticker}, {@code market_tickers}, {@code market_id} and
     * {@code market_ids}, as tickers in the order given; each must exist (error 16).
     */
    private Set<String> requestedMarkets(JsonNode params) throws CommandError {
        Set<String> tickers = new LinkedHashSet<>();
        for (String t : CommandParams.strings(params, "market_ticker", "market_tickers")) {
            try {
                tickers.add(engine.getMarket(t).ticker());
            } catch (ExchangeException e) {
                throw CommandError.forMarket(CommandError.MARKET_NOT_FOUND, t);
            }
        }
        for (String marketId : CommandParams.strings(params, "market_id", "market_ids")) {
            String ticker = tickersById().get(marketId);
            if (ticker == null) {
                throw CommandError.forMarketId(CommandError.MARKET_NOT_FOUND, marketId);
            }
            tickers.add(ticker);
        }
        return tickers;
    }

    private Map<String, String> tickersById() {
        if (tickersById == null) {
            Map<String, String> byId = new HashMap<>();
            for (Market m : engine.listMarkets(null)) {
                byId.put(Frames.marketId(m.ticker()), m.ticker());
            }
            tickersById = byId;
        }
        return tickersById;
    }

    // ------------------------------------------------------------------ snapshots

    /** A book and the index of the last engine event it reflects. */
    private record BookAt(Orderbook book, long eventIndex) {
    }

    /**
     * Reads a book at a known position in the event stream. The index is read before and after; when it did not
     * move, every event up to it had been emitted (so its change was made) before the read, and every later event
     * comes from a change made after it. When it moved, the read raced a change and is repeated.
     */
    private BookAt bookAt(String ticker) throws CommandError {
        for (int attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
            long before = eventIndex.get();
            Orderbook book = engine.getOrderbook(ticker, 0);
            if (eventIndex.get() == before) {
                return new BookAt(book, before);
            }
        }
        LOG.warn("no quiet moment to snapshot {} in {} attempts", ticker, SNAPSHOT_ATTEMPTS);
        throw CommandError.forMarket(CommandError.INTERNAL, ticker);
    }

    private Map<String, BookAt> books(Set<String> tickers) throws CommandError {
        Map<String, BookAt> books = new LinkedHashMap<>();
        for (String t : tickers) {
            books.put(t, bookAt(t));
        }
        return books;
    }

    private void sendSnapshots(Connection c, Subscription sub, Map<String, BookAt> books) {
        for (Map.Entry<String, BookAt> e : books.entrySet()) {
            sub.marketFrom(e.getKey(), e.getValue().eventIndex());
            send(c, Frames.snapshot(sub.sid, sub.nextSeq(), e.getValue().book(), sub.useYesPrice));
        }
    }

    private void sendCurrentTickers(Connection c, Subscription sub, List<String> tickers) {
        Instant now = engine.clock().instant();
        for (String t : tickers) {
            sub.nextSeq();
            send(c, Frames.ticker(sub.sid, Frames.TickerState.of(engine.getMarket(t), lastTradeSize(t)), now));
        }
    }

    // ================================================================== engine events

    /** Fans one engine event out to the subscriptions that carry it. */
    void onEvent(long index, Object event) {
        if (event instanceof OrderbookDelta d) {
            for (Connection c : connections.get()) {
                for (Subscription sub : c.subscriptions(Channel.ORDERBOOK_DELTA)) {
                    if (sub.carries(d.ticker(), index)) {
                        send(c, Frames.delta(sub.sid, sub.nextSeq(), d, d.userId().equals(c.userId()), sub.useYesPrice));
                    }
                }
            }
            tickerChanged(index, d.ticker(), d.time());
        } else if (event instanceof Trade t) {
            for (Connection c : connections.get()) {
                for (Subscription sub : c.subscriptions(Channel.TRADE)) {
                    if (sub.carries(t.ticker(), index)) {
                        send(c, Frames.trade(sub.sid, sub.nextSeq(), t));
                    }
                }
            }
            tickerChanged(index, t.ticker(), t.createdTime());
        } else if (event instanceof Fill f) {
            for (Connection c : membersConnections(f.userId())) {
                for (Subscription sub : c.subscriptions(Channel.FILL)) {
                    if (sub.carries(f.ticker(), index)) {
                        sub.nextSeq();
                        send(c, Frames.fill(sub.sid, f));
                    }
                }
            }
        } else if (event instanceof OrderUpdate u) {
            for (Connection c : membersConnections(u.order().userId())) {
                for (Subscription sub : c.subscriptions(Channel.USER_ORDERS)) {
                    if (sub.carries(u.order().ticker(), index)) {
                        sub.nextSeq();
                        send(c, Frames.userOrder(sub.sid, u.order()));
                    }
                }
            }
        } else if (event instanceof MarketPosition p) {
            for (Connection c : membersConnections(p.userId())) {
                for (Subscription sub : c.subscriptions(Channel.MARKET_POSITIONS)) {
                    if (sub.carries(p.ticker(), index)) {
                        sub.nextSeq();
                        send(c, Frames.position(sub.sid, p));
                    }
                }
            }
        } else if (event instanceof OrderGroupUpdate g) {
            for (Connection c : membersConnections(g.userId())) {
                for (Subscription sub : c.subscriptions(Channel.ORDER_GROUP_UPDATES)) {
                    if (sub.carries(null, index)) {
                        send(c, Frames.orderGroup(sub.sid, sub.nextSeq(), g, engine.clock().instant()));
                    }
                }
            }
        } else if (event instanceof MarketLifecycleEvent e) {
            boolean combo = e.market().mveCollectionTicker() != null;
            for (Connection c : connections.get()) {
                for (Subscription sub : c.subscriptions(Channel.MARKET_LIFECYCLE_V2)) {
                    if (sub.carries(e.market().ticker(), index)) {
                        send(c, Frames.lifecycle(sub.sid, sub.nextSeq(), e));
                    }
                }
                // The multivariate channel carries combo markets only.
                for (Subscription sub : combo ? c.subscriptions(Channel.MULTIVARIATE_MARKET_LIFECYCLE) : List.<Subscription>of()) {
                    if (sub.carries(e.market().ticker(), index)) {
                        send(c, Frames.multivariateLifecycle(sub.sid, sub.nextSeq(), e));
                    }
                }
            }
        }
    }

    /** Fans one published index value out to the subscriptions that track its id. */
    void onIndexTick(Object tick) {
        for (Connection c : connections.get()) {
            if (tick instanceof IndexFeeds.CfTick t) {
                for (Subscription sub : c.subscriptions(Channel.CFBENCHMARKS_VALUE)) {
                    if (sub.carriesIndex(t.indexId())) {
                        send(c, Frames.cfBenchmarks(sub.sid, sub.nextSeq(), t));
                    }
                }
                for (Subscription sub : t.on5Hz() ? c.subscriptions(Channel.CFBENCHMARKS_VALUE_5HZ) : List.<Subscription>of()) {
                    if (sub.carriesIndex(t.indexId())) {
                        send(c, Frames.cfBenchmarks5Hz(sub.sid, sub.nextSeq(), t));
                    }
                }
            } else if (tick instanceof IndexFeeds.PythTick t) {
                for (Subscription sub : c.subscriptions(Channel.PYTH_VALUE)) {
                    if (sub.carriesIndex(t.underlying())) {
                        send(c, Frames.pyth(sub.sid, sub.nextSeq(), t));
                    }
                }
            }
        }
    }

    /**
     * The size of the market's last trade (zero before any), for ticker frames; read now, like the market, so it may
     * be a little ahead of the event too.
     */
    private java.math.BigDecimal lastTradeSize(String ticker) {
        return engine.lastTrade(ticker).map(Trade::count).orElse(java.math.BigDecimal.ZERO);
    }

    private List<Connection> membersConnections(String userId) {
        List<Connection> result = new ArrayList<>();
        for (Connection c : connections.get()) {
            if (userId != null && userId.equals(c.userId())) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * Sends a ticker frame to the market's ticker subscribers when a ticker field changed. The market is read now,
     * possibly a little ahead of the event; equal values send nothing, so a burst of events yields one frame.
     */
    private void tickerChanged(long index, String ticker, Instant time) {
        List<Connection> targets = new ArrayList<>();
        List<Subscription> subs = new ArrayList<>();
        for (Connection c : connections.get()) {
            for (Subscription sub : c.subscriptions(Channel.TICKER)) {
                if (sub.carries(ticker, index)) {
                    targets.add(c);
                    subs.add(sub);
                }
            }
        }
        if (subs.isEmpty()) {
            return;
        }
        Frames.TickerState now = Frames.TickerState.of(engine.getMarket(ticker), lastTradeSize(ticker));
        if (now.equals(lastTicker.put(ticker, now))) {
            return;
        }
        for (int i = 0; i < subs.size(); i++) {
            subs.get(i).nextSeq();
            send(targets.get(i), Frames.ticker(subs.get(i).sid, now, time));
        }
    }

    // ================================================================== faults

    /** Makes the next frame of every sequenced subscription jump by {@code n} extra numbers. */
    void skipSeq(int n) {
        for (Connection c : connections.get()) {
            for (Subscription sub : c.subscriptions()) {
                if (sub.channel.isSequenced()) {
                    sub.skip(n);
                }
            }
        }
    }

    /** Sends a raw text frame to every connection. */
    void broadcast(String text) {
        for (Connection c : connections.get()) {
            c.send(text);
        }
    }

    // ================================================================== output

    private void send(Connection c, Object payload) {
        try {
            String frame = mapper.writeValueAsString(payload);
            if (frameObserver != null) {
                frameObserver.accept(frame);
            }
            c.send(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }
}
