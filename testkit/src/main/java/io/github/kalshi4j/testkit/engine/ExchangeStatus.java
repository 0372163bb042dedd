package io.github.kalshi4j.testkit.engine;

/**
 * Exchange-wide status (Kalshi's {@code ExchangeStatus}).
 *
 * @param exchangeActive true while the exchange is up
 * @param tradingActive  false while trading is paused exchange-wide
 */
public record ExchangeStatus(boolean exchangeActive, boolean tradingActive) {
}
