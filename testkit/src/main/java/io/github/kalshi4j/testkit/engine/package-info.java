/**
 * Domain core of the local Kalshi exchange used by kalshi4j tests and demos.
 *
 * <p>{@link io.github.kalshi4j.testkit.engine.Exchange} holds reference data loaded from a
 * {@link io.github.kalshi4j.testkit.engine.Seed}, runs a price-time priority matching engine on
 * Kalshi's binary book (bids only: a YES bid at p crosses a NO bid at q when p + q &ge; 1) and keeps
 * each account's cash, positions, fills and settlements. Nothing here knows HTTP or JSON wire
 * shapes: the REST/WebSocket layer maps the immutable snapshots (records) to the generated Kalshi
 * models and turns {@link io.github.kalshi4j.testkit.engine.ExchangeListener} callbacks into
 * WebSocket frames.
 *
 * <p>Conventions: prices are {@link java.math.BigDecimal} dollars with scale 4 ({@code 0.5600});
 * contract counts are {@code BigDecimal} with scale 2 ({@code 10.00}, fractional allowed); money
 * amounts are {@code BigDecimal} dollars with scale 4 (6 when sub-cent precision is needed). Times
 * are {@link java.time.Instant}s read from the exchange's injected {@link java.time.Clock}.
 */
package io.github.kalshi4j.testkit.engine;
