package io.github.kalshi4j.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.kalshi4j.internal.Excerpts;

/**
 * A successful (2xx) response body could not be decoded into the expected type.
 * The body is available from {@link #bodyExcerpt()} and {@link #body()} rather than the message, since it may hold
 * account data.
 *
 * <p>When the request asked the server to act (a POST, PUT or DELETE: placing an order, say), a 2xx answer means it
 * did: {@link #accepted()} is true and the message says so. Do not send such a request again; for a CreateOrder,
 * find the order by its {@code client_order_id}.
 */
public final class KalshiDecodeException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String operationId;
    private final int statusCode;
    private final String bodyExcerpt;
    private final byte[] body;
    private final boolean accepted;

    /** Creates the exception from the raw body and the decoder's failure (usually a Jackson exception). */
    public KalshiDecodeException(String operationId, int statusCode, byte[] body, Throwable cause) {
        this(operationId, statusCode, body, cause, false, null);
    }

    /**
     * Creates the exception for a request the server accepted: its action took place although the answer could not
     * be read. The message leads with that, then {@code whatHappened} (e.g. "the order was accepted"), then the
     * decoder's reason, then {@code advice} (e.g. how to find the order).
     *
     * @param operationId the operation
     * @param statusCode the 2xx status
     * @param body the raw body
     * @param cause the decoder's failure
     * @param whatHappened what the 2xx means, e.g. "the order was accepted"
     * @param advice what to do instead of sending the request again, or null
     */
    public KalshiDecodeException(String operationId, int statusCode, byte[] body, Throwable cause, String whatHappened,
            String advice) {
        this(operationId, statusCode, body, cause, true, describeAccepted(operationId, statusCode, cause, whatHappened,
                advice));
    }

    private KalshiDecodeException(String operationId, int statusCode, byte[] body, Throwable cause, boolean accepted,
            String message) {
        super(message != null ? message : describe(operationId, statusCode, cause), cause);
        this.operationId = operationId;
        this.statusCode = statusCode;
        this.bodyExcerpt = Excerpts.of(body, Excerpts.BODY_EXCERPT_CHARS);
        this.body = body == null ? new byte[0] : body.clone();
        this.accepted = accepted;
    }

    /**
     * True when the request asked the server to act and the server accepted it ({@link #statusCode()}): the action
     * took place although its answer could not be decoded, so the request must not be sent again.
     */
    public boolean accepted() {
        return accepted;
    }

    /** The whole raw body as received (a copy); empty when there was none. */
    public byte[] body() {
        return body.clone();
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
        String reason = reason(cause);
        return (operationId == null ? "Kalshi API" : operationId) + ": could not decode " + statusCode
                + " response" + (reason == null ? "" : ": " + Excerpts.oneLine(reason, 300));
    }

    private static String describeAccepted(String operationId, int statusCode, Throwable cause, String whatHappened,
            String advice) {
        String reason = reason(cause);
        return (operationId == null ? "Kalshi API" : operationId) + ": " + whatHappened + " (status " + statusCode
                + "), but the answer could not be decoded" + (reason == null ? "" : " (" + Excerpts.oneLine(reason, 300) + ")")
                + "; it is not sent again" + (advice == null ? "" : ": " + advice);
    }

    private static String reason(Throwable cause) {
        if (cause instanceof JsonProcessingException) {
            // The original message omits Jackson's source-location suffix, which repeats body text.
            return ((JsonProcessingException) cause).getOriginalMessage();
        }
        return cause == null ? null : cause.getMessage();
    }
}
