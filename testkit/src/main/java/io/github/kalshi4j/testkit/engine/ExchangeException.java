package io.github.kalshi4j.testkit.engine;

import java.util.Objects;

/**
 * A request the exchange rejects. Carries the {@link ErrorCode} (Kalshi-style {@code code} and HTTP
 * status) and a human-readable message. A rejected call leaves the exchange unchanged.
 */
public final class ExchangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The Kalshi-style code and HTTP status of the rejection. */
    private final ErrorCode errorCode;

    /** Creates an exception with the given code and message. */
    public ExchangeException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** Returns the error code. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Returns the Kalshi-style code string, e.g. {@code "market_not_found"}. */
    public String code() {
        return errorCode.code();
    }

    /** Returns the HTTP status the REST layer should answer with. */
    public int httpStatus() {
        return errorCode.httpStatus();
    }

    static ExchangeException invalid(String message) {
        return new ExchangeException(ErrorCode.INVALID_PARAMETERS, message);
    }

    @Override
    public String toString() {
        return "ExchangeException[" + errorCode.httpStatus() + " " + errorCode.code() + "]: " + getMessage();
    }
}
