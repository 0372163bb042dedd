package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.model.OrderStatus;
import io.github.kalshi4j.model.SelfTradePreventionType;
import io.github.kalshi4j.ws.Side;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads request and seed values into the SDK's own types, the exchange's way: an unknown value is Kalshi's
 * {@code invalid_parameters}, not the SDK's {@link IllegalArgumentException}.
 */
public final class WireValues {

    private WireValues() {
    }

    /**
     * Parses {@code "yes"} or {@code "no"} (case-insensitive, surrounding blanks ignored).
     *
     * @param value the wire value
     * @return the side
     * @throws ExchangeException {@code invalid_parameters} for anything else
     */
    public static Side side(String value) {
        try {
            return Side.fromWire(value == null ? null : value.trim());
        } catch (IllegalArgumentException e) {
            throw ExchangeException.invalid("side must be 'yes' or 'no', got '" + value + "'");
        }
    }

    /**
     * Parses an order status as the spec defines it ({@code resting}, {@code canceled}, {@code executed}).
     *
     * @param value the wire value, case-insensitive
     * @return the status
     * @throws ExchangeException {@code invalid_parameters} for a value the spec does not list
     */
    public static OrderStatus orderStatus(String value) {
        return known(OrderStatus::fromValue, OrderStatus.UNKNOWN, value, "unknown order status '" + value + "'");
    }

    /**
     * Parses a self-trade prevention type as the spec defines it ({@code taker_at_cross}, {@code maker}).
     *
     * @param value the wire value, case-insensitive
     * @return the type
     * @throws ExchangeException {@code invalid_parameters} for a value the spec does not list
     */
    public static SelfTradePreventionType selfTradePrevention(String value) {
        return known(SelfTradePreventionType::fromValue, SelfTradePreventionType.UNKNOWN, value,
                "unknown self_trade_prevention_type '" + value + "'");
    }

    /**
     * The constant of one of the exchange's own enums whose lower-case name is {@code value} (case-insensitive,
     * surrounding blanks ignored): the wire form of every enum the spec does not define.
     *
     * @param <E> the enum
     * @param constants its constants, {@code E.values()}
     * @param value the wire value
     * @param error the message of the {@code invalid_parameters} error for anything else
     * @return the constant
     * @throws ExchangeException {@code invalid_parameters} for a value that names no constant
     */
    public static <E extends Enum<E>> E named(E[] constants, String value, String error) {
        if (value != null) {
            String wire = value.trim().toUpperCase(Locale.ROOT);
            for (E c : constants) {
                if (c.name().equals(wire)) {
                    return c;
                }
            }
        }
        throw ExchangeException.invalid(error);
    }

    /** What a generated enum reads from {@code value}, refusing what it does not know as Kalshi does. */
    private static <E> E known(Function<String, E> fromValue, E unknown, String value, String error) {
        E parsed = value == null ? null : fromValue.apply(value.trim().toLowerCase(Locale.ROOT));
        if (parsed == null || parsed == unknown) {
            throw ExchangeException.invalid(error);
        }
        return parsed;
    }
}
