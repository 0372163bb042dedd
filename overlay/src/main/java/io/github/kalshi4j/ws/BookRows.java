package io.github.kalshi4j.ws;

import io.github.kalshi4j.ws.model.OrderbookDeltaPayloadMsg;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayloadMsg;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads order book levels out of snapshot and delta payloads: the fixed-point forms only
 * ({@code yes_dollars_fp}/{@code no_dollars_fp} rows of {@code [price_dollars, count_fp]}, {@code price_dollars},
 * {@code delta_fp}), which the generated models already hold as {@link BigDecimal}. Kalshi's later specs dropped
 * the integer-cent and {@code _dollars}-only book forms, and live servers send only these; the one place in the
 * WebSocket client that knows which payload members make a book.
 */
final class BookRows {

    private BookRows() {
    }

    static List<List<BigDecimal>> yes(OrderbookSnapshotPayloadMsg msg) {
        return msg.yesDollarsFp();
    }

    static List<List<BigDecimal>> no(OrderbookSnapshotPayloadMsg msg) {
        return msg.noDollarsFp();
    }

    static BigDecimal price(OrderbookDeltaPayloadMsg msg) {
        return msg.priceDollars();
    }

    static BigDecimal delta(OrderbookDeltaPayloadMsg msg) {
        return msg.deltaFp();
    }

    static Side side(OrderbookDeltaPayloadMsg msg) {
        String side = msg.sideAsString();
        if ("yes".equals(side)) {
            return Side.YES;
        }
        return "no".equals(side) ? Side.NO : null;
    }
}
