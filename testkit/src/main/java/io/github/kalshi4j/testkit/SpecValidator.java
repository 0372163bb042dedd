package io.github.kalshi4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks JSON bodies against the response schemas of an OpenAPI document (the pinned spec with our corrections,
 * {@code spec/materialized/openapi.effective.json}): types, required properties, enums, array items and
 * {@code $ref}s, recursively. Extra properties are allowed, as in the spec. Used to prove that everything the
 * local exchange serves is spec-shaped.
 */
public final class SpecValidator {

    private final JsonNode spec;
    private final ObjectMapper mapper = new ObjectMapper();

    private SpecValidator(JsonNode spec) {
        this.spec = spec;
    }

    /** Loads an OpenAPI document (JSON or YAML-as-JSON). */
    public static SpecValidator fromFile(Path file) {
        try {
            return new SpecValidator(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read OpenAPI document " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The problems of a 2xx response body of an operation; empty when it conforms.
     *
     * @param operationId the spec's operationId
     * @param body the response body
     */
    public List<String> validateResponse(String operationId, byte[] body) {
        JsonNode schema = successSchema(operationId);
        List<String> problems = new ArrayList<>();
        if (schema == null) {
            problems.add(operationId + ": no 2xx JSON response schema in the spec");
            return problems;
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException e) {
            problems.add(operationId + ": body is not JSON: " + e.getMessage());
            return problems;
        }
        validate(schema, tree, operationId + " $", problems, 0);
        return problems;
    }

    private JsonNode successSchema(String operationId) {
        for (Iterator<JsonNode> paths = spec.path("paths").elements(); paths.hasNext();) {
            JsonNode item = paths.next();
            for (Iterator<JsonNode> ops = item.elements(); ops.hasNext();) {
                JsonNode op = ops.next();
                if (operationId.equals(op.path("operationId").asText())) {
                    for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext();) {
                        Map.Entry<String, JsonNode> r = rs.next();
                        if (r.getKey().startsWith("2")) {
                            JsonNode s = r.getValue().path("content").path("application/json").path("schema");
                            return s.isMissingNode() ? null : s;
                        }
                    }
                }
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
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

    private void validate(JsonNode schema, JsonNode value, String path, List<String> problems, int depth) {
        schema = resolve(schema);
        if (depth > 40) {
            return;
        }
        if (value == null || value.isMissingNode()) {
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
                problems.add(path + " is null but the spec's type is " + schema.get("type").asText());
            }
            return;
        }
        for (String composite : new String[] {"allOf"}) {
            for (JsonNode part : schema.path(composite)) {
                validate(part, value, path, problems, depth + 1);
            }
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode alts = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            for (JsonNode alt : alts) {
                List<String> p = new ArrayList<>();
                validate(alt, value, path, p, depth + 1);
                if (p.isEmpty()) {
                    return;
                }
            }
            problems.add(path + " matches none of the spec's alternatives");
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(path + " should be an object, got " + kind(value));
                    return;
                }
                for (JsonNode req : schema.path("required")) {
                    if (!value.has(req.asText())) {
                        problems.add(path + " is missing required property " + req.asText());
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> p = it.next();
                    validate(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), problems, depth + 1);
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + " should be an array, got " + kind(value));
                    return;
                }
                if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                    problems.add(path + " has fewer than " + schema.get("minItems").asInt() + " items");
                }
                if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                    problems.add(path + " has more than " + schema.get("maxItems").asInt() + " items");
                }
                int i = 0;
                for (JsonNode item : value) {
                    validate(schema.path("items"), item, path + "[" + i++ + "]", problems, depth + 1);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + " should be a string, got " + kind(value));
                    return;
                }
                checkEnum(schema, value, path, problems);
                if ("date-time".equals(schema.path("format").asText()) && !value.asText().isEmpty()) {
                    try {
                        OffsetDateTime.parse(value.asText());
                    } catch (RuntimeException e) {
                        problems.add(path + " is not an RFC 3339 date-time: " + value.asText());
                    }
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + " should be an integer, got " + kind(value));
                }
                checkEnum(schema, value, path, problems);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(path + " should be a number, got " + kind(value));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + " should be a boolean, got " + kind(value));
                }
            }
            default -> {
                // Untyped schemas accept any value.
            }
        }
    }

    private static void checkEnum(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.equals(value)) {
                    return;
                }
            }
            problems.add(path + " = " + value + " is not one of " + schema.get("enum"));
        }
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
