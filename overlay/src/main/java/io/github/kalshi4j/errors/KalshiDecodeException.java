package io.github.kalshi4j.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.kalshi4j.internal.Excerpts;

/**
 * A successful (2xx) response body could not be decoded into the expected type.
 * The body excerpt is available from {@link #bodyExcerpt()} rather than the message, since it may hold account data.
 */
public final class KalshiDecodeException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String operationId;
    private final int statusCode;
    private final String bodyExcerpt;

    /** Creates the exception from the raw body and the decoder's failure (usually a Jackson exception). */
    public KalshiDecodeException(String operationId, int statusCode, byte[] body, Throwable cause) {
        super(describe(operationId, statusCode, cause), cause);
        this.operationId = operationId;
        this.statusCode = statusCode;
        this.bodyExcerpt = Excerpts.of(body, Excerpts.BODY_EXCERPT_CHARS);
    }

    /** SDK operation whose response failed to decode. */
    public String operationId() {
        return operationId;
    }

    /** HTTP status of the undecodable response. */
    public int statusCode() {
        return statusCode;
    }

    /** First ~500 characters of the body; {@code null} if it was empty. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    private static String describe(String operationId, int statusCode, Throwable cause) {
        String reason;
        if (cause instanceof JsonProcessingException) {
            // The original message omits Jackson's source-location suffix, which repeats body text.
            reason = ((JsonProcessingException) cause).getOriginalMessage();
        } else {
            reason = cause == null ? null : cause.getMessage();
        }
        return (operationId == null ? "Kalshi API" : operationId) + ": could not decode " + statusCode
                + " response" + (reason == null ? "" : ": " + Excerpts.oneLine(reason, 300));
    }
}
