package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerContainer;
import org.glassfish.tyrus.spi.ServerContainer;

/**
 * A small Kalshi-protocol WebSocket server for the client's tests, on Tyrus's own server. It speaks
 * the AsyncAPI 2.0.0 commands and replies (with the spec's error codes), keeps one order book per
 * market, numbers sequenced channels per sid like Kalshi, and can be scripted to misbehave: skip or
 * repeat a seq, send a frame with any seq, fail or ignore a command, refuse {@code get_snapshot}, close
 * connections, refuse a handshake signed with an unknown key (401).
 *
 * <p>All state is guarded by the server's monitor; frames are sent with the blocking remote while
 * holding it, so every connection sees frames in the order the test produced them.
 */
final class KalshiWsTestServer implements AutoCloseable {

    static final String PATH = "/trade-api/ws/v2";
    // The channel facts come from the generated catalogue, as the client's do: no second channel table.
    static final Set<String> PRIVATE_CHANNELS = wires(Channel::isUserData);
    static final Set<String> ALL_CHANNELS = wires(c -> true);
    private static final Set<String> SEQUENCED = wires(Channel::isSequenced);

    private static Set<String> wires(java.util.function.Predicate<Channel> which) {
        return Channel.known().stream().filter(which).map(Channel::wire)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    // Held so the settings stick (java.util.logging keeps loggers weakly): Grizzly announces every start and stop.
    private static final java.util.logging.Logger GRIZZLY = java.util.logging.Logger.getLogger("org.glassfish.grizzly");

    static {
        GRIZZLY.setLevel(java.util.logging.Level.WARNING);
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ServerContainer container;
    private final int port;

    // Recorded for assertions.
    private final List<Map<String, List<String>>> handshakes = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Map<String, List<String>>> unclaimedHandshakes = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> commands = new CopyOnWriteArrayList<>();
    private final List<CloseReason> closes = new CopyOnWriteArrayList<>();
    private final List<String> pongs = new CopyOnWriteArrayList<>();
    private final List<Map<String, List<String>>> refusedHandshakes = new CopyOnWriteArrayList<>();
    // Null: any key is accepted. Read on Tyrus's handshake thread, hence volatile rather than the monitor.
    private volatile Set<String> knownKeys;

    // Behaviour switches and scripted faults; guarded by this.
    private boolean supportsGetSnapshot = true;
    private String listReplyType = "ok";
    private final Set<String> unsupportedChannels = new LinkedHashSet<>();
    private final Set<String> newerChannels = new LinkedHashSet<>();
    private int marketLimit = Integer.MAX_VALUE;
    private final Map<String, int[]> failNext = new HashMap<>();
    private final Map<String, String> failNextMessage = new HashMap<>();
    private final Set<String> ignoreNext = new LinkedHashSet<>();
    private final Set<String> ignoreAlways = new LinkedHashSet<>();
    private boolean closeOnOpen;
    private int suppressSnapshots;
    private int corruptSnapshots;

    // Exchange state; guarded by this.
    private final Map<String, Book> books = new HashMap<>();
    private final List<Conn> connections = new ArrayList<>();
    private int opened;
    private final List<Object[]> held = new ArrayList<>();
    private final Set<String> holdNext = new LinkedHashSet<>();

    /** One client connection and its subscriptions. */
    final class Conn {
        final Session session;
        final boolean authenticated;
        final Map<String, List<String>> headers;
        final Map<Long, Sub> subs = new LinkedHashMap<>();
        long nextSid;

        Conn(Session session, Map<String, List<String>> headers, long firstSid) {
            this.session = session;
            this.nextSid = firstSid;
            this.headers = headers;
            this.authenticated = headers != null && header(headers, "KALSHI-ACCESS-KEY") != null
                    && header(headers, "KALSHI-ACCESS-SIGNATURE") != null && header(headers, "KALSHI-ACCESS-TIMESTAMP") != null;
        }
    }

    /** One server subscription. */
    static final class Sub {
        final long sid;
        final String channel;
        final LinkedHashSet<String> markets;
        final boolean skipTickerAck;
        long seq;
        ObjectNode lastFrame;

        Sub(long sid, String channel, LinkedHashSet<String> markets, boolean skipTickerAck) {
            this.sid = sid;
            this.channel = channel;
            this.markets = markets;
            this.skipTickerAck = skipTickerAck;
        }

        boolean covers(String market) {
            return markets.isEmpty() || market == null || markets.contains(market);
        }
    }

    /** A market's book: price (4 dp) to count, per side. */
    static final class Book {
        final TreeMap<BigDecimal, BigDecimal> yes = new TreeMap<>();
        final TreeMap<BigDecimal, BigDecimal> no = new TreeMap<>();

        TreeMap<BigDecimal, BigDecimal> side(String side) {
            return "yes".equals(side) ? yes : no;
        }
    }

    private KalshiWsTestServer() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ConnEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
                        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                        headers.putAll(request.getHeaders());
                        handshakes.add(headers);
                        Set<String> known = knownKeys;
                        String key = header(headers, "KALSHI-ACCESS-KEY");
                        if (known != null && key != null && !known.contains(key)) {
                            // What Kalshi does for a key it does not know. Tyrus turns a HandshakeException thrown
                            // here into a response with its status and opens no connection (a status merely set on
                            // the response would still open one); the configurator's signature cannot declare it.
                            refusedHandshakes.add(headers);
                            throw KalshiWsTestServer.<RuntimeException>unchecked(
                                    new org.glassfish.tyrus.core.HandshakeException(401, "Unauthorized"));
                        }
                        unclaimedHandshakes.add(headers);
                    }

                })
                .build();
        // Tyrus instantiates endpoints itself (no-arg constructor); this is how each one finds its server.
        config.getUserProperties().put(KalshiWsTestServer.class.getName(), this);
        container = new GrizzlyServerContainer().createContainer(new HashMap<>());
        container.addEndpoint(config);
        // Port 0: an ephemeral port, so tests never collide. Tyrus's Grizzly container binds every interface;
        // the client always dials 127.0.0.1.
        container.start("/", 0);
        port = ((org.glassfish.tyrus.server.TyrusServerContainer) container).getPort();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T unchecked(Throwable checked) throws T {
        throw (T) checked;
    }

    static KalshiWsTestServer start() {
        try {
            return new KalshiWsTestServer();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test WebSocket server", e);
        }
    }

    int port() {
        return port;
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + port + PATH);
    }

    @Override
    public void close() {
        container.stop();
    }

    /** The Tyrus endpoint for one connection; hands everything to the server. */
    public static final class ConnEndpoint extends Endpoint {
        private KalshiWsTestServer server;
        private Conn conn;

        /** Called by Tyrus once per connection. */
        public ConnEndpoint() {
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            server = (KalshiWsTestServer) config.getUserProperties().get(KalshiWsTestServer.class.getName());
            conn = server.opened(session);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> server.onCommand(conn, text));
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> server.ponged(pong));
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            if (server != null) {
                server.closed(conn, reason);
            }
        }
    }

    private synchronized Conn opened(Session session) {
        // Sids are the server's to choose; starting each connection elsewhere makes a client's remapping visible.
        Conn c = new Conn(session, unclaimedHandshakes.poll(), 1 + 100L * opened);
        opened++;
        connections.add(c);
        notifyAll();
        if (closeOnOpen) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "flapping"));
            } catch (IOException e) {
                // Already gone.
            }
        }
        return c;
    }

    private synchronized void ponged(PongMessage pong) {
        java.nio.ByteBuffer data = pong.getApplicationData();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        pongs.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        notifyAll();
    }

    private synchronized void closed(Conn conn, CloseReason reason) {
        closes.add(reason);
        connections.remove(conn);
        notifyAll();
    }

    // ------------------------------------------------------------------ scripting API

    synchronized void setSupportsGetSnapshot(boolean supported) {
        supportsGetSnapshot = supported;
    }

    synchronized void setListReplyType(String type) {
        listReplyType = type;
    }

    synchronized void unsupportChannel(String channel) {
        unsupportedChannels.add(channel);
    }

    /**
     * The most markets one subscription may hold: a subscribe or add_markets beyond it fails with the spec's code 26,
     * "Subscription market limit exceeded".
     */
    synchronized void setMarketLimit(int limit) {
        marketLimit = limit;
    }

    /** Accepts subscriptions to a channel the generated catalogue does not know, as a newer Kalshi server would. */
    synchronized void supportNewerChannel(String channel) {
        newerChannels.add(channel);
    }

    /**
     * From now on a handshake signed with a key id outside {@code ids} is refused with 401 and opens no connection
     * (an unsigned handshake still opens one, limited to public channels); {@code null}: every key is accepted.
     */
    void knownKeys(Set<String> ids) {
        knownKeys = ids == null ? null : Set.copyOf(ids);
    }

    /** The next command named {@code cmd} is answered with this error. */
    synchronized void failNext(String cmd, int code, String message) {
        failNext(cmd, code, message, 1);
    }

    /** The next {@code times} commands named {@code cmd} are answered with this error. */
    synchronized void failNext(String cmd, int code, String message, int times) {
        failNext.put(cmd, new int[] {code, times});
        failNextMessage.put(cmd, message);
    }

    /** Every command named {@code cmd} from now on gets no reply at all (false: back to normal). */
    synchronized void ignoreAll(String cmd, boolean ignore) {
        if (ignore) {
            ignoreAlways.add(cmd);
        } else {
            ignoreAlways.remove(cmd);
        }
    }

    /** While true, every new connection is closed by the server right after its handshake. */
    synchronized void closeOnOpen(boolean close) {
        closeOnOpen = close;
    }

    /** The next {@code n} snapshots are numbered but never sent, as if lost on the way. */
    synchronized void suppressSnapshots(int n) {
        suppressSnapshots = n;
    }

    /** The next {@code n} snapshots are sent with a body that does not fit the spec's model. */
    synchronized void corruptSnapshots(int n) {
        corruptSnapshots = n;
    }

    /** The next command named {@code cmd} gets no reply at all. */
    synchronized void ignoreNext(String cmd) {
        ignoreNext.add(cmd);
    }

    /** The next command named {@code cmd} is held back until {@link #releaseHeld()}. */
    synchronized void holdNext(String cmd) {
        holdNext.add(cmd);
    }

    /** Processes the held commands now, as if they had just arrived. */
    synchronized void releaseHeld() {
        List<Object[]> now = new ArrayList<>(held);
        held.clear();
        for (Object[] h : now) {
            process((Conn) h[0], (JsonNode) h[1]);
        }
    }

    synchronized int connectionsOpened() {
        return opened;
    }

    /** Sets a market's book without telling anyone (the next snapshot carries it). */
    synchronized void setBook(String market, String[][] yes, String[][] no) {
        Book b = new Book();
        for (String[] row : yes) {
            b.yes.put(new BigDecimal(row[0]).setScale(4), new BigDecimal(row[1]));
        }
        for (String[] row : no) {
            b.no.put(new BigDecimal(row[0]).setScale(4), new BigDecimal(row[1]));
        }
        books.put(market, b);
    }

    synchronized Book book(String market) {
        return books.computeIfAbsent(market, m -> new Book());
    }

    /** Changes a level and sends the delta to every orderbook subscription covering the market. */
    synchronized void bookDelta(String market, String side, String price, String delta) {
        Book b = book(market);
        BigDecimal p = new BigDecimal(price).setScale(4);
        BigDecimal next = b.side(side).getOrDefault(p, BigDecimal.ZERO).add(new BigDecimal(delta));
        if (next.signum() == 0) {
            b.side(side).remove(p);
        } else {
            b.side(side).put(p, next);
        }
        ObjectNode msg = obj().put("market_ticker", market).put("market_id", marketId(market))
                .put("price_dollars", p.toPlainString()).put("delta_fp", delta).put("side", side)
                .put("ts", "2026-08-11T01:15:15.566273Z");
        for (Conn c : List.copyOf(connections)) {
            for (Sub s : List.copyOf(c.subs.values())) {
                if (Channel.ORDERBOOK_DELTA.wire().equals(s.channel) && s.covers(market)) {
                    sendData(c, s, "orderbook_delta", msg.deepCopy());
                }
            }
        }
    }

    /** Sends a data frame to every subscription on {@code channel} covering {@code market} (null: all). */
    synchronized int publish(String channel, String type, String market, ObjectNode msg) {
        int sent = 0;
        for (Conn c : List.copyOf(connections)) {
            for (Sub s : List.copyOf(c.subs.values())) {
                if (s.channel.equals(channel) && s.covers(market)) {
                    sendData(c, s, type, msg.deepCopy());
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Sends a data frame on one subscription of the latest connection, numbered like any other. */
    synchronized void sendTo(long sid, String type, ObjectNode msg) {
        sendData(latest(), latest().subs.get(sid), type, msg);
    }

    /**
     * Sends a data frame on one subscription of the latest connection carrying {@code seq} as given, leaving the
     * subscription's own numbering where it was: a poisoned frame, after which the server goes on as before.
     */
    synchronized void sendWithSeq(long sid, String type, ObjectNode msg, long seq) {
        ObjectNode frame = obj().put("type", type).put("sid", sid).put("seq", seq);
        frame.set("msg", msg);
        send(latest(), frame.toString());
    }

    /** The next seq {@code sid} of the latest connection will use. */
    synchronized long nextSeq(long sid) {
        return latest().subs.get(sid).seq + 1;
    }

    /** Makes the next frame of {@code sid} (on the latest connection) jump {@code n} numbers ahead. */
    synchronized void skipSeq(long sid, int n) {
        latest().subs.get(sid).seq += n;
    }

    /** Sends the latest frame of {@code sid} again, same seq. */
    synchronized void repeatLast(long sid) {
        Sub s = latest().subs.get(sid);
        send(latest(), s.lastFrame.toString());
    }

    /** Sends a copy of the latest frame of {@code sid} with an older seq. */
    synchronized void sendWithSeq(long sid, long seq) {
        Sub s = latest().subs.get(sid);
        ObjectNode copy = s.lastFrame.deepCopy();
        copy.put("seq", seq);
        send(latest(), copy.toString());
    }

    /** Forgets a subscription of the latest connection without telling the client. */
    synchronized void closeSidQuietly(long sid) {
        latest().subs.remove(sid);
    }

    /** Sends raw text on the latest connection. */
    synchronized void sendRaw(String text) {
        send(latest(), text);
    }

    /** Pings every connection the way Kalshi does every 10 s (payload {@code heartbeat}). */
    synchronized void pingAll(String payload) throws IOException {
        for (Conn c : List.copyOf(connections)) {
            c.session.getBasicRemote().sendPing(java.nio.ByteBuffer.wrap(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Payloads of the pongs received, in order. */
    List<String> pongs() {
        return pongs;
    }

    /** Closes every connection from the server side, with a close frame. */
    synchronized void closeAll(CloseReason.CloseCode code) {
        for (Conn c : new ArrayList<>(connections)) {
            try {
                c.session.close(new CloseReason(code, "test server closing"));
            } catch (IOException e) {
                // Already gone.
            }
        }
    }

    // ------------------------------------------------------------------ observation API

    List<Map<String, List<String>>> handshakes() {
        return handshakes;
    }

    /** The handshakes answered with 401, in order. */
    List<Map<String, List<String>>> refusedHandshakes() {
        return refusedHandshakes;
    }

    static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    List<JsonNode> commands() {
        return commands;
    }

    List<JsonNode> commands(String cmd) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : commands) {
            if (cmd.equals(c.path("cmd").asText())) {
                out.add(c);
            }
        }
        return out;
    }

    List<CloseReason> closes() {
        return closes;
    }

    synchronized int openConnections() {
        return connections.size();
    }

    /**
     * The newest open connection. Waits briefly for one: a client sees the handshake's 101 before the
     * server has registered the connection.
     */
    synchronized Conn latest() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (connections.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("no open connection");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for a connection", e);
            }
        }
        return connections.get(connections.size() - 1);
    }

    /** Sids of the latest connection, by channel. */
    synchronized Map<String, Long> sids() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Sub s : latest().subs.values()) {
            out.put(s.channel, s.sid);
        }
        return out;
    }

    synchronized int subscriptionCount() {
        return connections.isEmpty() ? 0 : latest().subs.size();
    }

    /** Waits until {@code condition} holds for the server, checking whenever its state changes. */
    synchronized void await(Predicate<KalshiWsTestServer> condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    // ------------------------------------------------------------------ protocol

    private synchronized void onCommand(Conn conn, String text) {
        JsonNode cmd;
        try {
            cmd = json.readTree(text);
        } catch (IOException e) {
            reply(conn, error(0, 1, "Unable to process message"));
            return;
        }
        commands.add(cmd);
        notifyAll();
        String name = cmd.path("cmd").asText("");
        if (ignoreNext.remove(name) || ignoreAlways.contains(name)) {
            return;
        }
        if (holdNext.remove(name)) {
            held.add(new Object[] {conn, cmd});
            return;
        }
        process(conn, cmd);
    }

    private void process(Conn conn, JsonNode cmd) {
        int id = cmd.path("id").asInt(0);
        String name = cmd.path("cmd").asText("");
        int[] scripted = failNext.get(name);
        if (scripted != null) {
            String message = failNextMessage.get(name);
            if (--scripted[1] <= 0) {
                failNext.remove(name);
                failNextMessage.remove(name);
            }
            reply(conn, error(id, scripted[0], message));
            return;
        }
        switch (name) {
            case "subscribe":
                subscribe(conn, id, cmd.get("params"));
                break;
            case "unsubscribe":
                unsubscribe(conn, id, cmd.get("params"));
                break;
            case "update_subscription":
                update(conn, id, cmd.get("params"));
                break;
            case "list_subscriptions":
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (Sub s : conn.subs.values()) {
                    list.add(obj().put("channel", s.channel).put("sid", s.sid));
                }
                ObjectNode r = obj().put("id", id).put("type", listReplyType);
                r.set("msg", list);
                reply(conn, r);
                break;
            default:
                reply(conn, error(id, 5, "Unknown command"));
        }
    }

    private void subscribe(Conn conn, int id, JsonNode params) {
        if (params == null || !params.isObject()) {
            reply(conn, error(id, 2, "Params required"));
            return;
        }
        JsonNode channels = params.get("channels");
        if (channels == null || !channels.isArray() || channels.isEmpty()) {
            reply(conn, error(id, 3, "Channels required"));
            return;
        }
        JsonNode factor = params.get("shard_factor");
        JsonNode key = params.get("shard_key");
        if (key != null && factor == null) {
            reply(conn, error(id, 20, "shard_factor is required when shard_key is set"));
            return;
        }
        if (factor != null && factor.asInt() <= 0) {
            reply(conn, error(id, 19, "shard_factor must be > 0"));
            return;
        }
        if (factor != null && factor.asInt() > 100) {
            reply(conn, error(id, 22, "shard_factor must be <= 100"));
            return;
        }
        if (key != null && (key.asInt() < 0 || key.asInt() >= factor.asInt())) {
            reply(conn, error(id, 21, "shard_key must be >= 0 and < shard_factor"));
            return;
        }
        LinkedHashSet<String> markets;
        try {
            markets = markets(params);
        } catch (IllegalArgumentException bad) {
            reply(conn, error(id, 11, "Invalid parameter"));
            return;
        }
        if (markets.size() > marketLimit) {
            reply(conn, error(id, 26, "Subscription market limit exceeded"));
            return;
        }
        boolean skipAck = params.path("skip_ticker_ack").asBoolean(false);
        for (JsonNode ch : channels) {
            String channel = ch.asText();
            if (!(ALL_CHANNELS.contains(channel) || newerChannels.contains(channel))
                    || unsupportedChannels.contains(channel)) {
                reply(conn, error(id, 8, "Unknown channel name"));
                return;
            }
            if (PRIVATE_CHANNELS.contains(channel) && !conn.authenticated) {
                reply(conn, error(id, 9, "Authentication required"));
                return;
            }
            if (Channel.ORDERBOOK_DELTA.wire().equals(channel) && markets.isEmpty()) {
                reply(conn, error(id, 14, "Market Ticker required"));
                return;
            }
            // No "Already subscribed": the later AsyncAPI retired error 6 (with 16 and 17); the service no longer
            // emits it, so an overlapping subscribe is one more subscription.
            Sub sub = new Sub(conn.nextSid++, channel, new LinkedHashSet<>(markets), skipAck);
            conn.subs.put(sub.sid, sub);
            ObjectNode ok = obj().put("id", id).put("type", "subscribed");
            ok.set("msg", obj().put("channel", channel).put("sid", sub.sid));
            reply(conn, ok);
            if (Channel.ORDERBOOK_DELTA.wire().equals(channel)) {
                for (String m : markets) {
                    sendSnapshot(conn, sub, m);
                }
            }
        }
        notifyAll();
    }

    private LinkedHashSet<String> markets(JsonNode params) {
        LinkedHashSet<String> markets = new LinkedHashSet<>();
        JsonNode one = params.get("market_ticker");
        JsonNode many = params.get("market_tickers");
        if (one != null) {
            if (!one.isTextual()) {
                throw new IllegalArgumentException("market_ticker");
            }
            markets.add(one.asText());
        }
        if (many != null) {
            if (!many.isArray()) {
                throw new IllegalArgumentException("market_tickers");
            }
            for (JsonNode m : many) {
                if (!m.isTextual()) {
                    throw new IllegalArgumentException("market_tickers");
                }
                markets.add(m.asText());
            }
        }
        return markets;
    }

    private void unsubscribe(Conn conn, int id, JsonNode params) {
        if (params == null || !params.isObject()) {
            reply(conn, error(id, 2, "Params required"));
            return;
        }
        JsonNode sids = params.get("sids");
        if (sids == null || !sids.isArray() || sids.isEmpty()) {
            reply(conn, error(id, 4, "Subscription IDs required"));
            return;
        }
        for (JsonNode sid : sids) {
            if (!conn.subs.containsKey(sid.asLong())) {
                reply(conn, error(id, 7, "Unknown subscription ID"));
                return;
            }
        }
        for (JsonNode sid : sids) {
            Sub s = conn.subs.remove(sid.asLong());
            reply(conn, obj().put("id", id).put("sid", s.sid).put("seq", Math.max(1, s.seq)).put("type", "unsubscribed"));
        }
        notifyAll();
    }

    private void update(Conn conn, int id, JsonNode params) {
        if (params == null || !params.isObject()) {
            reply(conn, error(id, 2, "Params required"));
            return;
        }
        String action = params.path("action").asText(null);
        if (action == null) {
            reply(conn, error(id, 15, "Action required"));
            return;
        }
        List<Long> sids = new ArrayList<>();
        if (params.has("sid")) {
            sids.add(params.get("sid").asLong());
        }
        if (params.has("sids")) {
            params.get("sids").forEach(s -> sids.add(s.asLong()));
        }
        if (sids.size() != 1) {
            reply(conn, error(id, 12, "Exactly one subscription ID is required"));
            return;
        }
        Sub sub = conn.subs.get(sids.get(0));
        if (sub == null) {
            reply(conn, error(id, 7, "Unknown subscription ID"));
            return;
        }
        LinkedHashSet<String> markets;
        try {
            markets = markets(params);
        } catch (IllegalArgumentException bad) {
            reply(conn, error(id, 11, "Invalid parameter"));
            return;
        }
        switch (action) {
            case "add_markets":
                LinkedHashSet<String> after = new LinkedHashSet<>(sub.markets);
                after.addAll(markets);
                if (after.size() > marketLimit) {
                    reply(conn, error(id, 26, "Subscription market limit exceeded"));
                    return;
                }
                LinkedHashSet<String> added = new LinkedHashSet<>(markets);
                added.removeAll(sub.markets);
                sub.markets.addAll(markets);
                replyOk(conn, id, sub);
                if (Channel.ORDERBOOK_DELTA.wire().equals(sub.channel)) {
                    for (String m : added) {
                        sendSnapshot(conn, sub, m);
                    }
                }
                break;
            case "delete_markets":
                sub.markets.removeAll(markets);
                replyOk(conn, id, sub);
                break;
            case "get_snapshot":
                if (!supportsGetSnapshot) {
                    reply(conn, error(id, 13, "Unsupported action"));
                    return;
                }
                replyOk(conn, id, sub);
                for (String m : sub.markets) {
                    sendSnapshot(conn, sub, m);
                }
                break;
            default:
                reply(conn, error(id, 13, "Unsupported action"));
        }
        notifyAll();
    }

    private void replyOk(Conn conn, int id, Sub sub) {
        ObjectNode ok = obj().put("id", id).put("sid", sub.sid).put("seq", Math.max(1, sub.seq)).put("type", "ok");
        ObjectNode msg = obj();
        if (!sub.skipTickerAck) {
            ArrayNode tickers = msg.putArray("market_tickers");
            sub.markets.forEach(tickers::add);
        }
        ok.set("msg", msg);
        reply(conn, ok);
    }

    private void sendSnapshot(Conn conn, Sub sub, String market) {
        Book b = book(market);
        ObjectNode msg = obj().put("market_ticker", market).put("market_id", marketId(market));
        // Like the live server: a side without levels is left out rather than sent empty.
        if (!b.yes.isEmpty()) {
            msg.set("yes_dollars_fp", rows(b.yes));
        }
        if (!b.no.isEmpty()) {
            msg.set("no_dollars_fp", rows(b.no));
        }
        if (suppressSnapshots > 0) {
            suppressSnapshots--;
            // Not numbered either: a server that acknowledges a snapshot it then never sends, no seq gap to see.
            return;
        }
        if (corruptSnapshots > 0) {
            corruptSnapshots--;
            msg.put("yes_dollars_fp", "not a list of levels");
        }
        sendData(conn, sub, "orderbook_snapshot", msg);
    }

    private ArrayNode rows(TreeMap<BigDecimal, BigDecimal> side) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        side.forEach((p, c) -> out.add(JsonNodeFactory.instance.arrayNode().add(p.toPlainString())
                .add(c.setScale(Math.max(2, c.scale())).toPlainString())));
        return out;
    }

    private void sendData(Conn conn, Sub sub, String type, ObjectNode msg) {
        ObjectNode frame = obj().put("type", type).put("sid", sub.sid);
        if (SEQUENCED.contains(sub.channel)) {
            frame.put("seq", ++sub.seq);
        }
        frame.set("msg", msg);
        sub.lastFrame = frame;
        send(conn, frame.toString());
    }

    private static String marketId(String market) {
        return java.util.UUID.nameUUIDFromBytes(market.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private ObjectNode error(int id, int code, String message) {
        ObjectNode e = obj();
        if (id != 0) {
            e.put("id", id);
        }
        e.put("type", "error");
        e.set("msg", obj().put("code", code).put("msg", message));
        return e;
    }

    private void reply(Conn conn, ObjectNode reply) {
        send(conn, reply.toString());
    }

    private void send(Conn conn, String text) {
        try {
            if (conn.session.isOpen()) {
                conn.session.getBasicRemote().sendText(text);
            }
        } catch (IOException e) {
            // The client went away; its onClose follows.
        }
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public synchronized String toString() {
        return "KalshiWsTestServer{" + url() + ", " + connections.size() + " connections}";
    }
}
