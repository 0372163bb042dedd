package io.github.kalshi4j.ws;

import io.github.kalshi4j.ws.model.OrderbookDeltaPayloadMsg;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayloadMsg;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads order book levels out of snapshot and delta payloads, preferring the fixed-point fields
 * ({@code *_dollars_fp}, {@code price_dollars}, {@code delta_fp}) and falling back to the older
 * dollar and integer-cent fields. The one place in the WebSocket client that knows cents are cents.
 */
final class BookRows {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BookRows() {
    }

    static List<List<BigDecimal>> yes(OrderbookSnapshotPayloadMsg msg) {
        return pick(msg.yesDollarsFp(), msg.yesDollars(), msg.yes());
    }

    static List<List<BigDecimal>> no(OrderbookSnapshotPayloadMsg msg) {
        return pick(msg.noDollarsFp(), msg.noDollars(), msg.no());
    }

    // The generated lists are never null (absent and JSON null read as empty), so "empty" means "not sent".
    private static List<List<BigDecimal>> pick(List<List<BigDecimal>> fp, List<List<BigDecimal>> dollars,
            List<List<Integer>> cents) {
        if (!fp.isEmpty()) {
            return fp;
        }
        if (!dollars.isEmpty()) {
            return dollars;
        }
        List<List<BigDecimal>> out = new ArrayList<>(cents.size());
        for (List<Integer> row : cents) {
            if (row == null || row.size() != 2 || row.get(0) == null || row.get(1) == null) {
                // Left for LocalOrderbook to reject, which marks the book stale.
                out.add(List.of());
            } else {
                out.add(List.of(centsToDollars(row.get(0)), BigDecimal.valueOf(row.get(1))));
            }
        }
        return out;
    }

    static BigDecimal price(OrderbookDeltaPayloadMsg msg) {
        if (msg.priceDollars() != null) {
            return msg.priceDollars();
        }
        return msg.price() == null ? null : centsToDollars(msg.price());
    }

    static BigDecimal delta(OrderbookDeltaPayloadMsg msg) {
        if (msg.deltaFp() != null) {
            return msg.deltaFp();
        }
        return msg.delta() == null ? null : BigDecimal.valueOf(msg.delta());
    }

    static Side side(OrderbookDeltaPayloadMsg msg) {
        String side = msg.sideAsString();
        if ("yes".equals(side)) {
            return Side.YES;
        }
        return "no".equals(side) ? Side.NO : null;
    }

    private static BigDecimal centsToDollars(int cents) {
        return BigDecimal.valueOf(cents).divide(HUNDRED).setScale(4);
    }
}
