package io.github.kalshi4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks WebSocket frames against the message payloads of an AsyncAPI document (the pinned one,
 * {@code spec/materialized/asyncapi.yaml}): a frame's envelope {@code type} picks the messages whose payload has that
 * type, and the
 * frame must conform to one of their payload schemas (types, {@code const}, enums, required members, array bounds and
 * items, {@code $ref}s). Extra members are allowed, as in the spec. The document is read at run time, so a spec bump
 * is validated against without a rebuild of the testkit.
 */
public final class FrameValidator {

    /** The system property naming the AsyncAPI document {@link #locate()} loads. */
    public static final String SPEC_FILE_PROPERTY = "kalshi4j.asyncSpecFile";
    private static final String MATERIALIZED = "spec/materialized/asyncapi.yaml";
    private static final Map<Path, FrameValidator> LOCATED = new ConcurrentHashMap<>();

    private final JsonNode spec;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Payload schemas by envelope {@code type}; {@code ok}, for one, has several. */
    private final Map<String, List<JsonNode>> payloads = new LinkedHashMap<>();

    private FrameValidator(JsonNode spec) {
        this.spec = spec;
        for (Iterator<JsonNode> it = spec.path("components").path("messages").elements(); it.hasNext();) {
            JsonNode message = it.next();
            JsonNode payload = message.path("payload");
            if (payload.isMissingNode()) {
                continue;
            }
            // The envelope type is the payload's type const; a message name can differ (list_subscriptions sends
            // "ok"). Commands and pings have no const and are never sent by the exchange as JSON frames.
            JsonNode type = resolve(resolve(payload).path("properties").path("type")).path("const");
            if (type.isTextual()) {
                payloads.computeIfAbsent(type.asText(), k -> new ArrayList<>()).add(payload);
            }
        }
    }

    /** Loads an AsyncAPI document (YAML or JSON). */
    public static FrameValidator fromFile(Path file) {
        try {
            // Kalshi quotes "yes" and "no" in the document, so a YAML 1.1 reader reads them as strings.
            return new FrameValidator(new YAMLMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read AsyncAPI document " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the pinned AsyncAPI document as the build materializes it: the file named by the system property
     * {@value #SPEC_FILE_PROPERTY}, else {@code spec/materialized/asyncapi.yaml} under the system property
     * {@code kalshi4j.root}, else under the working directory or one of its parents.
     *
     * @throws IllegalStateException when no such file exists
     */
    public static FrameValidator locate() {
        return LOCATED.computeIfAbsent(locatePath(), FrameValidator::fromFile);
    }

    private static Path locatePath() {
        return SpecFiles.locate(SPEC_FILE_PROPERTY, MATERIALIZED, "AsyncAPI");
    }

    /** The envelope types the document declares messages for. */
    public Set<String> messageTypes() {
        return Set.copyOf(payloads.keySet());
    }

    /**
     * The envelope {@code type} of a frame, or null when the frame is not a JSON object with a textual type.
     */
    public String typeOf(String frame) {
        try {
            JsonNode tree = mapper.readTree(frame);
            JsonNode type = tree == null ? null : tree.get("type");
            return type != null && type.isTextual() ? type.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The problems of one frame; empty when it conforms to a message of its type. */
    public List<String> validate(String frame) {
        List<String> problems = new ArrayList<>();
        JsonNode tree;
        try {
            tree = mapper.readTree(frame);
        } catch (IOException e) {
            problems.add("frame is not JSON: " + e.getMessage());
            return problems;
        }
        JsonNode type = tree == null ? null : tree.get("type");
        if (type == null || !type.isTextual()) {
            problems.add("frame has no envelope type: " + frame);
            return problems;
        }
        List<JsonNode> candidates = payloads.get(type.asText());
        if (candidates == null) {
            problems.add(type.asText() + ": the spec declares no message of this type");
            return problems;
        }
        List<String> first = null;
        for (JsonNode schema : candidates) {
            List<String> p = new ArrayList<>();
            check(schema, tree, type.asText() + " $", p, 0);
            if (p.isEmpty()) {
                return p;
            }
            if (first == null) {
                first = p;
            }
        }
        return first;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = spec;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref);
            }
            schema = target;
        }
        return schema;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> problems, int depth) {
        schema = resolve(schema);
        if (depth > 40 || value == null || value.isMissingNode()) {
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, path, problems, depth + 1);
        }
        JsonNode alternatives = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (alternatives != null) {
            for (JsonNode alt : alternatives) {
                List<String> p = new ArrayList<>();
                check(alt, value, path, p, depth + 1);
                if (p.isEmpty()) {
                    return;
                }
            }
            problems.add(path + " matches none of the spec's alternatives");
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(path + " = " + value + " but the spec's const is " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value) || allowed.isNumber() && value.isNumber()
                        && allowed.decimalValue().compareTo(value.decimalValue()) == 0;
            }
            if (!found) {
                problems.add(path + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        List<String> types = new ArrayList<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        if (types.isEmpty()) {
            return;
        }
        String kind = kind(value);
        if (!types.contains(kind) && !(kind.equals("integer") && types.contains("number"))) {
            problems.add(path + " should be " + String.join(" or ", types) + ", got " + kind);
            return;
        }
        if (value.isObject()) {
            for (JsonNode req : schema.path("required")) {
                if (!value.has(req.asText())) {
                    problems.add(path + " is missing required property " + req.asText());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> p = it.next();
                check(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), problems, depth + 1);
            }
        } else if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                problems.add(path + " has fewer than " + schema.get("minItems").asInt() + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(path + " has more than " + schema.get("maxItems").asInt() + " items");
            }
            int i = 0;
            for (JsonNode item : value) {
                check(schema.path("items"), item, path + "[" + i++ + "]", problems, depth + 1);
            }
        }
    }

    private static String kind(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        return v.isArray() ? "array" : "object";
    }
}
