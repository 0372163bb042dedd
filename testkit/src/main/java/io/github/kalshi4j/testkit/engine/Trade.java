package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A public trade (Kalshi's {@code Trade}).
 *
 * @param tradeId     trade id
 * @param ticker      market ticker
 * @param count       contracts traded
 * @param yesPrice    YES price (the resting order's price, expressed as YES)
 * @param noPrice     NO price ({@code 1 - yesPrice})
 * @param takerSide   side of the contracts the taker acquired (a taker selling YES is "no")
 * @param createdTime execution time
 * @param sequence    exchange-wide sequence; larger is newer
 */
public record Trade(
        String tradeId,
        String ticker,
        BigDecimal count,
        BigDecimal yesPrice,
        BigDecimal noPrice,
        Side takerSide,
        Instant createdTime,
        long sequence) {
}
