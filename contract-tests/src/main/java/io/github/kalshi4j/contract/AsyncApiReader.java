package io.github.kalshi4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.codegen.PrepareSpecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an AsyncAPI document (3.x channel {@code messages} maps, or 2.x {@code subscribe}/{@code publish}) into an
 * {@link ApiShape}: channels, messages and schemas. Parsed with Jackson YAML, which has YAML 1.2 key semantics for
 * our purpose: mapping keys are reported verbatim, so the order book's {@code yes}/{@code no} properties stay strings.
 * A message whose payload is declared in place gets the schema name {@code <messageKey>Payload}, as the SDK names it.
 */
public final class AsyncApiReader {

    private static final String MESSAGE_REF = "#/components/messages/";

    private AsyncApiReader() {
    }

    /** Parses YAML or JSON bytes into a tree with the build's YAML reader. */
    public static JsonNode tree(byte[] bytes) {
        try {
            return PrepareSpecs.yamlMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a document.
     *
     * @throws IllegalArgumentException when it is not an AsyncAPI document
     */
    public static ApiShape read(byte[] bytes, String label) {
        JsonNode doc = tree(bytes);
        if (!doc.has("asyncapi")) {
            throw new IllegalArgumentException(label + " is not an AsyncAPI document (no 'asyncapi' key)");
        }
        Map<String, SchemaNode> components = new LinkedHashMap<>();
        doc.path("components").path("schemas").properties()
                .forEach(e -> components.put(e.getKey(), new JsonSchemaNode(e.getValue())));

        String defaultContentType = doc.path("defaultContentType").asText("application/json");
        JsonNode messageNodes = doc.path("components").path("messages");
        Map<String, MessageShape> messages = new LinkedHashMap<>();
        Map<String, SchemaNode> inlinePayloads = new LinkedHashMap<>();
        messageNodes.properties().forEach(e -> {
            MessageShape m = message(e.getKey(), e.getValue(), defaultContentType, components, inlinePayloads);
            messages.put(m.key(), m);
        });
        components.putAll(inlinePayloads);
        SpecShapes shapes = new SpecShapes(components);

        Map<String, ChannelShape> channels = new LinkedHashMap<>();
        doc.path("channels").properties().forEach(c -> {
            Set<String> keys = new LinkedHashSet<>();
            for (JsonNode ref : channelMessageRefs(c.getValue())) {
                String key = messageKey(ref, messageNodes);
                if (key != null) {
                    keys.add(key);
                } else if (ref.isObject()) {
                    // A message declared inside the channel: register it under a synthetic key.
                    String synthetic = c.getKey() + "#" + keys.size();
                    messages.put(synthetic, message(synthetic, ref, defaultContentType, components, inlinePayloads));
                    keys.add(synthetic);
                }
            }
            Set<String> classes = new LinkedHashSet<>();
            keys.forEach(k -> {
                MessageShape m = messages.get(k);
                if (m != null && m.json() && m.payloadClass() != null) {
                    classes.add(m.payloadClass());
                }
            });
            channels.put(c.getKey(), new ChannelShape(c.getKey(), keys, classes));
        });
        components.putAll(inlinePayloads);

        Set<String> commands = new LinkedHashSet<>();
        messages.values().forEach(m -> {
            // Client-to-server commands are the request side: a newly required field breaks callers.
            if (m.payload() != null && m.typeConstant() == null) {
                commands.add(m.payload());
            }
        });
        String version = doc.path("info").path("version").asText(null);
        return new ApiShape(label, version, Map.of(), shapes.componentShapes(),
                shapes.reachable(commands), channels, messages);
    }

    private static MessageShape message(String key, JsonNode msg, String defaultContentType,
            Map<String, SchemaNode> components, Map<String, SchemaNode> inlinePayloads) {
        String name = msg.path("name").asText(key);
        String contentType = msg.path("contentType").asText(defaultContentType);
        boolean json = contentType.contains("json");
        JsonNode payload = msg.get("payload");
        String payloadName = null;
        JsonNode payloadSchema = payload;
        if (payload != null && payload.has("$ref")) {
            payloadName = SpecShapes.refName(payload.get("$ref").asText());
            SchemaNode target = payloadName == null ? null : components.get(payloadName);
            payloadSchema = target instanceof JsonSchemaNode j ? j.node() : null;
        } else if (payload != null && json && payload.path("properties").size() > 0) {
            payloadName = key + "Payload";
            inlinePayloads.put(payloadName, new JsonSchemaNode(payload));
        }
        String typeConstant = payloadSchema == null ? null
                : payloadSchema.path("properties").path("type").path("const").asText(null);
        String payloadClass = json && payloadName != null ? SpecShapes.className(payloadName) : null;
        return new MessageShape(key, name, payloadName, payloadClass, json, typeConstant);
    }

    /** The message references of a channel: 3.x {@code messages} map, or 2.x {@code subscribe}/{@code publish}. */
    private static List<JsonNode> channelMessageRefs(JsonNode channel) {
        List<JsonNode> out = new ArrayList<>();
        channel.path("messages").elements().forEachRemaining(out::add);
        for (String op : new String[] {"subscribe", "publish"}) {
            JsonNode m = channel.path(op).path("message");
            if (m.has("oneOf")) {
                m.get("oneOf").elements().forEachRemaining(out::add);
            } else if (!m.isMissingNode()) {
                out.add(m);
            }
        }
        return out;
    }

    private static String messageKey(JsonNode ref, JsonNode messageNodes) {
        String text = ref.path("$ref").asText("");
        if (text.startsWith(MESSAGE_REF)) {
            String key = text.substring(MESSAGE_REF.length());
            return messageNodes.has(key) ? key : null;
        }
        return null;
    }

    /** A JSON Schema node of a Jackson tree. */
    record JsonSchemaNode(JsonNode node) implements SchemaNode {
        @Override
        public String ref() {
            return node.hasNonNull("$ref") ? node.get("$ref").asText() : null;
        }

        @Override
        public String type() {
            JsonNode t = node.get("type");
            if (t == null || t.isNull()) {
                return node.has("const") ? "string" : null;
            }
            if (t.isArray()) {
                // JSON Schema type unions such as [string, "null"]: the non-null member is the type.
                for (JsonNode x : t) {
                    if (!"null".equals(x.asText())) {
                        return x.asText();
                    }
                }
                return null;
            }
            return t.asText();
        }

        @Override
        public String format() {
            return node.hasNonNull("format") ? node.get("format").asText() : null;
        }

        @Override
        public List<String> enumValues() {
            List<String> out = new ArrayList<>();
            node.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    out.add(v.asText());
                }
            });
            return out;
        }

        @Override
        public String constValue() {
            return node.has("const") ? node.get("const").asText() : null;
        }

        @Override
        public Map<String, SchemaNode> properties() {
            Map<String, SchemaNode> out = new LinkedHashMap<>();
            node.path("properties").properties().forEach(e -> out.put(e.getKey(), new JsonSchemaNode(e.getValue())));
            return out;
        }

        @Override
        public List<String> required() {
            List<String> out = new ArrayList<>();
            node.path("required").forEach(r -> out.add(r.asText()));
            return out;
        }

        @Override
        public SchemaNode items() {
            return node.get("items") instanceof ObjectNode o ? new JsonSchemaNode(o) : null;
        }

        @Override
        public SchemaNode additionalPropertiesSchema() {
            return node.get("additionalProperties") instanceof ObjectNode o ? new JsonSchemaNode(o) : null;
        }

        @Override
        public boolean additionalPropertiesTrue() {
            return node.path("additionalProperties").asBoolean(false) && node.get("additionalProperties").isBoolean();
        }

        @Override
        public List<SchemaNode> allOf() {
            return list("allOf");
        }

        @Override
        public List<SchemaNode> oneOrAnyOf() {
            List<SchemaNode> out = new ArrayList<>(list("oneOf"));
            out.addAll(list("anyOf"));
            return out;
        }

        private List<SchemaNode> list(String key) {
            List<SchemaNode> out = new ArrayList<>();
            node.path(key).forEach(x -> out.add(new JsonSchemaNode(x)));
            return out;
        }
    }

    /** Reads the document kind of spec bytes: {@code openapi}, {@code asyncapi}, or null. */
    public static String kindOf(byte[] bytes) {
        JsonNode doc;
        try {
            doc = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(bytes);
        } catch (IOException e) {
            return null;
        }
        if (doc == null) {
            return null;
        }
        return doc.has("openapi") ? "openapi" : doc.has("asyncapi") ? "asyncapi" : null;
    }
}
