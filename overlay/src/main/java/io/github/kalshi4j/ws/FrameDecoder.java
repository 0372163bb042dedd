package io.github.kalshi4j.ws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.kalshi4j.errors.KalshiWebSocketException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a data frame into its {@link WsMessage} record through the generated type-to-payload table
 * ({@link MessageTable}). Never throws: a frame of an unknown type, or one that does not fit its model, becomes
 * {@link WsMessage.Unknown} (the latter is also reported, since it means the spec and the server disagree).
 *
 * <p>Two ways in. {@link #decodeData(String)} binds a data frame of a type one message carries straight from its text
 * into the payload model, in one streaming pass with no tree: what every market data frame takes. Everything else
 * (replies, unknown types, types several messages share, and whatever that pass declines) is read into a tree and
 * goes through {@link #decode(String, JsonNode)}, as before; the one-pass result is always the one the tree would
 * give.
 */
final class FrameDecoder {

    /** How Kalshi starts every frame; a frame that starts otherwise is buffered until its type is known. */
    private static final String TYPE_FIRST = "{\"type\":\"";

    private final ObjectMapper mapper;
    private final Consumer<Throwable> problems;
    /** Data types one message carries, with a reader for its payload model; empty when the mapper rules it out. */
    private final Map<String, Binding> bindings;
    private final boolean failOnTrailingTokens;

    FrameDecoder(ObjectMapper mapper, Consumer<Throwable> problems) {
        this.mapper = mapper;
        this.problems = problems;
        this.bindings = onePassBindings(mapper);
        this.failOnTrailingTokens = mapper.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A payload model's reader and record, for one data type. */
    private record Binding(ObjectReader reader, MessageTable.Plain<?> plain) {
    }

    private static Map<String, Binding> onePassBindings(ObjectMapper mapper) {
        // A tree that fails on repeated keys, or drops null members, reads some frames differently from a streaming
        // bind; a mapper set up like that keeps the tree for everything.
        if (mapper.isEnabled(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                || !mapper.getDeserializationConfig().isEnabled(JsonNodeFeature.READ_NULL_PROPERTIES)) {
            return Map.of();
        }
        Map<String, Binding> out = new HashMap<>();
        MessageTable.plainTypes().forEach((type, plain) -> {
            // A type that is also a reply's is routed as a reply.
            if (!MessageTable.isReply(type)) {
                out.put(type, new Binding(mapper.readerFor(plain.payloadClass()), plain));
            }
        });
        return Map.copyOf(out);
    }

    /**
     * Decodes a data frame straight from its text, in one streaming pass, when its type is one a single message
     * carries: the envelope is read as the payload binds, with no intermediate tree.
     *
     * @return the record; or null when the frame must be read into a tree and go through
     *     {@link #decode(String, JsonNode)}: a reply, an unknown type, a type several messages share, a frame that does
     *     not parse or decode (the tree way reports it), or one a tree would read differently (a JSON float, {@code -0})
     */
    WsMessage decodeData(String text) {
        if (bindings.isEmpty()) {
            return null;
        }
        try {
            String type = typeFirst(text);
            if (type != null) {
                Binding b = bindings.get(type);
                return b == null ? null : bind(b, type, mapper.createParser(text));
            }
            return bindBuffered(text);
        } catch (IOException | RuntimeException e) {
            // Whatever went wrong, the tree way meets it again and deals with it as it always has.
            return null;
        }
    }

    /** The type of a frame that starts with it, as Kalshi writes them; null otherwise. */
    private static String typeFirst(String text) {
        if (!text.startsWith(TYPE_FIRST)) {
            return null;
        }
        int end = text.indexOf('"', TYPE_FIRST.length());
        // Checked against what the parser reads when the payload binds, so an escaped quote cannot mislead it.
        return end < 0 ? null : text.substring(TYPE_FIRST.length(), end);
    }

    /**
     * A frame whose type is not its first member: the one pass over the text copies its tokens into a token buffer,
     * noting the top-level type on the way; the payload then binds from the buffer, which is cheaper than a tree.
     */
    private WsMessage bindBuffered(String text) throws IOException {
        TokenBuffer buffer;
        String type = null;
        try (JsonParser p = mapper.createParser(text)) {
            // Made before the first token, so the buffer's frame sits at the root as in the text.
            buffer = new TokenBuffer(p);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            buffer.copyCurrentEvent(p);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                buffer.copyCurrentEvent(p);
                JsonToken value = p.nextToken();
                if ("type".equals(name)) {
                    // A tree keeps the last of repeated keys.
                    type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                buffer.copyCurrentStructure(p);
            }
            if (t != JsonToken.END_OBJECT || (failOnTrailingTokens && p.nextToken() != null)) {
                return null;
            }
            buffer.copyCurrentEvent(p);
        }
        Binding b = type == null ? null : bindings.get(type);
        return b == null ? null : bind(b, type, buffer.asParser());
    }

    private WsMessage bind(Binding b, String type, JsonParser source) throws IOException {
        EnvelopeParser p = new EnvelopeParser(source, type);
        Object payload;
        try (p) {
            payload = b.reader().readValue(p);
            if (failOnTrailingTokens && p.nextToken() != null) {
                return null;
            }
        }
        return payload == null || p.treeReadsDifferently() ? null : b.plain().record(p.sid(), p.seq(), payload);
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
