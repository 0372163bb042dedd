package io.github.kalshi4j.http;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The byte-level HTTP seam under the client: sends one {@link RawRequest} (already signed) and returns the
 * {@link RawResponse}. The default is Apache HttpClient 5; {@link RecordingTransport} and
 * {@link ReplayTransport} plug in here, and so can a user's own. Implementations must be thread-safe.
 *
 * <p>Failures are reported as {@link IOException}s; a {@link java.net.ConnectException} (or any exception
 * marked by {@link #isNotSent}) means no byte reached the server, which makes even a POST safe to retry.
 */
public interface HttpExchange extends AutoCloseable {

    /** Sends the request and waits for the whole response. */
    RawResponse send(RawRequest request) throws IOException;

    /**
     * Sends the request asynchronously. The future must complete off the caller's thread only when needed and
     * never requires the caller to sign on an I/O thread (signing happens before this is called). Cancelling the
     * returned future should abort the request; the client does so when its caller cancels an async call.
     */
    CompletableFuture<RawResponse> sendAsync(RawRequest request);

    /** Releases connections and threads. */
    @Override
    void close();

    /**
     * True when the failure provably happened before any byte of the request was sent: connecting failed, no
     * pooled connection was free in time, or HttpCore failed the request before writing it to a connection (its
     * {@code RequestNotExecutedException}: the connection closed while the request waited for it). A failure after
     * the request was written ({@code NoHttpResponseException}, a reset while reading the answer) is not: the
     * server may have acted on the request before the connection died, so a POST must not be repeated blindly.
     */
    static boolean isNotSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t instanceof NotSentException
                    || t.getClass().getName().equals("org.apache.hc.client5.http.ConnectTimeoutException")
                    // No pooled connection in time: the request never reached a socket.
                    || t.getClass().getName().equals("org.apache.hc.core5.http.ConnectionRequestTimeoutException")
                    || t.getClass().getName().equals("org.apache.hc.core5.util.DeadlineTimeoutException")
                    || t.getClass().getName().equals("org.apache.hc.client5.http.HttpHostConnectException")
                    // HttpCore's own statement that the request was never written (a queued request whose
                    // connection closed first).
                    || t.getClass().getName().equals("org.apache.hc.core5.http.RequestNotExecutedException")) {
                return true;
            }
        }
        return false;
    }

    /** Marks a failure that happened before the request left the client. */
    final class NotSentException extends IOException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public NotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
