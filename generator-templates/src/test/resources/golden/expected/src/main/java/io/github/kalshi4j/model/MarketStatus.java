// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/model.mustache, not this file.
package io.github.kalshi4j.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a market is in its life.
 *
 * <p>Values this SDK version does not know decode as {@link #UNKNOWN}; the model that holds the value keeps
 * the raw string ({@code ...AsString()}).
 */
public enum MarketStatus {

    /** Wire value {@code "open"}. */
    OPEN("open"),

    /** Wire value {@code "closed"}. */
    CLOSED("closed"),

    /** Wire value {@code "settled"}. */
    SETTLED("settled"),

    /** A value the server sent that this SDK version does not know. */
    UNKNOWN(null);

    private static final Map<String, MarketStatus> BY_VALUE = new HashMap<>();

    static {
        for (MarketStatus v : values()) {
            if (v.value != null) {
                BY_VALUE.put(v.value, v);
            }
        }
    }

    private final String value;

    MarketStatus(String value) {
        this.value = value;
    }

    /** The wire value, or null for {@link #UNKNOWN}. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant for a wire value: {@link #UNKNOWN} when unknown, null when {@code value} is null. */
    @JsonCreator
    public static MarketStatus fromValue(String value) {
        if (value == null) {
            return null;
        }
        MarketStatus v = BY_VALUE.get(value);
        return v == null ? UNKNOWN : v;
    }

    /** The wire value to send, refusing {@link #UNKNOWN}, which has none. */
    public static String toWire(MarketStatus v) {
        if (v == UNKNOWN) {
            throw new IllegalArgumentException("MarketStatus.UNKNOWN has no wire value; pass the raw string instead");
        }
        return v == null ? null : v.value;
    }

    @Override
    public String toString() {
        return value == null ? "UNKNOWN" : value;
    }
}

