package io.github.kalshi4j.ws;

import java.util.Locale;

/** The two sides of a Kalshi binary market. Each side of the book holds bids only. */
public enum Side {
    /** The YES contract. */
    YES("yes"),
    /** The NO contract. */
    NO("no");

    private final String wire;

    Side(String wire) {
        this.wire = wire;
    }

    /**
     * Parses the wire spelling used in {@code side} fields.
     *
     * @param value {@code "yes"} or {@code "no"} (case-insensitive)
     * @return the side
     * @throws IllegalArgumentException if {@code value} is null or neither spelling
     */
    public static Side fromWire(String value) {
        if (value != null) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "yes":
                    return YES;
                case "no":
                    return NO;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("not a Kalshi side: " + value);
    }

    /**
     * Returns the wire spelling.
     *
     * @return {@code "yes"} or {@code "no"}
     */
    public String wire() {
        return wire;
    }

    /**
     * Returns the other side.
     *
     * @return NO for YES and YES for NO
     */
    public Side opposite() {
        return this == YES ? NO : YES;
    }
}
