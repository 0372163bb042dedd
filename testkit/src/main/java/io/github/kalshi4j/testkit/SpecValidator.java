package io.github.kalshi4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks JSON bodies against the response schemas of an OpenAPI document (the pinned spec with our corrections,
 * {@code spec/materialized/openapi.effective.json}): types, required properties, enums, array items and
 * {@code $ref}s, recursively. Extra properties are allowed, as in the spec. Used to prove that everything the
 * local exchange serves is spec-shaped, success and error bodies alike (see {@link SpecValidation}). The
 * document is read at run time, so a spec bump is validated against without a rebuild of the testkit.
 */
public final class SpecValidator {

    /** The system property naming the OpenAPI document {@link #locate()} loads. */
    public static final String SPEC_FILE_PROPERTY = "kalshi4j.specFile";
    private static final String MATERIALIZED = "spec/materialized/openapi.effective.json";

    private final JsonNode spec;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Response schemas by operationId, then status ("200", "404", "default"); looked up once, not per response. */
    private final Map<String, Map<String, JsonNode>> responses = new HashMap<>();
    private final JsonNode errorSchema;

    private SpecValidator(JsonNode spec) {
        this.spec = spec;
        for (Iterator<JsonNode> paths = spec.path("paths").elements(); paths.hasNext();) {
            for (Iterator<JsonNode> ops = paths.next().elements(); ops.hasNext();) {
                JsonNode op = ops.next();
                if (!op.has("operationId")) {
                    continue;
                }
                Map<String, JsonNode> byStatus = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext();) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    JsonNode schema = resolve(r.getValue()).path("content").path("application/json").path("schema");
                    byStatus.put(r.getKey(), schema.isMissingNode() ? null : schema);
                }
                responses.put(op.get("operationId").asText(), byStatus);
            }
        }
        JsonNode error = spec.path("components").path("schemas").path("ErrorResponse");
        this.errorSchema = error.isMissingNode() ? null : error;
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
     * Loads the pinned spec with our corrections as the build materializes it: the file named by the system property
     * {@value #SPEC_FILE_PROPERTY}, else {@code spec/materialized/openapi.effective.json} under the system property
     * {@code kalshi4j.root}, else under the working directory or one of its parents.
     *
     * @throws IllegalStateException when no such file exists
     */
    public static SpecValidator locate() {
        return LOCATED.computeIfAbsent(locatePath(), SpecValidator::fromFile);
    }

    /** Parsing the document takes a while: every exchange of a suite shares the one parse. */
    private static final Map<Path, SpecValidator> LOCATED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Path locatePath() {
        return SpecFiles.locate(SPEC_FILE_PROPERTY, MATERIALIZED, "OpenAPI");
    }

    /** The operationIds the document declares. */
    public Set<String> operationIds() {
        return Set.copyOf(responses.keySet());
    }

    /**
     * The problems of a 2xx response body of an operation; empty when it conforms.
     *
     * @param operationId the spec's operationId
     * @param body the response body
     */
    public List<String> validateResponse(String operationId, byte[] body) {
        JsonNode schema = successSchema(operationId);
        if (schema == null) {
            List<String> problems = new ArrayList<>();
            problems.add(operationId + ": no 2xx JSON response schema in the spec");
            return problems;
        }
        return validateBody(schema, body, operationId);
    }

    /**
     * The problems of an empty 2xx answer: none when the spec declares the status without a JSON body.
     *
     * @param operationId the spec's operationId
     * @param status the 2xx status sent
     */
    public List<String> validateEmptyResponse(String operationId, int status) {
        Map<String, JsonNode> byStatus = responses.get(operationId);
        if (byStatus == null || !byStatus.containsKey(Integer.toString(status))) {
            return List.of(operationId + " " + status + ": the spec declares no such response");
        }
        if (byStatus.get(Integer.toString(status)) != null) {
            return List.of(operationId + " " + status + ": empty body where the spec declares a JSON schema");
        }
        return List.of();
    }

    /**
     * The problems of an error body (status 4xx/5xx): checked against the schema of the response the operation
     * declares for that status (or its {@code default}), else against the spec's {@code ErrorResponse}. For a request
     * that matched no operation, {@code operationId} is null and {@code ErrorResponse} applies.
     */
    public List<String> validateError(String operationId, int status, byte[] body) {
        Map<String, JsonNode> declared = operationId == null ? null : responses.get(operationId);
        JsonNode schema = null;
        if (declared != null) {
            schema = declared.get(Integer.toString(status));
            if (schema == null) {
                schema = declared.get(status / 100 + "XX");
            }
            if (schema == null) {
                schema = declared.get("default");
            }
        }
        if (schema == null) {
            schema = errorSchema;
        }
        String where = (operationId == null ? "(no operation)" : operationId) + " " + status;
        if (schema == null) {
            return List.of(where + ": the spec has no ErrorResponse schema");
        }
        return validateBody(schema, body, where);
    }

    private List<String> validateBody(JsonNode schema, byte[] body, String where) {
        List<String> problems = new ArrayList<>();
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException e) {
            problems.add(where + ": body is not JSON: " + e.getMessage());
            return problems;
        }
        if (tree == null || tree.isMissingNode()) {
            problems.add(where + ": empty body where the spec declares a JSON schema");
            return problems;
        }
        validate(schema, tree, where + " $", problems, 0);
        return problems;
    }

    private JsonNode successSchema(String operationId) {
        Map<String, JsonNode> byStatus = responses.get(operationId);
        if (byStatus == null) {
            return null;
        }
        for (Map.Entry<String, JsonNode> r : byStatus.entrySet()) {
            if (r.getKey().startsWith("2")) {
                return r.getValue();
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
