package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import io.github.kalshi4j.ws.PriceLevel;
import java.util.List;

/**
 * A market's bid-only book. A YES bid at p is also a NO offer at {@code 1 - p}.
 *
 * @param ticker market ticker
 * @param yes    YES bids, best (highest) price first
 * @param no     NO bids, best (highest) price first
 */
public record Orderbook(String ticker, List<PriceLevel> yes, List<PriceLevel> no) {

    /** Copies the level lists so the snapshot stays immutable. */
    public Orderbook {
        yes = List.copyOf(yes);
        no = List.copyOf(no);
    }

    /** Returns the levels of one side. */
    public List<PriceLevel> side(Side side) {
        return side == Side.YES ? yes : no;
    }
}
