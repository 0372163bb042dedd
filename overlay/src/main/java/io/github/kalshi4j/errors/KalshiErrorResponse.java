package io.github.kalshi4j.errors;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is known about one HTTP error answer: status, Kalshi's error fields and selected response metadata.
 * String fields are {@code null} when the server did not supply them.
 *
 * @param operationId   SDK operation that failed, e.g. {@code GetMarket}
 * @param statusCode    HTTP status code
 * @param errorCode     Kalshi {@code code} field, e.g. {@code not_found}
 * @param errorMessage  Kalshi {@code message} field
 * @param details       Kalshi {@code details} field (non-string JSON is kept as JSON text)
 * @param service       Kalshi {@code service} field
 * @param requestId     request id taken from the response headers
 * @param attempts      how many times the request was sent, at least 1
 * @param bodyExcerpt   start of the body when it was not a Kalshi error object (proxy pages, plain text)
 * @param retryAfter    delay from the {@code Retry-After} header, or {@code null}
 * @param headers       response headers, looked up case-insensitively
 */
public record KalshiErrorResponse(
        String operationId,
        int statusCode,
        String errorCode,
        String errorMessage,
        String details,
        String service,
        String requestId,
        int attempts,
        String bodyExcerpt,
        Duration retryAfter,
        Map<String, List<String>> headers) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Normalises the inputs: attempts become at least 1 and headers an immutable case-insensitive copy. */
    public KalshiErrorResponse {
        attempts = Math.max(1, attempts);
        headers = caseInsensitiveCopy(headers);
    }

    /** Returns the first value of a response header, matching the name case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> source) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (source != null) {
            // HttpURLConnection reports the status line under a null key; it is not a header.
            source.forEach((name, values) -> {
                if (name != null && values != null) {
                    List<String> merged = new ArrayList<>(copy.getOrDefault(name, List.of()));
                    values.stream().filter(Objects::nonNull).forEach(merged::add);
                    copy.put(name, List.copyOf(merged));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
