package io.github.kalshi4j.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Validates every REST response body a local exchange sends against the OpenAPI spec, success and error bodies
 * alike, and every WebSocket frame it sends against the AsyncAPI spec, and keeps the tally: how many bodies of each
 * operation and frames of each type were validated, and every problem found. One instance can serve
 * many exchanges (a whole test suite), which is how the testkit's and the integration tests' suites prove that every
 * modelled operation answered spec-shaped at least once.
 *
 * <pre>{@code
 * SpecValidation validation = new SpecValidation(SpecValidator.locate());
 * try (LocalKalshiExchange ex = LocalKalshiExchange.builder().specValidation(validation).start()) { ... }
 * validation.assertConforms();
 * }</pre>
 *
 * <p>Bodies the exchange garbles on purpose (the malformed-JSON, null-arrays and reset-mid-body faults) and raw
 * frames it is told to send are not validated. Nor are WebSocket {@code error} replies: the later AsyncAPI lists
 * fewer error codes than the exchange sends (6 "Already subscribed", 16 "Market not found" and 17 "Internal error"
 * are gone from its list with no replacement named), so their codes would fail a check that is about the spec's
 * list, not the exchange. The cost per response is one parse of the body and a walk of its schema.
 */
public final class SpecValidation {

    /**
     * The system property that turns on validation for every exchange built in this JVM ({@code true}), all of them
     * recording into {@link #shared()}; test suites set it in their surefire configuration.
     */
    public static final String ENABLED_PROPERTY = "kalshi4j.testkit.validateResponses";

    private static volatile SpecValidation shared;

    private final SpecValidator validator;
    private final FrameValidator frames;
    private final Map<String, AtomicInteger> frameCounts = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

    /** A tally validating REST bodies with {@code validator}; WebSocket frames are not validated. */
    public SpecValidation(SpecValidator validator) {
        this(validator, null);
    }

    /** A tally validating REST bodies with {@code validator} and WebSocket frames with {@code frames} (null: not). */
    public SpecValidation(SpecValidator validator, FrameValidator frames) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.frames = frames;
    }

    /** Whether {@value #ENABLED_PROPERTY} is {@code true} in this JVM. */
    public static boolean enabledBySystemProperty() {
        return Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY));
    }

    /** The JVM-wide tally (created on first use with {@link SpecValidator#locate()} and {@link FrameValidator#locate()}). */
    public static SpecValidation shared() {
        SpecValidation s = shared;
        if (s == null) {
            synchronized (SpecValidation.class) {
                s = shared;
                if (s == null) {
                    s = new SpecValidation(SpecValidator.locate(), FrameValidator.locate());
                    shared = s;
                }
            }
        }
        return s;
    }

    /**
     * Validates one response body.
     *
     * @param operationId the spec operation the request matched; null when it matched none
     * @param status the HTTP status sent
     * @param body the body sent (may be empty, e.g. 204)
     */
    public void observe(String operationId, int status, byte[] body) {
        if (status >= 200 && status < 300) {
            if (operationId == null) {
                return;
            }
            // An empty answer (204 No Content, say) conforms when the spec declares no body for its status.
            problems.addAll(body.length == 0 ? validator.validateEmptyResponse(operationId, status)
                    : validator.validateResponse(operationId, body));
            successes.computeIfAbsent(operationId, k -> new AtomicInteger()).incrementAndGet();
        } else {
            problems.addAll(validator.validateError(operationId, status, body));
            errors.computeIfAbsent(operationId == null ? "(no operation)" : operationId, k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    /**
     * Validates one WebSocket frame the exchange sent (text); does nothing when this tally validates no frames.
     * Error replies are counted but not checked (see the class description).
     */
    public void observeFrame(String frame) {
        if (frames == null) {
            return;
        }
        String type = frames.typeOf(frame);
        String key = type == null ? "(no type)" : type;
        if (!"error".equals(type)) {
            problems.addAll(frames.validate(frame));
        }
        frameCounts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** WebSocket frames observed, by envelope type ({@code error} replies included, though not checked). */
    public Map<String, Integer> validatedFrames() {
        return snapshot(frameCounts);
    }

    /** Every problem found so far (operation, status and JSON path in each). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Successful bodies validated, by operationId. */
    public Map<String, Integer> validatedSuccesses() {
        return snapshot(successes);
    }

    /** Error bodies validated, by operationId ({@code "(no operation)"} for unmatched requests). */
    public Map<String, Integer> validatedErrors() {
        return snapshot(errors);
    }

    private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The operations of {@code expected} no successful body was validated for, sorted. */
    public Set<String> notValidated(Set<String> expected) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(successes.keySet());
        return missing;
    }

    /**
     * Throws an {@link AssertionError} listing the problems (at most 30) unless every body and frame conformed;
     * returns how many bodies and frames were validated.
     */
    public int assertConforms() {
        List<String> found = problems();
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " response bodies do not conform to the spec:\n"
                    + String.join("\n", found.subList(0, Math.min(30, found.size()))));
        }
        int n = 0;
        for (AtomicInteger c : successes.values()) {
            n += c.get();
        }
        for (AtomicInteger c : errors.values()) {
            n += c.get();
        }
        for (AtomicInteger c : frameCounts.values()) {
            n += c.get();
        }
        return n;
    }

    /** Throws an {@link AssertionError} naming the operations of {@code expected} that were never validated. */
    public void assertCovers(Set<String> expected) {
        Set<String> missing = notValidated(expected);
        if (!missing.isEmpty()) {
            throw new AssertionError(missing.size() + " of " + expected.size()
                    + " operations never answered a validated 2xx body: " + missing);
        }
    }

    @Override
    public String toString() {
        return "SpecValidation{successes=" + validatedSuccesses().size() + " operations, frames="
                + validatedFrames().size() + " types, problems=" + problems.size() + "}";
    }
}
