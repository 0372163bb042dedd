package io.github.kalshi4j.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Fault injection for tests: the next N REST requests matching a method and path answer badly, or the WebSocket
 * misbehaves. Thread-safe; faults are consumed in the order they were added.
 *
 * <pre>{@code
 * exchange.faults().next(2, "GET", "/markets").rateLimited(Duration.ofSeconds(1));
 * exchange.faults().next(1, "POST", "/portfolio/orders").status(500);
 * exchange.faults().next(1, "GET", "/markets/*").resetMidBody();
 * exchange.faults().webSocket().dropConnections();
 * }</pre>
 *
 * Paths are relative to {@code /trade-api/v2}; {@code *} matches one path segment, {@code **} any rest.
 */
public final class Faults {

    /** What a faulty answer does. */
    public enum Kind {
        /** 429 with a Retry-After header. */
        RATE_LIMITED,
        /** The given status with a Kalshi-shaped error body. */
        STATUS,
        /** Waits, then answers normally. */
        DELAY,
        /** Starts the body, then drops the connection. */
        RESET_MID_BODY,
        /** Answers 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** Answers normally but with {@code null} for every array in the body. */
        NULL_ARRAYS,
        /** Answers normally but with {@code null} for every array below the body's own fields, inside list items too. */
        NULL_INNER_ARRAYS
    }

    /** One armed fault. */
    public record Fault(String method, String pathPattern, Kind kind, int status, Duration duration) { }

    private final List<Fault> armed = new ArrayList<>();
    private final WebSocketFaults webSocket;

    Faults(WebSocketFaults webSocket) {
        this.webSocket = webSocket;
    }

    /** Arms a fault for the next {@code count} requests matching {@code method} and {@code path}. */
    public Arming next(int count, String method, String path) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        return new Arming(count, method.toUpperCase(Locale.ROOT), Objects.requireNonNull(path, "path"));
    }

    /** WebSocket faults. */
    public WebSocketFaults webSocket() {
        if (webSocket == null) {
            throw new IllegalStateException("this exchange has no WebSocket endpoint");
        }
        return webSocket;
    }

    /** Removes every armed REST fault. */
    public synchronized void clear() {
        armed.clear();
    }

    /** Armed REST faults not yet consumed. */
    public synchronized int pending() {
        return armed.size();
    }

    /** Takes the first armed fault matching a request, if any (called by the exchange). */
    synchronized Fault take(String method, String relativePath) {
        for (Iterator<Fault> it = armed.iterator(); it.hasNext();) {
            Fault f = it.next();
            if (f.method().equals(method) && matches(f.pathPattern(), relativePath)) {
                it.remove();
                return f;
            }
        }
        return null;
    }

    static boolean matches(String pattern, String path) {
        String[] p = trim(pattern).split("/");
        String[] s = trim(path).split("/");
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("**")) {
                return true;
            }
            if (i >= s.length || !(p[i].equals("*") || p[i].equals(s[i]))) {
                return false;
            }
        }
        return p.length == s.length;
    }

    private static String trim(String path) {
        String t = path.startsWith("/") ? path.substring(1) : path;
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private synchronized void arm(int count, Fault f) {
        for (int i = 0; i < count; i++) {
            armed.add(f);
        }
    }

    /** Chooses what the armed requests get. */
    public final class Arming {
        private final int count;
        private final String method;
        private final String path;

        private Arming(int count, String method, String path) {
            this.count = count;
            this.method = method;
            this.path = path;
        }

        /** 429 with {@code Retry-After} in whole seconds (rounded up). */
        public void rateLimited(Duration retryAfter) {
            arm(count, new Fault(method, path, Kind.RATE_LIMITED, 429, retryAfter));
        }

        /** An error status (e.g. 500, 502, 503) with a Kalshi-shaped body. */
        public void status(int status) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be an error status, got " + status);
            }
            arm(count, new Fault(method, path, Kind.STATUS, status, Duration.ZERO));
        }

        /** A normal answer after a delay. */
        public void delay(Duration delay) {
            arm(count, new Fault(method, path, Kind.DELAY, 200, delay));
        }

        /** Headers and part of the body, then the connection drops. */
        public void resetMidBody() {
            arm(count, new Fault(method, path, Kind.RESET_MID_BODY, 200, Duration.ZERO));
        }

        /** 200 with a body that is not JSON. */
        public void malformedJson() {
            arm(count, new Fault(method, path, Kind.MALFORMED_JSON, 200, Duration.ZERO));
        }

        /** The normal answer with every array replaced by {@code null}, as Kalshi's servers sometimes send. */
        public void nullArrays() {
            arm(count, new Fault(method, path, Kind.NULL_ARRAYS, 200, Duration.ZERO));
        }

        /**
         * The normal answer with the body's own lists kept but every array inside them (and inside nested objects)
         * replaced by {@code null}: event markets, series tags, order book sides, as Kalshi's servers send them.
         */
        public void nullInnerArrays() {
            arm(count, new Fault(method, path, Kind.NULL_INNER_ARRAYS, 200, Duration.ZERO));
        }
    }

    /** WebSocket faults; they act on the exchange's live connections. */
    public interface WebSocketFaults {
        /** Drops every open WebSocket connection without a close handshake. */
        void dropConnections();

        /** Skips the next {@code n} sequence numbers on every sequenced subscription (a gap for clients). */
        void skipSeq(int n);

        /** Sends nothing (no data, no pings) for a while: a silent server. */
        void goSilent(Duration duration);

        /** Sends a frame with an unknown {@code type} on every connection. */
        void sendUnknownMessageType(String type);

        /** Runs an action for every open connection's raw text sender (for custom frames). */
        void sendRaw(String json);
    }
}
