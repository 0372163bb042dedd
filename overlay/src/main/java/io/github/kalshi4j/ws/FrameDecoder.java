package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a data frame into its {@link WsMessage} record through the generated type-to-payload table
 * ({@link MessageTable}). Never throws: a frame of an unknown type, or one that does not fit its model, becomes
 * {@link WsMessage.Unknown} (the latter is also reported, since it means the spec and the server disagree).
 */
final class FrameDecoder {

    private final ObjectMapper mapper;
    private final Consumer<Throwable> problems;

    FrameDecoder(ObjectMapper mapper, Consumer<Throwable> problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    /** The envelope types decoded into a specific record (everything else is {@link WsMessage.Unknown}). */
    static Set<String> knownTypes() {
        return MessageTable.dataTypes();
    }

    /** True for the envelope types of replies to commands. */
    static boolean isReply(String type) {
        return MessageTable.isReply(type);
    }

    WsMessage decode(String type, JsonNode frame) {
        if (type == null || !MessageTable.dataTypes().contains(type)) {
            return new WsMessage.Unknown(frame);
        }
        JsonNode sidNode = frame.get("sid");
        JsonNode seqNode = frame.get("seq");
        long sid = sidNode != null && sidNode.canConvertToLong() ? sidNode.longValue() : 0;
        // Taken from the envelope, not the model: a channel may send a seq its spec omits.
        OptionalLong seq = seqNode != null && seqNode.canConvertToLong() ? OptionalLong.of(seqNode.longValue())
                : OptionalLong.empty();
        try {
            WsMessage message = MessageTable.decode(mapper, type, frame, sid, seq);
            return message != null ? message : new WsMessage.Unknown(frame);
        } catch (JsonProcessingException | RuntimeException e) {
            problems.accept(new KalshiWebSocketException("could not decode a " + type + " frame (sid " + sid
                    + "); delivered as WsMessage.Unknown", e));
            return new WsMessage.Unknown(frame);
        }
    }
}
