package io.github.kalshi4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a spec tree into the form the generator templates expect, without changing its meaning.
 *
 * <ul>
 *   <li>Money: {@code FixedPointDollars}, {@code FixedPointCount} and every {@code *_dollars} /
 *       {@code *_fp} string property (or array of such strings) get {@code format: number}, which the
 *       generator maps to {@code BigDecimal}; the property is tagged {@code x-kalshi4j-money} so templates
 *       can add {@code String} builder overloads and short accessors. References to the two money schemas
 *       are inlined so the tag survives.</li>
 *   <li>{@code const} (JSON Schema, used by AsyncAPI) becomes {@code x-kalshi4j-const}, which templates turn
 *       into a constant; OpenAPI 3.0 has no {@code const}.</li>
 *   <li>Request bodies lose their legacy integer properties ({@code count}, {@code yes_price},
 *       {@code target_cost_centi_cents}, ...) wherever a fixed-point sibling ({@code count_fp},
 *       {@code yes_price_dollars}, {@code target_cost_dollars}) says the same: Kalshi accepts either, and the SDK
 *       promises to send only the fixed-point form. The short names ({@code count}, {@code yesPrice}) then belong
 *       to the decimal properties, as they do on responses. The dropped names are listed in
 *       {@code x-kalshi4j-legacy-dropped} for the Javadoc.</li>
 * </ul>
 */
public final class SpecNormalizer {

    /** Schema names whose string values are fixed-point decimals. */
    public static final Set<String> MONEY_SCHEMAS = Set.of("FixedPointDollars", "FixedPointCount");

    private SpecNormalizer() { }

    /** True when a property name follows Kalshi's fixed-point naming. */
    public static boolean isMoneyName(String propertyName) {
        return propertyName.endsWith("_dollars") || propertyName.endsWith("_fp")
                || propertyName.endsWith("_dollars_fp");
    }

    /** Normalizes an OpenAPI document in place. */
    public static void normalizeOpenApi(ObjectNode spec) {
        ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
        for (String money : MONEY_SCHEMAS) {
            if (schemas.get(money) instanceof ObjectNode s && "string".equals(s.path("type").asText())) {
                s.put("format", "number");
                s.put("x-kalshi4j-money", moneyKind(money));
            }
        }
        for (Map.Entry<String, JsonNode> e : iterable(schemas)) {
            // Array aliases such as PriceLevelDollarsCountFp hold [price, count] decimal strings.
            if (e.getValue() instanceof ObjectNode s && "array".equals(s.path("type").asText())
                    && (e.getKey().contains("Dollars") || e.getKey().endsWith("Fp"))) {
                markDecimalLeaves(s);
            }
        }
        walk(spec, schemas, null);
        // Before the short names are chosen: a dropped legacy name frees its short name for the decimal sibling.
        dropLegacyRequestFields(spec, schemas);
        for (Map.Entry<String, JsonNode> e : iterable(schemas)) {
            if (e.getValue() instanceof ObjectNode s) {
                // An empty object schema is "free-form" to the generator, which would emit no class for it;
                // closing it yields a model (ours keep unknown fields regardless).
                if ("object".equals(s.path("type").asText()) && !s.has("properties") && !s.has("additionalProperties")
                        && !s.has("allOf") && !s.has("oneOf") && !s.has("anyOf")) {
                    s.putObject("properties");
                    s.put("x-is-free-form", false);
                }
                decorateSchema(e.getKey(), s);
            }
        }
        decorateOperations(spec, schemas);
        if (spec.path("servers").isArray() && !spec.path("servers").isEmpty()) {
            spec.set("x-kalshi4j-servers", Servers.classify(spec.get("servers")));
        }
    }

    /** The fixed-point siblings that make a request property legacy, in the order they are looked for. */
    static String fixedPointSibling(String property, JsonNode properties) {
        if (property.endsWith("_centi_cents")) {
            String dollars = property.substring(0, property.length() - "_centi_cents".length()) + "_dollars";
            return properties.has(dollars) ? dollars : null;
        }
        for (String suffix : List.of("_dollars", "_fp")) {
            if (properties.has(property + suffix)) {
                return property + suffix;
            }
        }
        return null;
    }

    /**
     * Removes each integer property of a request body that has a fixed-point sibling (see the class comment), moving
     * a {@code required} mark to the sibling. Response schemas keep theirs: old servers still send them, and the
     * overlay's alias layer reads them.
     */
    static void dropLegacyRequestFields(ObjectNode spec, ObjectNode schemas) {
        Set<String> bodies = new java.util.TreeSet<>();
        for (Map.Entry<String, JsonNode> pe : iterable(spec.path("paths"))) {
            for (Map.Entry<String, JsonNode> me : iterable(pe.getValue())) {
                String ref = me.getValue().path("requestBody").path("content").path("application/json").path("schema")
                        .path("$ref").asText("");
                if (!ref.isEmpty()) {
                    bodies.add(ref.substring(ref.lastIndexOf('/') + 1));
                }
            }
        }
        for (String body : bodies) {
            if (!(schemas.get(body) instanceof ObjectNode schema) || !(schema.get("properties") instanceof ObjectNode props)) {
                continue;
            }
            List<String> dropped = new ArrayList<>();
            for (String name : fieldNames(props)) {
                String type = props.path(name).path("type").asText("");
                String sibling = fixedPointSibling(name, props);
                if (sibling != null && (type.equals("integer") || type.equals("number"))) {
                    props.remove(name);
                    dropped.add(name);
                    if (schema.get("required") instanceof ArrayNode required) {
                        for (int i = required.size() - 1; i >= 0; i--) {
                            if (required.get(i).asText().equals(name)) {
                                required.remove(i);
                                if (!contains(required, sibling)) {
                                    required.add(sibling);
                                }
                            }
                        }
                    }
                }
            }
            if (!dropped.isEmpty()) {
                schema.put("x-kalshi4j-legacy-dropped", String.join(", ", dropped));
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean contains(ArrayNode array, String text) {
        for (JsonNode n : array) {
            if (n.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** Tags whose generated accessor reads better in the plural: {@code client.markets()}. */
    static final Map<String, String> TAG_RENAMES = Map.of("market", "markets", "milestone", "milestones");

    private static final Set<String> RESERVED_ACCESSORS = Set.of("builder", "toBuilder", "build", "additionalProperties",
            "additionalProperty", "equals", "hashCode", "toString", "getClass", "notify", "wait", "clone", "finalize",
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "record", "var",
            "yield");

    /** lower_snake to lowerCamel, as the generator names Java properties. */
    static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_' || c == '-' || c == ' ' || c == '.') {
                up = sb.length() > 0;
            } else {
                sb.append(up ? Character.toUpperCase(c) : sb.length() == 0 ? Character.toLowerCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** Adds short money accessor names and the message {@code type} constant to an object schema. */
    private static void decorateSchema(String name, ObjectNode schema) {
        if (!(schema.get("properties") instanceof ObjectNode props)) {
            return;
        }
        Set<String> camelNames = new java.util.HashSet<>();
        props.fieldNames().forEachRemaining(n -> camelNames.add(camel(n)));
        for (Map.Entry<String, JsonNode> e : iterable(props)) {
            if (!(e.getValue() instanceof ObjectNode p)) {
                continue;
            }
            String kind = p.path("x-kalshi4j-money").asText("");
            String prop = e.getKey();
            if ((kind.equals("dollars") || kind.equals("count")) && "string".equals(p.path("type").asText())) {
                String base = prop.endsWith("_dollars") ? prop.substring(0, prop.length() - "_dollars".length())
                        : prop.endsWith("_fp") ? prop.substring(0, prop.length() - "_fp".length()) : null;
                if (base != null && !base.isEmpty()) {
                    String shortName = camel(base);
                    if (!camelNames.contains(shortName) && !RESERVED_ACCESSORS.contains(shortName)) {
                        p.put("x-kalshi4j-short", shortName);
                    }
                }
            }
            if (prop.equals("type") && p.has("x-kalshi4j-const")) {
                schema.put("x-kalshi4j-const-type", p.get("x-kalshi4j-const").asText());
            }
        }
    }

    /** Adds the vendor extensions the endpoint templates use to every operation. */
    private static void decorateOperations(ObjectNode spec, ObjectNode schemas) {
        JsonNode paths = spec.path("paths");
        for (Map.Entry<String, JsonNode> pe : iterable(paths)) {
            for (Map.Entry<String, JsonNode> me : iterable(pe.getValue())) {
                if (!(me.getValue() instanceof ObjectNode op) || !op.has("responses")) {
                    continue;
                }
                if (op.get("tags") instanceof ArrayNode tags && tags.size() > 0) {
                    String tag = tags.get(0).asText();
                    op.put("x-kalshi4j-tag", tag);
                    tags.set(0, com.fasterxml.jackson.databind.node.TextNode.valueOf(TAG_RENAMES.getOrDefault(tag, tag)));
                }
                boolean hasPath = false;
                boolean hasQuery = false;
                boolean requiredQuery = false;
                boolean hasCursor = false;
                for (JsonNode prm : op.path("parameters")) {
                    JsonNode resolved = resolveParameter(spec, prm);
                    String in = resolved.path("in").asText();
                    if (in.equals("path")) {
                        hasPath = true;
                    } else if (in.equals("query")) {
                        hasQuery = true;
                        requiredQuery |= resolved.path("required").asBoolean(false);
                        hasCursor |= resolved.path("name").asText().equals("cursor");
                    }
                }
                boolean hasBody = op.has("requestBody");
                String bodyRef = op.path("requestBody").path("content").path("application/json").path("schema")
                        .path("$ref").asText("");
                if (!bodyRef.isEmpty() && schemas.get(bodyRef.substring(bodyRef.lastIndexOf('/') + 1)) instanceof ObjectNode body) {
                    // Request bodies check their required properties in build(): a missing one fails before any I/O.
                    body.put("x-kalshi4j-request", true);
                }
                String returnSchema = successSchema(op);
                if (returnSchema != null) {
                    // The generator answers Object for empty object schemas; name the model explicitly.
                    op.put("x-kalshi4j-return-type", returnSchema);
                }
                op.put("x-kalshi4j-has-args", hasPath || hasBody || hasQuery);
                op.put("x-kalshi4j-sep-path", hasPath && (hasBody || hasQuery));
                op.put("x-kalshi4j-sep-body", hasBody && hasQuery);
                op.put("x-kalshi4j-pb-sep", hasPath && hasBody);
                op.put("x-kalshi4j-has-pathbody", hasPath || hasBody);
                if (hasQuery && !requiredQuery) {
                    op.put("x-kalshi4j-query-optional", true);
                }
                if (hasCursor) {
                    ObjectNode pagination = pagination(op, schemas);
                    if (pagination != null) {
                        op.set("x-kalshi4j-pagination", pagination);
                    }
                }
            }
        }
    }

    /** The schema name of the first 2xx JSON response, when it is a reference. */
    static String successSchema(JsonNode op) {
        for (Map.Entry<String, JsonNode> r : iterable(op.path("responses"))) {
            if (r.getKey().startsWith("2")) {
                String ref = r.getValue().path("content").path("application/json").path("schema").path("$ref").asText("");
                return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
            }
        }
        return null;
    }

    private static ObjectNode pagination(ObjectNode op, ObjectNode schemas) {
        JsonNode ok = op.path("responses").path("200").path("content").path("application/json").path("schema");
        String ref = ok.path("$ref").asText("");
        if (ref.isEmpty()) {
            return null;
        }
        String responseName = ref.substring(ref.lastIndexOf('/') + 1);
        JsonNode props = schemas.path(responseName).path("properties");
        String cursorField = props.has("cursor") ? "cursor" : props.has("next_cursor") ? "next_cursor" : null;
        if (cursorField == null) {
            return null;
        }
        List<String> arrays = new ArrayList<>();
        props.fieldNames().forEachRemaining(n -> {
            if ("array".equals(props.path(n).path("type").asText())) {
                arrays.add(n);
            }
        });
        if (arrays.size() > 1) {
            // Events pages carry events (required) and milestones (optional): the required list is the items.
            Set<String> required = new java.util.HashSet<>();
            schemas.path(responseName).path("required").forEach(r -> required.add(r.asText()));
            arrays.removeIf(a -> !required.contains(a));
        }
        ObjectNode p = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        p.put("cursorField", cursorField);
        p.put("cursorGetter", camel(cursorField));
        p.put("responseSchema", responseName);
        if (arrays.size() == 1) {
            String itemsRef = props.path(arrays.get(0)).path("items").path("$ref").asText("");
            if (!itemsRef.isEmpty()) {
                p.put("itemsField", arrays.get(0));
                p.put("itemsGetter", camel(arrays.get(0)));
                p.put("itemType", itemsRef.substring(itemsRef.lastIndexOf('/') + 1));
                return p;
            }
        }
        // Several lists on a page (positions: market and event): iterate pages, not items.
        p.put("itemType", responseName);
        return p;
    }

    private static JsonNode resolveParameter(ObjectNode spec, JsonNode prm) {
        String ref = prm.path("$ref").asText("");
        if (ref.startsWith("#/components/parameters/")) {
            return spec.path("components").path("parameters").path(ref.substring("#/components/parameters/".length()));
        }
        return prm;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        node.fields().forEachRemaining(list::add);
        return list;
    }

    private static String moneyKind(String name) {
        return name.equals("FixedPointCount") ? "count" : "dollars";
    }

    /** Visits every schema-bearing node; {@code propertyName} is set when the node is a property schema. */
    private static void walk(JsonNode node, ObjectNode schemas, String propertyName) {
        if (node instanceof ObjectNode obj) {
            normalizeEnum(obj);
            if (obj.get("items") instanceof ObjectNode items && items.has("enum")) {
                normalizeEnum(items);
                if (items.has("x-kalshi4j-unknown")) {
                    obj.put("x-kalshi4j-unknown", items.get("x-kalshi4j-unknown").asText());
                }
            }
            if (obj.has("const")) {
                obj.set("x-kalshi4j-const", obj.remove("const"));
                if (!obj.has("type")) {
                    obj.put("type", "string");
                }
            }
            if (propertyName != null) {
                normalizeMoneyProperty(obj, schemas, propertyName);
            }
            JsonNode props = obj.get("properties");
            if (props instanceof ObjectNode p) {
                List<String> names = new ArrayList<>();
                p.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    JsonNode prop = p.get(name);
                    if (prop instanceof ObjectNode po && po.has("$ref")) {
                        String ref = po.get("$ref").asText();
                        String target = ref.substring(ref.lastIndexOf('/') + 1);
                        if (MONEY_SCHEMAS.contains(target) && schemas.get(target) != null) {
                            ObjectNode inlined = schemas.get(target).deepCopy();
                            po.remove("$ref");
                            inlined.fields().forEachRemaining(e -> {
                                if (!po.has(e.getKey())) {
                                    po.set(e.getKey(), e.getValue());
                                }
                            });
                        }
                    }
                    walk(p.get(name), schemas, name);
                }
            }
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("properties")) {
                    walk(e.getValue(), schemas, null);
                }
            }
            // Parameters: a query/path parameter named like money gets the same treatment.
            if (obj.has("in") && obj.has("name") && obj.get("schema") instanceof ObjectNode ps) {
                normalizeMoneyProperty(ps, schemas, obj.get("name").asText());
            }
        } else if (node instanceof ArrayNode arr) {
            for (JsonNode x : arr) {
                walk(x, schemas, null);
            }
        }
    }

    /**
     * Names the constant that stands for values this SDK version does not know: {@code UNKNOWN}, unless the spec
     * itself has a value {@code unknown}, then {@code UNKNOWN_TO_SDK_VERSION}. Enums of integers become plain
     * integers (their values are kept in {@code x-kalshi4j-allowed}): a Java enum of numbers would only make a new
     * server value fail.
     */
    static void normalizeEnum(ObjectNode obj) {
        if (!(obj.get("enum") instanceof ArrayNode values)) {
            return;
        }
        String type = obj.path("type").asText("string");
        if (!type.equals("string")) {
            obj.set("x-kalshi4j-allowed", obj.remove("enum"));
            return;
        }
        boolean clash = false;
        for (JsonNode v : values) {
            clash |= v.asText().replaceAll("[^A-Za-z0-9]", "").equalsIgnoreCase("unknown");
        }
        obj.put("x-kalshi4j-unknown", clash ? "UNKNOWN_TO_SDK_VERSION" : "UNKNOWN");
    }

    private static void normalizeMoneyProperty(ObjectNode prop, ObjectNode schemas, String name) {
        if (!isMoneyName(name)) {
            return;
        }
        String kind = name.endsWith("_dollars") ? "dollars" : name.endsWith("_dollars_fp") ? "levels" : "count";
        if (markDecimalLeaves(prop) || refersToDecimalArray(prop, schemas)) {
            prop.put("x-kalshi4j-money", kind);
        }
    }

    /** Sets {@code format: number} on string leaves (directly or inside arrays); true if any changed. */
    private static boolean markDecimalLeaves(ObjectNode s) {
        String type = s.path("type").asText("");
        if (type.equals("string") && !s.has("enum") && (!s.has("format") || s.get("format").asText().equals("number"))) {
            s.put("format", "number");
            return true;
        }
        if (!s.has("type") && s.get("oneOf") instanceof ArrayNode one && isStringOrNumberUnion(one)) {
            s.remove("oneOf");
            s.put("type", "string");
            s.put("format", "number");
            return true;
        }
        if (type.equals("array") && s.get("items") instanceof ObjectNode items) {
            return markDecimalLeaves(items);
        }
        return false;
    }

    /** True for an array (of arrays) whose items reference an alias such as PriceLevelDollarsCountFp. */
    private static boolean refersToDecimalArray(ObjectNode s, ObjectNode schemas) {
        JsonNode node = s;
        while ("array".equals(node.path("type").asText()) && node.has("items")) {
            node = node.get("items");
        }
        String ref = node.path("$ref").asText("");
        if (ref.isEmpty() || node == s) {
            return false;
        }
        JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        while ("array".equals(target.path("type").asText()) && target.has("items")) {
            target = target.get("items");
        }
        return "string".equals(target.path("type").asText()) && "number".equals(target.path("format").asText());
    }

    private static boolean isStringOrNumberUnion(ArrayNode one) {
        for (JsonNode alt : one) {
            String t = alt.path("type").asText("");
            if (!(t.equals("string") || t.equals("integer") || t.equals("number"))) {
                return false;
            }
        }
        return one.size() > 0;
    }
}
