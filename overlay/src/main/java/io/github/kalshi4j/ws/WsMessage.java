package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.kalshi4j.ws.model.EventLifecyclePayload;
import io.github.kalshi4j.ws.model.EventLifecyclePayloadMsg;
import io.github.kalshi4j.ws.model.FillPayload;
import io.github.kalshi4j.ws.model.FillPayloadMsg;
import io.github.kalshi4j.ws.model.MarketLifecycleV2Payload;
import io.github.kalshi4j.ws.model.MarketLifecycleV2PayloadMsg;
import io.github.kalshi4j.ws.model.MarketPositionPayload;
import io.github.kalshi4j.ws.model.MarketPositionPayloadMsg;
import io.github.kalshi4j.ws.model.MultivariateLookupPayload;
import io.github.kalshi4j.ws.model.MultivariateLookupPayloadMsg;
import io.github.kalshi4j.ws.model.OrderGroupUpdatesPayload;
import io.github.kalshi4j.ws.model.OrderGroupUpdatesPayloadMsg;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayload;
import io.github.kalshi4j.ws.model.OrderbookDeltaPayloadMsg;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayload;
import io.github.kalshi4j.ws.model.OrderbookSnapshotPayloadMsg;
import io.github.kalshi4j.ws.model.QuoteAcceptedPayload;
import io.github.kalshi4j.ws.model.QuoteAcceptedPayloadMsg;
import io.github.kalshi4j.ws.model.QuoteCreatedPayload;
import io.github.kalshi4j.ws.model.QuoteCreatedPayloadMsg;
import io.github.kalshi4j.ws.model.QuoteExecutedPayload;
import io.github.kalshi4j.ws.model.QuoteExecutedPayloadMsg;
import io.github.kalshi4j.ws.model.RfqCreatedPayload;
import io.github.kalshi4j.ws.model.RfqCreatedPayloadMsg;
import io.github.kalshi4j.ws.model.RfqDeletedPayload;
import io.github.kalshi4j.ws.model.RfqDeletedPayloadMsg;
import io.github.kalshi4j.ws.model.TickerPayload;
import io.github.kalshi4j.ws.model.TickerPayloadMsg;
import io.github.kalshi4j.ws.model.TradePayload;
import io.github.kalshi4j.ws.model.TradePayloadMsg;
import io.github.kalshi4j.ws.model.UserOrderPayload;
import io.github.kalshi4j.ws.model.UserOrderPayloadMsg;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A data frame received on a Kalshi WebSocket subscription, decoded into the generated model of its
 * envelope {@code type}: one record per message type of the pinned AsyncAPI spec, plus
 * {@link Unknown} for a type this SDK version does not know (or could not decode), so a new message
 * type never ends a stream.
 *
 * <p>Each record keeps the envelope's {@code sid} and {@code seq} as received and the whole decoded
 * payload; money and counts in the payload are {@link java.math.BigDecimal}. Branch with
 * {@code instanceof} or with {@link #accept(Visitor)}.
 *
 * <p>The {@code sid} is the server's id on the connection the frame arrived on; it changes when the
 * client resubscribes after a reconnect, while the user's {@link Subscription} handle stays the same.
 */
public sealed interface WsMessage {

    /**
     * Returns the envelope {@code type}, e.g. {@code "orderbook_delta"}.
     *
     * @return the type as received
     */
    String type();

    /**
     * Returns the server's subscription id the frame carried.
     *
     * @return the {@code sid}, or 0 if the frame had none
     */
    long sid();

    /**
     * Returns the frame's sequence number, if it carried one.
     *
     * @return the {@code seq}, or empty
     */
    OptionalLong seq();

    /**
     * Returns the market the message is about, when its payload names one.
     *
     * @return the market ticker, or empty (e.g. for event lifecycle and order group messages)
     */
    Optional<String> marketTicker();

    /**
     * Calls the visitor method for this message's record type.
     *
     * @param visitor the visitor, not null
     * @param <R> the visitor's result type
     * @return what the visitor returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * Double dispatch over the message records. Every {@code visit} method defaults to
     * {@link #otherwise(WsMessage)}, so a visitor overrides only the types it handles and a type added in
     * a later SDK version does not break it.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {

        /**
         * Handles every message whose {@code visit} method is not overridden.
         *
         * @param message the message
         * @return the result
         */
        R otherwise(WsMessage message);


        /**
         * Handles {@link OrderbookSnapshot}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(OrderbookSnapshot message) {
            return otherwise(message);
        }

        /**
         * Handles {@link OrderbookDelta}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(OrderbookDelta message) {
            return otherwise(message);
        }

        /**
         * Handles {@link Ticker}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(Ticker message) {
            return otherwise(message);
        }

        /**
         * Handles {@link Trade}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(Trade message) {
            return otherwise(message);
        }

        /**
         * Handles {@link Fill}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(Fill message) {
            return otherwise(message);
        }

        /**
         * Handles {@link MarketPosition}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(MarketPosition message) {
            return otherwise(message);
        }

        /**
         * Handles {@link MarketLifecycle}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(MarketLifecycle message) {
            return otherwise(message);
        }

        /**
         * Handles {@link EventLifecycle}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(EventLifecycle message) {
            return otherwise(message);
        }

        /**
         * Handles {@link MultivariateLookup}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(MultivariateLookup message) {
            return otherwise(message);
        }

        /**
         * Handles {@link RfqCreated}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(RfqCreated message) {
            return otherwise(message);
        }

        /**
         * Handles {@link RfqDeleted}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(RfqDeleted message) {
            return otherwise(message);
        }

        /**
         * Handles {@link QuoteCreated}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(QuoteCreated message) {
            return otherwise(message);
        }

        /**
         * Handles {@link QuoteAccepted}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(QuoteAccepted message) {
            return otherwise(message);
        }

        /**
         * Handles {@link QuoteExecuted}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(QuoteExecuted message) {
            return otherwise(message);
        }

        /**
         * Handles {@link OrderGroupUpdate}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(OrderGroupUpdate message) {
            return otherwise(message);
        }

        /**
         * Handles {@link UserOrder}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(UserOrder message) {
            return otherwise(message);
        }

        /**
         * Handles {@link Unknown}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(Unknown message) {
            return otherwise(message);
        }
    }


    /**
     * A full order book for one market ({@code orderbook_snapshot} on {@code orderbook_delta}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record OrderbookSnapshot(long sid, OptionalLong seq, OrderbookSnapshotPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public OrderbookSnapshot {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public OrderbookSnapshotPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value OrderbookSnapshotPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return OrderbookSnapshotPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * One price level's change ({@code orderbook_delta}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record OrderbookDelta(long sid, OptionalLong seq, OrderbookDeltaPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public OrderbookDelta {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public OrderbookDeltaPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value OrderbookDeltaPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return OrderbookDeltaPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Price, volume and open interest of one market ({@code ticker}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record Ticker(long sid, OptionalLong seq, TickerPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public Ticker {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public TickerPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value TickerPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return TickerPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A public trade ({@code trade}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record Trade(long sid, OptionalLong seq, TradePayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public Trade {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public TradePayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value TradePayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return TradePayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * One of your fills ({@code fill}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record Fill(long sid, OptionalLong seq, FillPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public Fill {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public FillPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value FillPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return FillPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * Your position in one market ({@code market_position} on {@code market_positions}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record MarketPosition(long sid, OptionalLong seq, MarketPositionPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public MarketPosition {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public MarketPositionPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value MarketPositionPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return MarketPositionPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A market lifecycle change ({@code market_lifecycle_v2}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record MarketLifecycle(long sid, OptionalLong seq, MarketLifecycleV2Payload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public MarketLifecycle {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public MarketLifecycleV2PayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value MarketLifecycleV2Payload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return MarketLifecycleV2Payload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * An event was created ({@code event_lifecycle} on {@code market_lifecycle_v2}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record EventLifecycle(long sid, OptionalLong seq, EventLifecyclePayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public EventLifecycle {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public EventLifecyclePayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value EventLifecyclePayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return EventLifecyclePayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A multivariate collection lookup ({@code multivariate_lookup} on {@code multivariate}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record MultivariateLookup(long sid, OptionalLong seq, MultivariateLookupPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public MultivariateLookup {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public MultivariateLookupPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value MultivariateLookupPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return MultivariateLookupPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * An RFQ was created ({@code rfq_created} on {@code communications}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record RfqCreated(long sid, OptionalLong seq, RfqCreatedPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public RfqCreated {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public RfqCreatedPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value RfqCreatedPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return RfqCreatedPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * An RFQ was deleted ({@code rfq_deleted} on {@code communications}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record RfqDeleted(long sid, OptionalLong seq, RfqDeletedPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public RfqDeleted {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public RfqDeletedPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value RfqDeletedPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return RfqDeletedPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A quote was created ({@code quote_created} on {@code communications}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record QuoteCreated(long sid, OptionalLong seq, QuoteCreatedPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public QuoteCreated {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public QuoteCreatedPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value QuoteCreatedPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return QuoteCreatedPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A quote was accepted ({@code quote_accepted} on {@code communications}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record QuoteAccepted(long sid, OptionalLong seq, QuoteAcceptedPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public QuoteAccepted {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public QuoteAcceptedPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value QuoteAcceptedPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return QuoteAcceptedPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A quote was executed ({@code quote_executed} on {@code communications}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record QuoteExecuted(long sid, OptionalLong seq, QuoteExecutedPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public QuoteExecuted {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public QuoteExecutedPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value QuoteExecutedPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return QuoteExecutedPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().marketTicker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * An order group changed ({@code order_group_updates}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record OrderGroupUpdate(long sid, OptionalLong seq, OrderGroupUpdatesPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public OrderGroupUpdate {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public OrderGroupUpdatesPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value OrderGroupUpdatesPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return OrderGroupUpdatesPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return Optional.empty();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * One of your orders was created or changed ({@code user_order} on {@code user_orders}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record UserOrder(long sid, OptionalLong seq, UserOrderPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public UserOrder {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public UserOrderPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@value UserOrderPayload#TYPE}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return UserOrderPayload.TYPE;
        }

        @Override
        public Optional<String> marketTicker() {
            return payload.msg() == null ? Optional.empty() : Optional.ofNullable(payload.msg().ticker());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A frame of a type this SDK version does not model, or one whose body did not match its model.
     * The raw JSON is kept so nothing is lost.
     *
     * @param json the whole frame, not null
     */
    record Unknown(JsonNode json) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param json the whole frame, not null
         */
        public Unknown {
            Objects.requireNonNull(json, "json");
        }

        /**
         * Returns the frame's {@code type}.
         *
         * @return the type, or an empty string if the frame had none
         */
        @Override
        public String type() {
            JsonNode type = json.get("type");
            return type == null || !type.isTextual() ? "" : type.textValue();
        }

        @Override
        public long sid() {
            JsonNode sid = json.get("sid");
            return sid == null || !sid.canConvertToLong() ? 0 : sid.longValue();
        }

        @Override
        public OptionalLong seq() {
            JsonNode seq = json.get("seq");
            return seq == null || !seq.canConvertToLong() ? OptionalLong.empty() : OptionalLong.of(seq.longValue());
        }

        /**
         * Returns {@code msg.market_ticker} if the frame has one.
         *
         * @return the market ticker, or empty
         */
        @Override
        public Optional<String> marketTicker() {
            JsonNode ticker = json.path("msg").get("market_ticker");
            return ticker == null || !ticker.isTextual() ? Optional.empty() : Optional.of(ticker.textValue());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
