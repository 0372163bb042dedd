package io.github.kalshi4j.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives the tabular export's table schemas from a normalized OpenAPI document (the one the models are generated
 * from), as template-ready data: one table for every object schema that a {@code GET} operation returns as the items
 * of an array property of its response (markets, events, series, trades, fills, orders, positions, settlements,
 * candlesticks, the historical variants, ...), with one column per scalar leaf of that schema.
 *
 * <p>The rules, all read from the document:
 * <ul>
 *   <li>a nested object's properties become columns with dotted names ({@code yes_bid.open_dollars});</li>
 *   <li>an array of scalars is one list column; an array of objects gives one list column per scalar leaf of its
 *       items ({@code price_ranges.start}); an array of arrays, a free-form object and a {@code oneOf} are one
 *       {@code JSON} column;</li>
 *   <li>a fixed-point property ({@code x-kalshi4j-money}, see {@link SpecNormalizer}) is a {@code DECIMAL} column
 *       whose scale the fixed-point schema implies: its {@code x-kalshi4j-scale}, or else the number of decimals
 *       its description says responses emit ("responses emit up to 6", "responses always emit 2 decimals"); a
 *       schema that says neither fails the build;</li>
 *   <li>{@code date-time} is {@code TIMESTAMP}, {@code date} is {@code DATE}, an enum is its wire string;</li>
 *   <li>a schema reached again below itself is one {@code JSON} column (no endless flattening).</li>
 * </ul>
 * The result goes into the document as {@code x-kalshi4j-tables}, which {@code generator-templates/java/tabular}
 * renders into the {@code kalshi4j-tabular} module's {@code TableSchemas}.
 */
final class TableSurface {

    /** Arrow's decimal128 holds 38 digits: room for any amount the SDK accepts at the scales Kalshi uses. */
    static final int DECIMAL_PRECISION = 38;

    private static final Pattern WIRE = Pattern.compile("[A-Za-z0-9_$@.\\-]+");
    private static final Pattern SCALE_IN_PROSE =
            Pattern.compile("responses (?:always )?emit (?:up to )?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DEPTH = 6;

    private final JsonNode schemas;
    private final Map<String, Integer> scales = new LinkedHashMap<>();
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    private TableSurface(JsonNode spec) {
        this.schemas = spec.path("components").path("schemas");
        for (String money : SpecNormalizer.MONEY_SCHEMAS) {
            String kind = money.equals("FixedPointCount") ? "count" : "dollars";
            JsonNode s = schemas.path(money);
            if (!s.isMissingNode()) {
                scales.put(kind, scaleOf(money, s));
            }
        }
    }

    /** Adds {@code x-kalshi4j-tables} to {@code spec}, a document normalized by {@link SpecNormalizer}. */
    static void derive(ObjectNode spec) {
        spec.set("x-kalshi4j-tables", new TableSurface(spec).tables(spec));
    }

    private static int scaleOf(String name, JsonNode s) {
        if (s.path("x-kalshi4j-scale").canConvertToInt()) {
            return s.path("x-kalshi4j-scale").asInt();
        }
        Matcher m = SCALE_IN_PROSE.matcher(s.path("description").asText(""));
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        throw new SpecException("components.schemas." + name + " says no scale: its description no longer says how many"
                + " decimals responses emit. Set x-kalshi4j-scale on it in spec/overlays/openapi-corrections.overlay.yaml"
                + " (the tabular export's decimal columns need it).");
    }

    private ArrayNode tables(JsonNode spec) {
        // item schema -> the response schemas that list it, in a stable order
        Map<String, Set<String>> items = new TreeMap<>();
        spec.path("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            String response = SpecNormalizer.successSchema(get);
            if (response == null) {
                return;
            }
            schemas.path(response).path("properties").fields().forEachRemaining(p -> {
                JsonNode prop = resolve(p.getValue());
                if ("array".equals(prop.path("type").asText())) {
                    String ref = refName(prop.path("items"));
                    if (ref != null && isObject(schemas.path(ref))) {
                        items.computeIfAbsent(ref, k -> new java.util.TreeSet<>()).add(response);
                    }
                }
            });
        });
        ArrayNode out = f.arrayNode();
        Set<String> constants = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : items.entrySet()) {
            ObjectNode t = out.addObject();
            t.put("model", e.getKey());
            String constant = constant(e.getKey());
            if (!constants.add(constant)) {
                throw new SpecException("two list item schemas give the table constant " + constant);
            }
            t.put("constant", constant);
            ArrayNode responses = t.putArray("responses");
            e.getValue().forEach(responses::add);
            ArrayNode columns = t.putArray("columns");
            Set<String> names = new HashSet<>();
            Set<String> onPath = new HashSet<>();
            onPath.add(e.getKey());
            flatten(schemas.path(e.getKey()), List.of(), null, columns, names, onPath, 0, e.getKey());
            if (names.contains("additional_properties")) {
                throw new SpecException(e.getKey() + " has a property additional_properties, the name of the tabular"
                        + " export's column for unknown fields");
            }
        }
        return out;
    }

    /**
     * Adds the columns of {@code schema}'s properties. {@code prefix} is the path to it; {@code arrayPath}, when not
     * null, is the path of the array whose items {@code schema} describes (then the columns are lists).
     */
    private void flatten(JsonNode schema, List<String> prefix, List<String> arrayPath, ArrayNode columns,
            Set<String> names, Set<String> onPath, int depth, String table) {
        for (Map.Entry<String, JsonNode> p : properties(schema).entrySet()) {
            String wire = p.getKey();
            if (!WIRE.matcher(wire).matches()) {
                throw new SpecException(table + ": property name " + wire + " cannot be a column name");
            }
            List<String> path = append(prefix, wire);
            String ref = refName(p.getValue());
            JsonNode prop = resolve(p.getValue());
            String type = prop.path("type").asText("");
            if (isObject(prop) && !properties(prop).isEmpty() && depth < MAX_DEPTH
                    && (ref == null || !onPath.contains(ref))) {
                if (ref != null) {
                    onPath.add(ref);
                }
                flatten(prop, path, arrayPath, columns, names, onPath, depth + 1, table);
                if (ref != null) {
                    onPath.remove(ref);
                }
            } else if (type.equals("array") && arrayPath == null) {
                String itemRef = refName(prop.path("items"));
                JsonNode item = resolve(prop.path("items"));
                String itemKind = scalarKind(item);
                if (itemKind != null) {
                    column(columns, names, table, path, List.of(), itemKind, scaleFor(item), true, path);
                } else if (isObject(item) && !properties(item).isEmpty() && depth < MAX_DEPTH
                        && (itemRef == null || !onPath.contains(itemRef))) {
                    if (itemRef != null) {
                        onPath.add(itemRef);
                    }
                    flatten(item, List.of(), path, columns, names, onPath, depth + 1, table);
                    if (itemRef != null) {
                        onPath.remove(itemRef);
                    }
                } else {
                    column(columns, names, table, path, List.of(), "JSON", 0, false, null);
                }
            } else {
                String kind = type.equals("array") ? null : scalarKind(prop);
                List<String> full = arrayPath == null ? path : append(arrayPath, String.join(".", path));
                if (arrayPath == null) {
                    column(columns, names, table, path, List.of(), kind == null ? "JSON" : kind, scaleFor(prop),
                            false, null);
                } else {
                    column(columns, names, table, full, path, kind == null ? "JSON" : kind, scaleFor(prop), true,
                            arrayPath);
                }
            }
        }
    }

    private void column(ArrayNode columns, Set<String> names, String table, List<String> nameParts,
            List<String> itemPath, String kind, int scale, boolean list, List<String> arrayPath) {
        String name = String.join(".", nameParts);
        if (!names.add(name)) {
            throw new SpecException(table + ": two properties flatten to the column name " + name);
        }
        ObjectNode c = columns.addObject();
        c.put("name", name);
        c.put("kind", kind);
        c.put("scale", scale);
        c.put("precision", kind.equals("DECIMAL") ? DECIMAL_PRECISION : 0);
        c.put("list", list);
        ArrayNode path = c.putArray("path");
        (list ? arrayPath : nameParts).forEach(path::add);
        ArrayNode item = c.putArray("itemPath");
        itemPath.forEach(item::add);
    }

    /** The column kind of a scalar schema, or null when it is not a scalar. */
    private String scalarKind(JsonNode s) {
        String type = s.path("type").asText("");
        String format = s.path("format").asText("");
        switch (type) {
            case "string":
                if (s.has("x-kalshi4j-money") && scales.containsKey(s.path("x-kalshi4j-money").asText())) {
                    return "DECIMAL";
                }
                return format.equals("date-time") ? "TIMESTAMP" : format.equals("date") ? "DATE" : "STRING";
            case "boolean":
                return "BOOLEAN";
            case "integer":
                return format.equals("int64") ? "INT64" : "INT32";
            case "number":
                // The generator reads an unformatted number into a BigDecimal, float and double into doubles.
                return format.equals("double") || format.equals("float") ? "FLOAT64" : "NUMBER";
            default:
                return null;
        }
    }

    private int scaleFor(JsonNode s) {
        return "DECIMAL".equals(scalarKind(s)) ? scales.get(s.path("x-kalshi4j-money").asText()) : 0;
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode s = resolve(schema);
        if (s.get("allOf") instanceof ArrayNode all) {
            for (JsonNode part : all) {
                out.putAll(properties(part));
            }
        }
        s.path("properties").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private boolean isObject(JsonNode s) {
        JsonNode r = resolve(s);
        if (r.has("oneOf") || r.has("anyOf")) {
            return false;
        }
        if (r.path("additionalProperties").isObject() && !r.has("properties")) {
            return false;
        }
        return "object".equals(r.path("type").asText()) || r.has("properties") || r.has("allOf");
    }

    /** Follows {@code $ref} and a lone {@code allOf: [{$ref}]} (how the spec adds a description to a reference). */
    private JsonNode resolve(JsonNode s) {
        for (int i = 0; i < 16; i++) {
            String ref = s.path("$ref").asText("");
            if (!ref.isEmpty()) {
                s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                continue;
            }
            if (s.get("allOf") instanceof ArrayNode all && all.size() == 1 && !s.has("properties")
                    && all.get(0).has("$ref")) {
                JsonNode target = schemas.path(all.get(0).path("$ref").asText().replaceAll(".*/", ""));
                if (s.has("x-kalshi4j-money") || s.has("format") || s.has("type")) {
                    return s;
                }
                s = target;
                continue;
            }
            return s;
        }
        return s;
    }

    private static String refName(JsonNode s) {
        String ref = s.path("$ref").asText("");
        if (ref.isEmpty() && s.get("allOf") instanceof ArrayNode all && all.size() == 1) {
            ref = all.get(0).path("$ref").asText("");
        }
        return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static List<String> append(List<String> prefix, String name) {
        List<String> l = new ArrayList<>(prefix);
        l.add(name);
        return l;
    }

    /** {@code MarketCandlestick} -> {@code MARKET_CANDLESTICK}, {@code RFQ} -> {@code RFQ}. */
    static String constant(String schemaName) {
        return schemaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .toUpperCase(Locale.ROOT);
    }
}
