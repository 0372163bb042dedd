package io.github.kalshi4j.it;

import io.github.kalshi4j.testkit.LocalKalshiExchange;
import io.github.kalshi4j.testkit.SpecValidation;

import java.nio.file.Path;

/**
 * A local exchange whose every REST response body, success or error, is validated against the pinned spec (with our
 * correction overlays) into the suite-wide {@link SpecValidation#shared()} tally. Tests call
 * {@link #assertAllResponsesConform()} when they are done; {@link SpecConformanceSuiteTest} checks, after every other
 * class, that every modelled operation was validated.
 */
final class SpecCheckedExchange implements AutoCloseable {

    final LocalKalshiExchange exchange;

    SpecCheckedExchange(LocalKalshiExchange.Builder builder) {
        this.exchange = builder.specValidation(SpecValidation.shared()).start();
    }

    static SpecCheckedExchange start() {
        return new SpecCheckedExchange(LocalKalshiExchange.builder());
    }

    static Path root() {
        return Path.of(System.getProperty("kalshi4j.root", "..")).toAbsolutePath().normalize();
    }

    /** Fails listing every non-conforming body seen so far in the suite; returns how many bodies were checked. */
    int assertAllResponsesConform() {
        return SpecValidation.shared().assertConforms();
    }

    @Override
    public void close() {
        exchange.close();
    }
}
