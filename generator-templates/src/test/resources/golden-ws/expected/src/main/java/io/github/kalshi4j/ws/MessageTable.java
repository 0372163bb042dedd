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
import java.util.OptionalLong;
import java.util.Set;

/**
 * The envelope {@code type} to payload table of the pinned AsyncAPI spec: which generated model a data frame decodes
 * into and which {@link WsMessage} record carries it, and which types are replies to commands. Where several messages
 * share a type, a {@code const} member of {@code msg} tells them apart.
 */
final class MessageTable {

    private static final Set<String> DATA_TYPES = Set.of("book_snapshot", "book_delta", "my_order", "lifecycle", "index_value_5hz");

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
