/**
 * Kalshi's WebSocket API. {@link io.github.kalshi4j.ws.KalshiWebSocket} (from {@code client.ws()})
 * owns one Tyrus connection with a signed handshake, correlates commands and replies by {@code id},
 * decodes data frames into the {@link io.github.kalshi4j.ws.WsMessage} records over the generated
 * models, and keeps subscriptions alive across reconnects behind stable
 * {@link io.github.kalshi4j.ws.Subscription} handles. {@link io.github.kalshi4j.ws.OrderbookHandle}
 * streams one market's book as immutable {@link io.github.kalshi4j.ws.OrderbookView}s.
 *
 * <p>The message surface is generated at build time from the pinned AsyncAPI spec, never written by hand: the
 * sealed {@link io.github.kalshi4j.ws.WsMessage} union (one record per data message, a visitor with a default
 * case, and {@link io.github.kalshi4j.ws.WsMessage.Unknown} for anything newer), the type-to-payload table behind
 * the decoder, and the open channel catalogue {@link io.github.kalshi4j.ws.Channel}: the known channels as
 * constants, plus {@link io.github.kalshi4j.ws.Channel#of(String)} for a channel newer than the SDK. Hand-written
 * code here names a message type only where its meaning matters: the order book and the sequence gate.
 *
 * <p>The network-free building blocks underneath are public too: the local order book rebuilt from
 * snapshot and delta frames ({@link io.github.kalshi4j.ws.LocalOrderbook}), per-subscription sequence
 * checking ({@link io.github.kalshi4j.ws.SequenceTracker}), the bounded hand-off used by pull
 * subscriptions ({@link io.github.kalshi4j.ws.BoundedBuffer}) and reconnect backoff
 * ({@link io.github.kalshi4j.ws.ReconnectPolicy}). Money is {@link java.math.BigDecimal} throughout,
 * built from the wire's decimal strings.
 */
package io.github.kalshi4j.ws;
