package io.github.kalshi4j.ws;

import io.github.kalshi4j.errors.KalshiAuthException;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.util.function.Consumer;

/**
 * Opens connections for {@link Connection}: {@link TyrusConnector} over real sockets. The seam lets a test open
 * scripted connections on its own thread, to check reconnect, backoff and refusals without a server.
 */
interface Connector {

    /** What a connection reports. Called on the connector's threads; implementations hand off at once. */
    interface Events {
        /** The handshake succeeded; {@code link} is the open connection. */
        void opened(Link link);

        /** A text frame arrived. */
        void text(String frame);

        /** A pong arrived. */
        void pong();

        /** The peer closed the connection. */
        void closed(int code, String reason);

        /** The connection failed. */
        void failed(Throwable error);
    }

    /** One open connection. Sends never block the caller on the network. */
    interface Link {
        /** Sends a text frame; {@code onFailure} hears a send that did not go out. */
        void send(String text, Consumer<Throwable> onFailure);

        /** Sends a ping; a connection too broken to ping is found out by the heartbeat watchdog. */
        void ping();

        /** Sends a close frame; may block briefly, so callers run it off the dispatch thread. */
        void close(CloseReason.CloseCode code, String reason);
    }

    /** Where connections go. */
    URI url();

    /** Blocks until the handshake completed or failed; {@link Events#opened} runs before this returns. */
    void connect(Events events) throws Exception;

    /** The authentication failure a failed {@link #connect} amounts to (the server answered 401), or null. */
    KalshiAuthException refusedAuthentication(Throwable connectFailure);

    /** Releases the connector's resources; no connection is opened after. */
    void shutdown();
}
