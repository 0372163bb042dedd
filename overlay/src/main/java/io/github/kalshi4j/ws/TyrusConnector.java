package io.github.kalshi4j.ws;

import io.github.kalshi4j.auth.KalshiSigner;
import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.client.KalshiConfig;
import io.github.kalshi4j.errors.KalshiAuthException;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.auth.AuthenticationException;
import org.glassfish.tyrus.client.exception.DeploymentHandshakeException;
import org.glassfish.tyrus.core.HandshakeException;

/**
 * Opens Tyrus WebSocket sessions to Kalshi with a signed handshake. Everything Tyrus-specific lives
 * here and in {@link SessionLink}; the engine above sees text frames, pongs and closes.
 */
final class TyrusConnector implements Connector {

    private static final byte[] PING = "kalshi4j".getBytes(StandardCharsets.US_ASCII);

    private final URI url;
    private final String signedPath;
    private final KalshiSigner signer;
    private final Clock clock;
    private final KalshiConfig config;
    private final ClientManager client;

    TyrusConnector(URI url, KalshiSigner signer, Clock clock, KalshiConfig config) {
        this.url = url;
        this.signedPath = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.signer = signer;
        this.clock = clock;
        this.config = config;
        this.client = ClientManager.createClient();
        long handshakeMillis = Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) handshakeMillis);
    }

    @Override
    public URI url() {
        return url;
    }

    /** Blocks until the handshake completed or failed; {@link Events#opened} runs before this returns. */
    @Override
    public void connect(Events events) throws DeploymentException, IOException {
        ClientEndpointConfig endpointConfig = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("User-Agent", List.of(config.userAgent()));
                        config.extraHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
                        if (signer != null) {
                            // Signed here, inside the handshake, so every attempt carries a fresh timestamp.
                            RequestSignature.sign(signer, "GET", signedPath, clock).headers()
                                    .forEach((name, value) -> headers.put(name, List.of(value)));
                        }
                    }
                })
                .build();
        client.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig cfg) {
                session.addMessageHandler(String.class, events::text);
                session.addMessageHandler(PongMessage.class, pong -> events.pong());
                events.opened(new SessionLink(session));
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                events.closed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
            }

            @Override
            public void onError(Session session, Throwable error) {
                events.failed(error);
            }
        }, endpointConfig, url);
    }

    @Override
    public void shutdown() {
        client.shutdown();
    }

    /**
     * The authentication failure a failed {@link #connect} amounts to, or null if it is something else: the server
     * answered the upgrade with 401. Names the key id (never the key or the signature).
     */
    @Override
    public KalshiAuthException refusedAuthentication(Throwable connectFailure) {
        OptionalInt status = handshakeStatus(connectFailure);
        if (status.isEmpty() || status.getAsInt() != 401) {
            return null;
        }
        String who = signer == null
                ? "an unsigned WebSocket handshake (the client has no credentials; this server requires them)"
                : "the WebSocket handshake signed with key id " + signer.keyId() + " (an unknown key id, a private key "
                        + "that is not that key's, or a clock far off)";
        return new KalshiAuthException(url + " answered 401 Unauthorized to " + who, connectFailure);
    }

    /**
     * The HTTP status of a refused handshake, from what Tyrus threw: a 401 without an authenticator configured
     * comes as an {@link AuthenticationException} (whose own status field says nothing), other refusals as
     * {@link DeploymentHandshakeException} or {@link HandshakeException} carrying the status, at any depth.
     */
    static OptionalInt handshakeStatus(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException) {
                return OptionalInt.of(401);
            }
            if (t instanceof DeploymentHandshakeException) {
                return OptionalInt.of(((DeploymentHandshakeException) t).getHttpStatusCode());
            }
            if (t instanceof HandshakeException) {
                return OptionalInt.of(((HandshakeException) t).getHttpStatusCode());
            }
        }
        return OptionalInt.empty();
    }

    /** One open Tyrus session. */
    static final class SessionLink implements Link {
        private final Session session;

        SessionLink(Session session) {
            this.session = session;
        }

        @Override
        public void send(String text, Consumer<Throwable> onFailure) {
            try {
                session.getAsyncRemote().sendText(text, result -> {
                    if (!result.isOK()) {
                        onFailure.accept(result.getException());
                    }
                });
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }

        @Override
        public void ping() {
            try {
                session.getAsyncRemote().sendPing(ByteBuffer.wrap(PING));
            } catch (IOException | RuntimeException e) {
                // A connection too broken to ping is found out by the heartbeat watchdog.
            }
        }

        @Override
        public void close(CloseReason.CloseCode code, String reason) {
            try {
                if (session.isOpen()) {
                    session.close(new CloseReason(code, reason));
                }
            } catch (IOException | RuntimeException e) {
                // Closing a connection that is already gone.
            }
        }
    }
}
