package io.github.kalshi4j.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.internal.Excerpts;
import io.github.kalshi4j.internal.RetryAfter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an HTTP error status. Subclasses identify the common status families;
 * other statuses (e.g. 402, 410, 422) arrive as this class itself.
 */
public class KalshiApiException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = new ObjectMapper();

    // Checked in order; cf-ray identifies the Cloudflare hop and is only a last resort.
    private static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "request-id", "x-amzn-requestid", "cf-ray");

    private static final int MESSAGE_EXCERPT_CHARS = 200;

    private final KalshiErrorResponse response;

    /** Creates the exception for a parsed error response. */
    public KalshiApiException(KalshiErrorResponse response) {
        super(describe(response));
        this.response = response;
    }

    /** The server's request id among response headers (case-insensitive), or null when it sent none. */
    public static String requestIdFrom(Map<String, List<String>> headers) {
        KalshiErrorResponse probe = new KalshiErrorResponse(
                "", 0, null, null, null, null, null, 1, null, null, headers);
        return REQUEST_ID_HEADERS.stream().map(probe::header).flatMap(Optional::stream).map(String::trim)
                .filter(s -> !s.isEmpty()).findFirst().orElse(null);
    }

    /**
     * Builds the exception for an HTTP error answer, choosing the subclass by status.
     * Never fails on a malformed body: whatever cannot be parsed is kept as {@link #bodyExcerpt()}.
     */
    public static KalshiApiException from(String operationId, int status, Map<String, List<String>> headers,
                                          byte[] body, int attempts) {
        return from(operationId, status, headers, body, attempts, Clock.systemUTC());
    }

    /**
     * Same as {@link #from(String, int, Map, byte[], int)} but measures an HTTP-date
     * {@code Retry-After} against {@code clock}.
     */
    public static KalshiApiException from(String operationId, int status, Map<String, List<String>> headers,
                                          byte[] body, int attempts, Clock clock) {
        KalshiErrorResponse probe = new KalshiErrorResponse(
                operationId, status, null, null, null, null, null, attempts, null, null, headers);
        ErrorFields fields = ErrorFields.parse(body);
        String requestId = REQUEST_ID_HEADERS.stream()
                .map(probe::header)
                .flatMap(Optional::stream)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .findFirst()
                .orElse(null);
        Duration retryAfter = probe.header("Retry-After")
                .flatMap(value -> RetryAfter.parse(value, clock))
                .orElse(null);
        KalshiErrorResponse response = new KalshiErrorResponse(
                operationId, status, fields.code, fields.message, fields.details, fields.service,
                requestId, attempts, fields.recognised ? null : Excerpts.of(body, Excerpts.BODY_EXCERPT_CHARS),
                retryAfter, probe.headers());
        return forStatus(response);
    }

    private static KalshiApiException forStatus(KalshiErrorResponse response) {
        int status = response.statusCode();
        switch (status) {
            case 400:
                return new KalshiBadRequestException(response);
            case 401:
                return new KalshiUnauthorizedException(response);
            case 403:
                return new KalshiForbiddenException(response);
            case 404:
                return new KalshiNotFoundException(response);
            case 409:
                return new KalshiConflictException(response);
            case 429:
                return new KalshiRateLimitException(response);
            default:
                return status >= 500 && status <= 599
                        ? new KalshiServerException(response)
                        : new KalshiApiException(response);
        }
    }

    /** Everything known about the failed response. */
    public KalshiErrorResponse response() {
        return response;
    }

    /** HTTP status code. */
    public int statusCode() {
        return response.statusCode();
    }

    /** Kalshi error {@code code}, e.g. {@code not_found}; {@code null} if the body had none. */
    public String errorCode() {
        return response.errorCode();
    }

    /** Kalshi error {@code message}; {@code null} if the body had none. */
    public String errorMessage() {
        return response.errorMessage();
    }

    /** Kalshi error {@code details}; {@code null} if the body had none. */
    public String details() {
        return response.details();
    }

    /** Kalshi {@code service} that produced the error; {@code null} if the body had none. */
    public String service() {
        return response.service();
    }

    /** Request id from the response headers, useful when contacting Kalshi support; may be {@code null}. */
    public String requestId() {
        return response.requestId();
    }

    /** How many times the request was sent before giving up. */
    public int attempts() {
        return response.attempts();
    }

    /** Start of the body (about 500 characters) when it was not a Kalshi error object; otherwise {@code null}. */
    public String bodyExcerpt() {
        return response.bodyExcerpt();
    }

    /** SDK operation that failed, e.g. {@code GetMarket}. */
    public String operationId() {
        return response.operationId();
    }

    /** Response headers; the map looks names up case-insensitively. */
    public Map<String, List<String>> headers() {
        return response.headers();
    }

    /** First value of a response header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return response.header(name);
    }

    /** Delay requested by a {@code Retry-After} header, if the server sent a parseable one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(response.retryAfter());
    }

    private static String describe(KalshiErrorResponse r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.operationId() == null ? "Kalshi API" : r.operationId()).append(": ").append(r.statusCode());
        if (r.errorCode() != null) {
            sb.append(' ').append(r.errorCode());
        } else if (r.errorMessage() == null) {
            String reason = reasonPhrase(r.statusCode());
            if (reason != null) {
                sb.append(' ').append(reason);
            }
        }
        if (r.errorMessage() != null) {
            sb.append(" \"").append(Excerpts.oneLine(r.errorMessage(), MESSAGE_EXCERPT_CHARS)).append('"');
        }
        if (r.details() != null && !r.details().equals(r.errorMessage())) {
            sb.append(" details: \"").append(Excerpts.oneLine(r.details(), MESSAGE_EXCERPT_CHARS)).append('"');
        }
        sb.append(" (");
        if (r.requestId() != null) {
            sb.append("request id ").append(r.requestId()).append(", ");
        }
        sb.append(r.attempts()).append(r.attempts() == 1 ? " attempt" : " attempts");
        if (r.retryAfter() != null) {
            sb.append(", retry after ").append(formatDuration(r.retryAfter()));
        }
        sb.append(')');
        if (r.bodyExcerpt() != null) {
            sb.append(" body: \"").append(Excerpts.oneLine(r.bodyExcerpt(), MESSAGE_EXCERPT_CHARS)).append('"');
        }
        return sb.toString();
    }

    private static String formatDuration(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : String.format(java.util.Locale.ROOT, "%.3fs", millis / 1000.0);
    }

    private static String reasonPhrase(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Entity";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return null;
        }
    }

    /** Kalshi error fields pulled from a body, tolerant of every shape the servers and proxies produce. */
    private static final class ErrorFields {
        private static final ErrorFields NONE = new ErrorFields(null, null, null, null);

        final String code;
        final String message;
        final String details;
        final String service;
        final boolean recognised;

        private ErrorFields(String code, String message, String details, String service) {
            this.code = code;
            this.message = message;
            this.details = details;
            this.service = service;
            this.recognised = code != null || message != null;
        }

        static ErrorFields parse(byte[] body) {
            if (body == null || body.length == 0) {
                return NONE;
            }
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (Exception e) {
                // Gateways answer with HTML or plain text; the excerpt carries that instead.
                return NONE;
            }
            if (root == null || !root.isObject()) {
                return NONE;
            }
            JsonNode error = root.get("error");
            if (error != null && error.isObject()) {
                return fromObject(error, root);
            }
            ErrorFields flat = fromObject(root, root);
            if (!flat.recognised && error != null && error.isTextual()) {
                // {"error": "text"} is a common shape for errors produced outside Kalshi's own services.
                return new ErrorFields(null, error.asText(), flat.details, flat.service);
            }
            return flat;
        }

        private static ErrorFields fromObject(JsonNode node, JsonNode outer) {
            String message = text(node.get("message"));
            if (message == null) {
                message = text(node.get("msg"));
            }
            String service = text(node.get("service"));
            if (service == null && node != outer) {
                service = text(outer.get("service"));
            }
            return new ErrorFields(text(node.get("code")), message, text(node.get("details")), service);
        }

        private static String text(JsonNode node) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            String value = node.isValueNode() ? node.asText() : node.toString();
            return value.isBlank() ? null : value;
        }
    }
}
