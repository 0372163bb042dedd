package io.github.kalshi4j.it;

import io.github.kalshi4j.model.OrderbookCountFp;
import io.github.kalshi4j.ws.OrderbookView;
import io.github.kalshi4j.ws.PriceLevel;

import java.math.BigDecimal;
import java.util.List;

/** Compares a client's local order book with the exchange's own, as GetMarketOrderbook returns it. */
public final class Books {

    private Books() {
    }

    /**
     * True when both sides hold the same levels, price and count compared by value.
     *
     * @param view the client's local book
     * @param rest the exchange's book over REST
     * @return whether they are the same book
     */
    public static boolean sameBook(OrderbookView view, OrderbookCountFp rest) {
        return sameSide(view.yesBids(), rest.yesDollars()) && sameSide(view.noBids(), rest.noDollars());
    }

    private static boolean sameSide(List<PriceLevel> local, List<List<BigDecimal>> rest) {
        if (local.size() != rest.size()) {
            return false;
        }
        // REST lists levels lowest price first; the local view best (highest) first.
        for (int i = 0; i < local.size(); i++) {
            List<BigDecimal> r = rest.get(rest.size() - 1 - i);
            if (local.get(i).price().compareTo(r.get(0)) != 0 || local.get(i).count().compareTo(r.get(1)) != 0) {
                return false;
            }
        }
        return true;
    }
}
