package io.github.kalshi4j.it;

import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.SpecValidator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local exchange whose every successful REST response is validated against the pinned spec (with our
 * correction overlays). Tests call {@link #assertAllResponsesConform()} when they are done.
 */
final class SpecCheckedExchange implements AutoCloseable {

    private static final SpecValidator VALIDATOR = SpecValidator.fromFile(root().resolve("spec/materialized/openapi.effective.json"));

    final LocalKalshiExchange exchange;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger validated = new AtomicInteger();
    private final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();

    SpecCheckedExchange(LocalKalshiExchange.Builder builder) {
        this.exchange = builder.responseObserver((op, body) -> {
            problems.addAll(VALIDATOR.validateResponse(op, body));
            validated.incrementAndGet();
            byOperation.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
        }).start();
    }

    static SpecCheckedExchange start() {
        return new SpecCheckedExchange(LocalKalshiExchange.builder());
    }

    static Path root() {
        return Path.of(System.getProperty("kalshi4j.root", "..")).toAbsolutePath().normalize();
    }

    /** Fails listing every non-conforming body; returns how many bodies were checked. */
    int assertAllResponsesConform() {
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " response bodies do not conform to the spec:\n"
                    + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
        }
        return validated.get();
    }

    Map<String, AtomicInteger> validatedByOperation() {
        return byOperation;
    }

    @Override
    public void close() {
        exchange.close();
    }
}
