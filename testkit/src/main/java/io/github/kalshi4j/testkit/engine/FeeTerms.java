package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;

/**
 * The fee structure that applies to a market at one moment: its series' unless an event fee change overrides it.
 *
 * @param type       fee structure
 * @param multiplier fee multiplier
 */
record FeeTerms(FeeType type, BigDecimal multiplier) {
}
