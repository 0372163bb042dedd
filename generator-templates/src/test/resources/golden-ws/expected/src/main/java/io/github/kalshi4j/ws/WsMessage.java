// Generated from spec/materialized/asyncapi.yaml by kalshi4j; edit generator-templates/java/ws/WsMessage.mustache, not this file.
package io.github.kalshi4j.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kalshi4j.ws.model.BookSnapshotPayload;
import io.github.kalshi4j.ws.model.BookSnapshotPayloadMsg;
import io.github.kalshi4j.ws.model.BookDeltaPayload;
import io.github.kalshi4j.ws.model.BookDeltaPayloadMsg;
import io.github.kalshi4j.ws.model.MyOrderPayload;
import io.github.kalshi4j.ws.model.MyOrderPayloadMsg;
import io.github.kalshi4j.ws.model.LifecyclePayload;
import io.github.kalshi4j.ws.model.LifecyclePayloadMsg;
import io.github.kalshi4j.ws.model.LifecycleMetaPayload;
import io.github.kalshi4j.ws.model.LifecycleMetaPayloadMsg;
import io.github.kalshi4j.ws.model.IndexValuePayload;
import io.github.kalshi4j.ws.model.IndexValuePayloadMsg;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A data frame received on a Kalshi WebSocket subscription, decoded into the generated model of its
 * envelope {@code type}: one record per data message of the pinned AsyncAPI spec, plus
 * {@link Unknown} for a type this SDK version does not know (or could not decode), so a new message
 * type never ends a stream.
 *
 * <p>Each record keeps the envelope's {@code sid} and {@code seq} as received and the whole decoded
 * payload; money and counts in the payload are {@link java.math.BigDecimal}. Branch with
 * {@code instanceof}, a {@code switch} over the records, or {@link #accept(Visitor)}.
 *
 * <p>The {@code sid} is the server's id on the connection the frame arrived on; it changes when the
 * client resubscribes after a reconnect, while the user's {@link Subscription} handle stays the same.
 *
 * <p>Generated from the AsyncAPI spec with the channel catalogue {@link Channel}: a spec bump that adds a
 * message adds its record here, with no hand-written code.
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
         * Handles {@link BookSnapshot}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(BookSnapshot message) {
            return otherwise(message);
        }

        /**
         * Handles {@link BookDelta}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(BookDelta message) {
            return otherwise(message);
        }

        /**
         * Handles {@link MyOrderUpdate}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(MyOrderUpdate message) {
            return otherwise(message);
        }

        /**
         * Handles {@link Lifecycle}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(Lifecycle message) {
            return otherwise(message);
        }

        /**
         * Handles {@link LifecycleMeta}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(LifecycleMeta message) {
            return otherwise(message);
        }

        /**
         * Handles {@link IndexValue}; defaults to {@link #otherwise(WsMessage)}.
         *
         * @param message the message
         * @return the result
         */
        default R visit(IndexValue message) {
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
     * A whole book, with levels &amp; &lt;more&gt; ({@code book_snapshot} on {@code book}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record BookSnapshot(long sid, OptionalLong seq, BookSnapshotPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public BookSnapshot {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public BookSnapshotPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@code "book_snapshot"}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return "book_snapshot";
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
     * One level changed ({@code book_delta} on {@code book}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record BookDelta(long sid, OptionalLong seq, BookDeltaPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public BookDelta {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public BookDeltaPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@code "book_delta"}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return "book_delta";
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
     * Your order changed ({@code my_order} on {@code mine}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record MyOrderUpdate(long sid, OptionalLong seq, MyOrderPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public MyOrderUpdate {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public MyOrderPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@code "my_order"}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return "my_order";
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
     * A market's lifecycle event ({@code lifecycle} on {@code mine}, {@code index_value_5hz}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record Lifecycle(long sid, OptionalLong seq, LifecyclePayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public Lifecycle {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public LifecyclePayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@code "lifecycle"}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return "lifecycle";
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
     * A market's metadata changed ({@code lifecycle} on {@code mine}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record LifecycleMeta(long sid, OptionalLong seq, LifecycleMetaPayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public LifecycleMeta {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public LifecycleMetaPayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@code "lifecycle"}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return "lifecycle";
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
     * An index value ({@code index_value_5hz} on {@code index_value_5hz}).
     *
     * @param sid the envelope's {@code sid} (0 if absent)
     * @param seq the envelope's {@code seq}, if any
     * @param payload the decoded frame, not null
     */
    record IndexValue(long sid, OptionalLong seq, IndexValuePayload payload) implements WsMessage {

        /**
         * Creates the record.
         *
         * @param sid the envelope's {@code sid}
         * @param seq the envelope's {@code seq}, not null
         * @param payload the decoded frame, not null
         */
        public IndexValue {
            Objects.requireNonNull(seq, "seq");
            Objects.requireNonNull(payload, "payload");
        }

        /**
         * Returns the payload's {@code msg} object.
         *
         * @return the message body, or null if the frame had none
         */
        public IndexValuePayloadMsg msg() {
            return payload.msg();
        }

        /**
         * Returns {@code "index_value_5hz"}.
         *
         * @return the envelope type
         */
        @Override
        public String type() {
            return "index_value_5hz";
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
