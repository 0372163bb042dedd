package io.github.kalshi4j.testkit.engine;

import io.github.kalshi4j.ws.Side;

/**
 * One leg of a combo market (Kalshi's {@code MveSelectedLeg}).
 *
 * @param eventTicker  event of the leg's market
 * @param marketTicker the leg's market
 * @param side         the side of that market the combo requires
 */
public record MveLeg(String eventTicker, String marketTicker, Side side) {
}
