package io.github.kalshi4j.errors;

/**
 * A call was made on a client (or its async twin) that has been closed, or an async call was still running when
 * the client closed. Nothing was sent for it after the close.
 */
public final class KalshiClientClosedException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String operationId;

    /**
     * Creates the exception.
     *
     * @param operationId the operation refused, or null when not a REST call (the WebSocket, say)
     * @param message what was refused
     * @param cause the underlying failure, or null
     */
    public KalshiClientClosedException(String operationId, String message, Throwable cause) {
        super(message, cause);
        this.operationId = operationId;
    }

    /** The operation refused, or null when not a REST call. */
    public String operationId() {
        return operationId;
    }
}
