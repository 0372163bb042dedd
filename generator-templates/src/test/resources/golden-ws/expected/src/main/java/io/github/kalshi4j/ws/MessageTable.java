// Generated from spec/materialized/asyncapi.yaml by kalshi4j; edit generator-templates/java/ws/MessageTable.mustache, not this file.
package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.ws.model.BookSnapshotPayload;
import io.github.kalshi4j.ws.model.BookDeltaPayload;
import io.github.kalshi4j.ws.model.MyOrderPayload;
import io.github.kalshi4j.ws.model.LifecyclePayload;
import io.github.kalshi4j.ws.model.LifecycleMetaPayload;
import io.github.kalshi4j.ws.model.IndexValuePayload;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The envelope {@code type} to payload table of the pinned AsyncAPI spec: which generated model a data frame decodes
 * into and which {@link WsMessage} record carries it, and which types are replies to commands. Where several messages
 * share a type, a {@code const} member of {@code msg} tells them apart.
 */
final class MessageTable {

    private static final Set<String> DATA_TYPES = Set.of("book_snapshot", "book_delta", "my_order", "lifecycle", "index_value_5hz");

    private static final Map<String, Plain<?>> PLAIN = plain();

    private MessageTable() {
    }

    /** True for the envelope types of replies to commands ({@code subscribed}, {@code ok}, ...). */
    static boolean isReply(String type) {
        switch (type) {
            case "ok":
            case "ok_reply":
                return true;
            default:
                return false;
        }
    }

    /** The envelope types of the data messages this SDK version decodes into a record. */
    static Set<String> dataTypes() {
        return DATA_TYPES;
    }

    /**
     * The data types that one message alone carries, each with its payload model and record: a frame of such a type
     * can be bound straight into its payload from the text, since nothing inside {@code msg} has to be looked at
     * first. Types several messages share are not here; {@link #decode} tells their messages apart from a tree.
     */
    static Map<String, Plain<?>> plainTypes() {
        return PLAIN;
    }

    private static Map<String, Plain<?>> plain() {
        Map<String, Plain<?>> m = new HashMap<>();
        m.put("book_snapshot", new Plain<>(BookSnapshotPayload.class, WsMessage.BookSnapshot::new));
        m.put("book_delta", new Plain<>(BookDeltaPayload.class, WsMessage.BookDelta::new));
        m.put("my_order", new Plain<>(MyOrderPayload.class, WsMessage.MyOrderUpdate::new));
        m.put("index_value_5hz", new Plain<>(IndexValuePayload.class, WsMessage.IndexValue::new));
        return Map.copyOf(m);
    }

    /**
     * A data type that one message carries: the payload model its frames bind into, and the record that wraps it.
     *
     * @param <P> the payload model
     */
    static final class Plain<P> {
        private final Class<P> payloadClass;
        private final RecordMaker<P> maker;

        Plain(Class<P> payloadClass, RecordMaker<P> maker) {
            this.payloadClass = payloadClass;
            this.maker = maker;
        }

        /** The generated model a whole frame of this type binds into. */
        Class<P> payloadClass() {
            return payloadClass;
        }

        /** The record for a payload bound from a frame of this type, with the envelope's {@code sid} and {@code seq}. */
        WsMessage record(long sid, OptionalLong seq, Object payload) {
            return maker.make(sid, seq, payloadClass.cast(payload));
        }
    }

    /**
     * A record's constructor.
     *
     * @param <P> the payload model
     */
    @FunctionalInterface
    interface RecordMaker<P> {
        WsMessage make(long sid, OptionalLong seq, P payload);
    }

    /**
     * Decodes a data frame into its record.
     *
     * @return the record, or null when this SDK version has no record for the frame
     * @throws JsonProcessingException when the frame does not fit its model
     */
    static WsMessage decode(ObjectMapper mapper, String type, JsonNode frame, long sid, OptionalLong seq)
            throws JsonProcessingException {
        switch (type) {
            case "book_snapshot": {
                return new WsMessage.BookSnapshot(sid, seq, mapper.treeToValue(frame, BookSnapshotPayload.class));
            }
            case "book_delta": {
                return new WsMessage.BookDelta(sid, seq, mapper.treeToValue(frame, BookDeltaPayload.class));
            }
            case "my_order": {
                return new WsMessage.MyOrderUpdate(sid, seq, mapper.treeToValue(frame, MyOrderPayload.class));
            }
            case "lifecycle": {
                if ("metadata_updated".equals(frame.path("msg").path("event_type").asText(null))) {
                    return new WsMessage.LifecycleMeta(sid, seq, mapper.treeToValue(frame, LifecycleMetaPayload.class));
                }
                return new WsMessage.Lifecycle(sid, seq, mapper.treeToValue(frame, LifecyclePayload.class));
            }
            case "index_value_5hz": {
                return new WsMessage.IndexValue(sid, seq, mapper.treeToValue(frame, IndexValuePayload.class));
            }
            default:
                return null;
        }
    }
}
