package io.github.kalshi4j.errors;

/**
 * The WebSocket server answered a command (subscribe, unsubscribe, update) with an {@code error} reply.
 * The connection itself stays usable.
 */
public final class KalshiSubscriptionException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final int code;
    private final String errorMessage;

    /** Creates the exception for the server's {@code code} and {@code msg} in reply to {@code command}. */
    public KalshiSubscriptionException(String command, int code, String errorMessage) {
        super((command == null ? "WebSocket command" : command) + ": error " + code
                + (errorMessage == null ? "" : " \"" + errorMessage + "\""));
        this.command = command;
        this.code = code;
        this.errorMessage = errorMessage;
    }

    /** Command that was rejected, e.g. {@code subscribe}; may be {@code null}. */
    public String command() {
        return command;
    }

    /** Kalshi WebSocket error code. */
    public int code() {
        return code;
    }

    /** Kalshi's {@code msg} text; may be {@code null}. */
    public String errorMessage() {
        return errorMessage;
    }
}
