package io.github.kalshi4j.it;

import io.github.kalshi4j.model.CreateOrderV2Request;
import java.math.BigDecimal;

/**
 * V2 order requests as the tests state them: a buy of YES at its price is a bid at that price, a buy of NO at its
 * price is an ask at the YES price {@code 1 - price} (Kalshi's order direction: bid ≡ YES, ask ≡ NO, one price scale).
 */
final class V2Orders {

    private V2Orders() {
    }

    /** A good-till-canceled order that buys {@code side} ("yes" or "no") at that side's {@code price}. */
    static CreateOrderV2Request.Builder buy(String ticker, String side, String count, String price) {
        BigDecimal p = new BigDecimal(price);
        boolean yes = side.equals("yes");
        if (!yes && !side.equals("no")) {
            throw new IllegalArgumentException("side is yes or no, not " + side);
        }
        return CreateOrderV2Request.builder().ticker(ticker).side(yes ? "bid" : "ask").count(count)
                .price(yes ? p : BigDecimal.ONE.subtract(p)).timeInForce("good_till_canceled")
                .selfTradePreventionType("taker_at_cross");
    }
}
