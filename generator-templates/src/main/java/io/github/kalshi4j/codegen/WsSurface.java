package io.github.kalshi4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives the WebSocket client's surface from an AsyncAPI document, as template-ready data: the data channels with
 * what the client must know of each, the data messages (one record of the message union each), the envelope types
 * with how to tell apart messages that share one, and the reply types.
 *
 * <p>What the document says is derived, never listed: a channel is a data channel when its address is not the
 * connection's {@code /}; it is <em>sequenced</em> when one of its messages has {@code seq} in the envelope; a message
 * has a market when its {@code msg} has {@code market_ticker}; the filter a subscription's markets apply is
 * {@code OPTIONAL} when every message of the channel has a market, else {@code IGNORED}. Messages sharing an envelope
 * {@code type} are told apart by a {@code const} member of {@code msg}. The reply types are the envelope types (and
 * message names) of the connection channel's messages that have a constant {@code type}.
 *
 * <p>What is kalshi4j's own choice, or a fact the document states only in prose, comes from
 * {@code spec/overlays/asyncapi-corrections.overlay.yaml} as {@code x-kalshi4j-*} members on channels and messages:
 * <ul>
 *   <li>channel {@code x-kalshi4j-default-overflow}: {@code FAIL} (the default) or {@code DROP_OLDEST};</li>
 *   <li>channel {@code x-kalshi4j-user-data: true}: the channel carries the member's own data;</li>
 *   <li>channel {@code x-kalshi4j-market-filter}: {@code REQUIRED}, {@code OPTIONAL} or {@code IGNORED};</li>
 *   <li>channel {@code x-kalshi4j-sequenced}: overrides the derivation;</li>
 *   <li>message {@code x-kalshi4j-record}: the record's name when the message key reads badly as a type name;</li>
 *   <li>message {@code x-kalshi4j-market-field}: the {@code msg} member that names the market, when it is not
 *       {@code market_ticker}.</li>
 * </ul>
 * The result goes into the lifted document as {@code x-kalshi4j-ws-channels}, {@code x-kalshi4j-ws-messages},
 * {@code x-kalshi4j-ws-types} and {@code x-kalshi4j-ws-reply-types}.
 */
final class WsSurface {

    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern WIRE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> FILTERS = Set.of("REQUIRED", "OPTIONAL", "IGNORED");
    private static final Set<String> OVERFLOW = Set.of("FAIL", "DROP_OLDEST");

    private final JsonNode asyncapi;
    private final JsonNode messages;
    private final JsonNode schemas;
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    private WsSurface(JsonNode asyncapi) {
        this.asyncapi = asyncapi;
        this.messages = asyncapi.path("components").path("messages");
        this.schemas = asyncapi.path("components").path("schemas");
    }

    /** Adds the four {@code x-kalshi4j-ws-*} members to {@code out}, the lifted document. */
    static void derive(JsonNode asyncapi, ObjectNode out) {
        new WsSurface(asyncapi).deriveInto(out);
    }

    /** One data message, as the templates see it. */
    private record Message(String key, String type, String record, String payloadClass, String msgClass,
            String marketGetter, String summary, List<String> channels, ObjectNode msgSchema) {
    }

    private void deriveInto(ObjectNode out) {
        Map<String, Message> byKey = new LinkedHashMap<>();
        ArrayNode channelsOut = out.putArray("x-kalshi4j-ws-channels");
        Set<String> replyTypes = new LinkedHashSet<>();
        asyncapi.path("channels").fields().forEachRemaining(c -> {
            String wire = c.getValue().path("address").asText(c.getKey());
            List<String> keys = messageKeys(c.getValue());
            if ("/".equals(wire)) {
                for (String key : keys) {
                    String type = envelopeType(payload(key));
                    if (type != null) {
                        // A reply's message name is accepted as its type too: list_subscriptions answers "ok" in the
                        // spec, and a server naming it after the message works the same.
                        replyTypes.add(type);
                        replyTypes.add(messages.path(key).path("name").asText(type));
                    }
                }
                return;
            }
            if (!WIRE_NAME.matcher(wire).matches()) {
                throw new SpecException("AsyncAPI channel '" + wire + "' is not a plain lower-case name; kalshi4j cannot"
                        + " make a constant of it");
            }
            List<Message> carried = new ArrayList<>();
            for (String key : keys) {
                Message m = byKey.computeIfAbsent(key, k -> message(k, wire));
                if (!m.channels().contains(wire)) {
                    m.channels().add(wire);
                }
                carried.add(m);
            }
            channelsOut.add(channel(wire, c.getValue(), carried));
        });

        ArrayNode messagesOut = out.putArray("x-kalshi4j-ws-messages");
        Set<String> records = new LinkedHashSet<>();
        for (Message m : byKey.values()) {
            if (!records.add(m.record())) {
                throw new SpecException("AsyncAPI messages map to the record name " + m.record() + " twice; give one an"
                        + " x-kalshi4j-record in spec/overlays/asyncapi-corrections.overlay.yaml");
            }
            ObjectNode n = messagesOut.addObject();
            n.put("key", m.key());
            n.put("type", m.type());
            n.put("record", m.record());
            n.put("payloadClass", m.payloadClass());
            if (m.msgClass() != null) {
                n.put("msgClass", m.msgClass());
            }
            if (m.marketGetter() != null) {
                n.put("marketGetter", m.marketGetter());
            }
            n.put("summary", m.summary());
            ArrayNode ch = n.putArray("channels");
            m.channels().forEach(ch::add);
            n.put("channelsText", String.join(", ", m.channels().stream().map(w -> "{@code " + w + "}").toList()));
        }
        out.set("x-kalshi4j-ws-types", types(byKey.values()));
        ObjectNode servers = servers();
        if (servers != null) {
            out.set("x-kalshi4j-ws-servers", servers);
        }
        ArrayNode replies = out.putArray("x-kalshi4j-ws-reply-types");
        replyTypes.forEach(t -> replies.addObject().put("type", t));
    }

    /** Fails unless the lifted document has production and demo WebSocket servers: the client's defaults. */
    static void requireServers(JsonNode asyncapi, JsonNode lifted) {
        if (!lifted.has("x-kalshi4j-ws-servers")) {
            throw new SpecException("the AsyncAPI document names no production or no demo server (servers: "
                    + asyncapi.path("servers") + "); kalshi4j takes its default WebSocket URLs from the spec: add the"
                    + " missing one in spec/overlays/asyncapi-corrections.overlay.yaml");
        }
    }

    /**
     * The servers by environment: AsyncAPI names its servers, and the ones named {@code production} and {@code demo}
     * are the client's defaults ({@code protocol://host/pathname}); the others are listed as also supported.
     */
    private ObjectNode servers() {
        ArrayNode list = f.arrayNode();
        asyncapi.path("servers").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            String url = s.path("protocol").asText("wss") + "://" + s.path("host").asText(s.path("url").asText(""))
                    + s.path("pathname").asText("");
            ObjectNode server = list.addObject();
            server.put("url", url);
            server.put("description", e.getKey() + ": " + s.path("description").asText(""));
        });
        if (!asyncapi.path("servers").has("production") || !asyncapi.path("servers").has("demo")) {
            // PrepareSpecs refuses to build without them (requireServers); a document lifted for a test may lack them.
            return null;
        }
        // Named servers first, so Servers.classify takes them as the recommended ones.
        ArrayNode ordered = f.arrayNode();
        for (String name : new String[] {"production", "demo"}) {
            list.forEach(s -> {
                if (s.path("description").asText().startsWith(name + ":")) {
                    ordered.add(s);
                }
            });
        }
        list.forEach(s -> {
            if (!ordered.has(0) || !contains(ordered, s)) {
                ordered.add(s);
            }
        });
        return Servers.classify(ordered);
    }

    private static boolean contains(ArrayNode list, JsonNode n) {
        for (JsonNode x : list) {
            if (x.equals(n)) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode channel(String wire, JsonNode channel, List<Message> carried) {
        ObjectNode n = f.objectNode();
        n.put("wire", wire);
        n.put("constant", wire.toUpperCase(Locale.ROOT));
        n.put("summary", Javadoc.sentence(channel.path("title").asText(wire), channel.path("description").asText("")));
        boolean derivedSequenced = false;
        boolean allMarkets = !carried.isEmpty();
        Set<String> types = new LinkedHashSet<>();
        for (Message m : carried) {
            derivedSequenced |= resolve(payload(m.key())).path("properties").has("seq");
            allMarkets &= m.marketGetter() != null;
            types.add(m.type());
        }
        n.put("sequenced", channel.has("x-kalshi4j-sequenced")
                ? channel.get("x-kalshi4j-sequenced").asBoolean() : derivedSequenced);
        n.put("userData", channel.path("x-kalshi4j-user-data").asBoolean(false));
        n.put("marketFilter", choice(channel, "x-kalshi4j-market-filter", allMarkets ? "OPTIONAL" : "IGNORED", FILTERS,
                wire));
        n.put("overflow", choice(channel, "x-kalshi4j-default-overflow", "FAIL", OVERFLOW, wire));
        ArrayNode t = n.putArray("types");
        types.forEach(type -> t.addObject().put("type", type));
        return n;
    }

    private static String choice(JsonNode node, String member, String dflt, Set<String> allowed, String where) {
        String v = node.path(member).asText(dflt);
        if (!allowed.contains(v)) {
            throw new SpecException("channel " + where + ": " + member + " is '" + v + "', not one of " + allowed);
        }
        return v;
    }

    private Message message(String key, String channel) {
        JsonNode msg = messages.path(key);
        JsonNode payloadRef = msg.path("payload");
        ObjectNode payload = resolve(payloadRef);
        String type = envelopeType(payloadRef);
        if (type == null) {
            throw new SpecException("AsyncAPI message " + key + " on channel " + channel + " has no constant envelope"
                    + " type (properties.type.const); kalshi4j cannot route it");
        }
        String payloadSchema = payloadRef.has("$ref") ? refName(payloadRef) : key + "Payload";
        String record = msg.path("x-kalshi4j-record").asText(capitalize(key));
        if (!JAVA_NAME.matcher(record).matches()) {
            throw new SpecException("AsyncAPI message " + key + ": record name '" + record + "' is not a Java name");
        }
        JsonNode msgProp = payload.path("properties").path("msg");
        String msgClass = null;
        ObjectNode msgSchema = null;
        if (msgProp.has("$ref")) {
            msgClass = capitalize(refName(msgProp));
            msgSchema = resolve(msgProp);
        } else if (msgProp.has("properties") || "object".equals(msgProp.path("type").asText())) {
            msgClass = capitalize(payloadSchema) + "Msg";
            msgSchema = (ObjectNode) msgProp;
        }
        String marketGetter = null;
        if (msg.has("x-kalshi4j-market-field")) {
            String field = msg.get("x-kalshi4j-market-field").asText();
            if (msgSchema == null || !msgSchema.path("properties").has(field)) {
                throw new SpecException("AsyncAPI message " + key + ": x-kalshi4j-market-field '" + field + "' is not a"
                        + " member of its msg; the correction no longer applies (was it fixed upstream? then drop it)");
            }
            if (msgSchema.path("properties").has("market_ticker")) {
                throw new SpecException("AsyncAPI message " + key + " now has msg.market_ticker: upstream fixed it:"
                        + " drop its x-kalshi4j-market-field correction");
            }
            marketGetter = camel(field);
        } else if (msgSchema != null && msgSchema.path("properties").has("market_ticker")) {
            marketGetter = camel("market_ticker");
        }
        String summary = Javadoc.sentence(msg.path("summary").asText(msg.path("title").asText(key)), "");
        return new Message(key, type, record, capitalize(payloadSchema), msgClass, marketGetter, summary,
                new ArrayList<>(), msgSchema);
    }

    /**
     * Groups the messages by envelope type. A type one message carries is plain. Where several share a type, each
     * message whose {@code msg} has a {@code const} member is a variant chosen by that member's value; at most one
     * message without one is the fallback.
     */
    private ArrayNode types(Iterable<Message> all) {
        Map<String, List<Message>> byType = new LinkedHashMap<>();
        for (Message m : all) {
            byType.computeIfAbsent(m.type(), t -> new ArrayList<>()).add(m);
        }
        ArrayNode out = f.arrayNode();
        byType.forEach((type, ms) -> {
            ObjectNode n = out.addObject();
            n.put("type", type);
            ArrayNode variants = n.putArray("variants");
            Message fallback = null;
            for (Message m : ms) {
                Map.Entry<String, String> discriminator = ms.size() == 1 ? null : discriminator(m);
                if (discriminator == null) {
                    if (fallback != null) {
                        throw new SpecException("AsyncAPI messages " + fallback.key() + " and " + m.key() + " share the"
                                + " envelope type '" + type + "' and no const member of msg tells them apart");
                    }
                    fallback = m;
                } else {
                    ObjectNode v = variants.addObject();
                    v.put("field", discriminator.getKey());
                    v.put("value", discriminator.getValue());
                    v.put("record", m.record());
                    v.put("payloadClass", m.payloadClass());
                }
            }
            if (fallback != null) {
                ObjectNode fb = n.putObject("fallback");
                fb.put("record", fallback.record());
                fb.put("payloadClass", fallback.payloadClass());
            }
        });
        return out;
    }

    private Map.Entry<String, String> discriminator(Message m) {
        if (m.msgSchema() == null) {
            return null;
        }
        var it = m.msgSchema().path("properties").fields();
        while (it.hasNext()) {
            var p = it.next();
            JsonNode value = resolve(p.getValue()).get("const");
            if (value != null && value.isTextual()) {
                return Map.entry(p.getKey(), value.asText());
            }
        }
        return null;
    }

    private List<String> messageKeys(JsonNode channel) {
        List<String> keys = new ArrayList<>();
        channel.path("messages").fields().forEachRemaining(m -> {
            JsonNode ref = m.getValue().get("$ref");
            String key = ref != null ? ref.asText().substring(ref.asText().lastIndexOf('/') + 1) : m.getKey();
            if (!messages.has(key)) {
                throw new SpecException("AsyncAPI channel message " + m.getKey() + " refers to a missing message " + key);
            }
            keys.add(key);
        });
        return keys;
    }

    private JsonNode payload(String messageKey) {
        return messages.path(messageKey).path("payload");
    }

    /** The {@code const} of {@code properties.type}, or null. */
    private String envelopeType(JsonNode payloadRef) {
        JsonNode c = resolve(resolve(payloadRef).path("properties").path("type")).get("const");
        return c != null && c.isTextual() ? c.asText() : null;
    }

    /** The schema a node stands for, following one {@code $ref} into {@code components.schemas}. */
    private ObjectNode resolve(JsonNode node) {
        if (node != null && node.has("$ref")) {
            JsonNode target = schemas.path(refName(node));
            return target instanceof ObjectNode o ? o : f.objectNode();
        }
        return node instanceof ObjectNode o ? o : f.objectNode();
    }

    private static String refName(JsonNode node) {
        String ref = node.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The generator's class name for a plain alphanumeric schema name: the first letter upper-cased. */
    static String capitalize(String name) {
        if (!JAVA_NAME.matcher(name).matches()) {
            throw new SpecException("AsyncAPI name '" + name + "' is not a plain alphanumeric name; kalshi4j cannot"
                    + " name its class");
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The generated models' accessor for a snake_case JSON member: {@code market_ticker} to {@code marketTicker}. */
    static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = sb.length() > 0;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** Text from the spec made safe for a one-line Javadoc sentence. */
    static final class Javadoc {
        private Javadoc() {
        }

        /** {@code title} when {@code description} is empty, else the description's first sentence. */
        static String sentence(String title, String description) {
            String text = description.isBlank() ? title : description.strip();
            int end = text.indexOf(". ");
            int nl = text.indexOf('\n');
            if (nl >= 0 && (end < 0 || nl < end)) {
                end = nl;
            }
            if (end >= 0) {
                text = text.substring(0, end);
            }
            text = text.strip();
            if (text.endsWith(".")) {
                text = text.substring(0, text.length() - 1);
            }
            return escape(text.isEmpty() ? title : text);
        }

        static String escape(String s) {
            // Markdown emphasis and code marks go first, so no "*/" can end the comment.
            return s.replace("*", "").replace("`", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("@", "&#64;").replace("\\", "&#92;");
        }
    }
}
