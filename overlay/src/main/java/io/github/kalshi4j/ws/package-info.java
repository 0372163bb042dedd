/**
 * Network-free building blocks of the WebSocket client: the local order book rebuilt from
 * snapshot and delta frames ({@link io.github.kalshi4j.ws.LocalOrderbook}), per-subscription
 * sequence checking ({@link io.github.kalshi4j.ws.SequenceTracker}), the bounded hand-off used by
 * pull subscriptions ({@link io.github.kalshi4j.ws.BoundedBuffer}) and reconnect backoff
 * ({@link io.github.kalshi4j.ws.ReconnectPolicy}). Money is {@link java.math.BigDecimal}
 * throughout, built from the wire's decimal strings.
 */
package io.github.kalshi4j.ws;
