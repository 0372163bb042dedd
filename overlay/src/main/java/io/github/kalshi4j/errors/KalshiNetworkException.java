package io.github.kalshi4j.errors;

/**
 * The request did not get an HTTP answer: connection refused or reset, DNS failure, TLS failure and similar.
 * Whether a non-idempotent request reached the server is unknown.
 */
public class KalshiNetworkException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String operationId;
    private final int attempts;

    /** Creates the exception; {@code detail} describes the failure, e.g. "connection refused". */
    public KalshiNetworkException(String operationId, int attempts, String detail, Throwable cause) {
        this(operationId, attempts, "network error", detail, cause);
    }

    /** Lets subclasses choose the failure kind shown in the message. */
    protected KalshiNetworkException(String operationId, int attempts, String kind, String detail, Throwable cause) {
        super(describe(operationId, Math.max(1, attempts), kind, detail, cause), cause);
        this.operationId = operationId;
        this.attempts = Math.max(1, attempts);
    }

    /** SDK operation that failed, e.g. {@code GetMarket}. */
    public String operationId() {
        return operationId;
    }

    /** How many times the request was tried before giving up. */
    public int attempts() {
        return attempts;
    }

    private static String describe(String operationId, int attempts, String kind, String detail, Throwable cause) {
        String what = detail != null ? detail
                : cause == null ? null
                : cause.getMessage() != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getSimpleName();
        return (operationId == null ? "Kalshi API" : operationId) + ": " + kind
                + (what == null ? "" : " (" + what + ")")
                + " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }
}
