package io.github.kalshi4j.testkit.engine;

import java.time.Instant;

/**
 * A market lifecycle transition (maps to {@code market_lifecycle_v2}).
 *
 * @param type   the transition
 * @param market the market after it (status, close time, result, settlement time and value)
 * @param time   when it happened
 */
public record MarketLifecycleEvent(MarketLifecycleType type, Market market, Instant time) {
}
