package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;

/**
 * A request to change a resting order's price and/or size (the domain form of Kalshi's
 * {@code AmendOrderRequest}).
 *
 * <p>{@code ticker}, {@code side} and {@code action} must repeat the order's. Exactly one of
 * {@code yesPrice} / {@code noPrice} is required (repeat the current price to change only the
 * size). {@code count} is the new maximum fillable size, i.e. the new {@code fill_count +
 * remaining_count}; null keeps the size.
 *
 * <p>The order keeps its queue priority only when the price is unchanged and the remaining count
 * does not grow; otherwise it goes to the back of its (new) price level, and a new price that
 * crosses the book trades immediately as a taker.
 *
 * @param ticker               the order's market
 * @param side                 the order's side
 * @param action               the order's action
 * @param clientOrderId        the order's current client order id, checked when given
 * @param updatedClientOrderId a new client order id, or null to keep it
 * @param yesPrice             new price as a YES price, or null
 * @param noPrice              new price as a NO price, or null
 * @param count                new total size (fill count + remaining), or null
 */
public record OrderAmendment(
        String ticker,
        Side side,
        Action action,
        String clientOrderId,
        String updatedClientOrderId,
        BigDecimal yesPrice,
        BigDecimal noPrice,
        BigDecimal count) {

    /** Shorthand for an amendment giving the new own-side price and an optional new total size. */
    public static OrderAmendment of(String ticker, Side side, Action action, String sidePrice, String count) {
        BigDecimal price = new BigDecimal(sidePrice);
        return new OrderAmendment(ticker, side, action, null, null,
                side == Side.YES ? price : null,
                side == Side.NO ? price : null,
                count == null ? null : new BigDecimal(count));
    }
}
