package io.github.kalshi4j.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns spec schemas into {@link SchemaShape}s and {@link TypeRef}s, in spec notation and as the Java type the SDK
 * must expose. Both spec readers use it, so OpenAPI and AsyncAPI follow the same type rules:
 *
 * <ul>
 *   <li>{@code string}: {@code String}; {@code date-time} is {@code OffsetDateTime}, {@code date} {@code LocalDate},
 *       {@code uuid} {@code UUID}. Money is {@code BigDecimal}: any string leaf of a property named {@code *_dollars}
 *       or {@code *_fp} (also string-or-number unions), the {@code FixedPoint*} schemas, and array aliases named
 *       {@code *Dollars*}/{@code *Fp}.</li>
 *   <li>{@code integer}: {@code Integer}, {@code int64} is {@code Long}; {@code number}: {@code BigDecimal},
 *       {@code double} is {@code Double}, {@code float} {@code Float}; {@code boolean}: {@code Boolean}.</li>
 *   <li>arrays are {@code List}, {@code additionalProperties} maps are {@code Map<String, ...>}, free-form objects are
 *       {@code Object}; a {@code $ref} to an object or enum is its class; a {@code $ref} to anything else is inlined.</li>
 * </ul>
 *
 * These are the SDK's documented promises (README "Money", "Models"), restated here rather than borrowed from the
 * generator's normalizer, so a normalizer bug shows up as drift.
 */
final class SpecShapes {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private final Map<String, SchemaNode> components;

    SpecShapes(Map<String, SchemaNode> components) {
        this.components = components;
    }

    /** The schema name a {@code $ref} points at, or null for anything but a component schema. */
    static String refName(String ref) {
        return ref != null && ref.startsWith(SCHEMA_REF) ? ref.substring(SCHEMA_REF.length()) : null;
    }

    /** The Java class the SDK generates for a schema name: {@code tickerPayload} is {@code TickerPayload}. */
    static String className(String schemaName) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : schemaName.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** True for Kalshi's fixed-point property names. */
    static boolean isMoneyName(String property) {
        return property != null && (property.endsWith("_dollars") || property.endsWith("_fp"));
    }

    /** All component schemas as shapes, in document order. */
    Map<String, SchemaShape> componentShapes() {
        Map<String, SchemaShape> out = new LinkedHashMap<>();
        components.forEach((name, node) -> out.put(name, shape(name, node)));
        return out;
    }

    /** The shape of one named schema. */
    SchemaShape shape(String name, SchemaNode node) {
        if (!node.enumValues().isEmpty()) {
            return new SchemaShape(name, SchemaShape.Kind.ENUM, Map.of(), Set.of(), node.enumValues(), null);
        }
        if (isObject(node)) {
            return objectShape(name, node);
        }
        return new SchemaShape(name, SchemaShape.Kind.ALIAS, Map.of(), Set.of(), List.of(), specType(node));
    }

    /** An object schema's properties and required set; {@code allOf} parts are merged as the generator merges them. */
    SchemaShape objectShape(String name, SchemaNode node) {
        Map<String, PropertyShape> props = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        collect(name, node, props, required, new LinkedHashSet<>());
        return new SchemaShape(name, SchemaShape.Kind.OBJECT, props, required, List.of(), null);
    }

    private void collect(String name, SchemaNode node, Map<String, PropertyShape> props, Set<String> required,
            Set<String> seen) {
        String ref = refName(node.ref());
        if (ref != null) {
            if (seen.add(ref) && components.get(ref) != null) {
                collect(name, components.get(ref), props, required, seen);
            }
            return;
        }
        for (SchemaNode part : node.allOf()) {
            collect(name, part, props, required, seen);
        }
        node.properties().forEach((prop, schema) -> props.put(prop,
                new PropertyShape(prop, specType(schema, name + "." + prop),
                        javaType(schema, name + "." + prop, isMoneyName(prop)))));
        required.addAll(node.required());
    }

    /** True when a schema is an object with a shape of its own (not free-form, not a map). */
    boolean isObject(SchemaNode node) {
        if (refName(node.ref()) != null) {
            return false;
        }
        if (!node.properties().isEmpty()) {
            return true;
        }
        if (!node.allOf().isEmpty()) {
            return node.allOf().stream().anyMatch(p -> refName(p.ref()) != null
                    ? components.get(refName(p.ref())) != null && isObject(components.get(refName(p.ref())))
                    : isObject(p));
        }
        return "object".equals(node.type()) && node.additionalPropertiesSchema() == null
                && !node.additionalPropertiesTrue() && node.oneOrAnyOf().isEmpty();
    }

    /** The spec-notation type of a schema in a context without a name (top-level aliases). */
    TypeRef specType(SchemaNode node) {
        return specType(node, "?");
    }

    /** The spec-notation type; {@code path} names inline objects ({@code Market.custom}). */
    TypeRef specType(SchemaNode node, String path) {
        String ref = refName(node.ref());
        if (ref != null) {
            return new TypeRef.Named("$" + ref);
        }
        if (node.ref() != null) {
            return new TypeRef.Named(node.ref());
        }
        if (node.allOf().size() == 1 && node.properties().isEmpty()) {
            return specType(node.allOf().get(0), path);
        }
        if (!node.allOf().isEmpty() || !node.oneOrAnyOf().isEmpty()) {
            List<String> parts = new ArrayList<>();
            (node.allOf().isEmpty() ? node.oneOrAnyOf() : node.allOf()).forEach(p -> parts.add(specType(p, path).render()));
            if (!node.properties().isEmpty()) {
                return new TypeRef.InlineObject(objectShape(path, node));
            }
            return new TypeRef.Named((node.allOf().isEmpty() ? "oneOf" : "allOf") + "<" + String.join("|", parts) + ">");
        }
        if (!node.enumValues().isEmpty()) {
            return new TypeRef.InlineEnum(node.enumValues(), primitive(node));
        }
        if ("array".equals(node.type())) {
            return new TypeRef.ListOf(node.items() == null ? new TypeRef.Named("any") : specType(node.items(), path + "[]"),
                    false);
        }
        if (!node.properties().isEmpty()) {
            return new TypeRef.InlineObject(objectShape(path, node));
        }
        if (node.additionalPropertiesSchema() != null) {
            return new TypeRef.MapOf(specType(node.additionalPropertiesSchema(), path + "{}"), false);
        }
        if ("object".equals(node.type())) {
            return new TypeRef.Named(node.additionalPropertiesTrue() ? "map<any>" : "object");
        }
        return new TypeRef.Named(node.type() == null ? "any" : primitive(node));
    }

    private static String primitive(SchemaNode node) {
        String t = node.type() == null ? "string" : node.type();
        return node.format() == null ? t : t + "(" + node.format() + ")";
    }

    /**
     * The Java type the SDK must expose for a schema.
     *
     * @param path names inline objects
     * @param money whether string leaves are fixed-point decimals (the property is named like money)
     */
    TypeRef javaType(SchemaNode node, String path, boolean money) {
        return javaType(node, path, money, new LinkedHashSet<>());
    }

    private TypeRef javaType(SchemaNode node, String path, boolean money, Set<String> aliases) {
        String ref = refName(node.ref());
        if (ref != null) {
            SchemaNode target = components.get(ref);
            if (target == null) {
                return new TypeRef.Named("$" + ref + " (missing)");
            }
            if (ref.startsWith("FixedPoint") && "string".equals(target.type()) && target.enumValues().isEmpty()) {
                return new TypeRef.Named("BigDecimal");
            }
            if (!target.enumValues().isEmpty() || isObject(target)) {
                return new TypeRef.Named(className(ref));
            }
            if (!aliases.add(ref)) {
                return new TypeRef.Named("Object");
            }
            // Aliases have no class: the SDK inlines their type at each use.
            return javaType(target, path, money || ref.contains("Dollars") || ref.endsWith("Fp"), aliases);
        }
        if (node.allOf().size() == 1 && node.properties().isEmpty()) {
            return javaType(node.allOf().get(0), path, money, aliases);
        }
        if (!node.oneOrAnyOf().isEmpty() && node.properties().isEmpty()) {
            boolean numeric = node.oneOrAnyOf().stream().allMatch(a -> a.ref() == null
                    && ("string".equals(a.type()) || "integer".equals(a.type()) || "number".equals(a.type())));
            return new TypeRef.Named(money && numeric ? "BigDecimal" : "Object");
        }
        if (!node.enumValues().isEmpty()) {
            return new TypeRef.InlineEnum(node.enumValues(), scalar(node, false));
        }
        if ("array".equals(node.type())) {
            return new TypeRef.ListOf(node.items() == null ? new TypeRef.Named("Object")
                    : javaType(node.items(), path + "[]", money, aliases), true);
        }
        if (!node.properties().isEmpty() || !node.allOf().isEmpty() && isObject(node)) {
            // Free-form objects (no properties) are plain Object; only shaped ones get a class.
            return new TypeRef.InlineObject(objectShape(path, node));
        }
        if (node.additionalPropertiesSchema() != null) {
            return new TypeRef.MapOf(javaType(node.additionalPropertiesSchema(), path + "{}", false, aliases), true);
        }
        if (node.additionalPropertiesTrue()) {
            return new TypeRef.MapOf(new TypeRef.Named("Object"), true);
        }
        if ("object".equals(node.type()) || node.type() == null && node.constValue() == null) {
            return new TypeRef.Named("Object");
        }
        return new TypeRef.Named(scalar(node, money));
    }

    private static String scalar(SchemaNode node, boolean money) {
        String type = node.type() == null ? "string" : node.type();
        String format = node.format() == null ? "" : node.format();
        return switch (type) {
            case "integer" -> format.equals("int64") ? "Long" : "Integer";
            case "number" -> format.equals("double") ? "Double" : format.equals("float") ? "Float" : "BigDecimal";
            case "boolean" -> "Boolean";
            case "string" -> money || format.equals("number") ? "BigDecimal" : switch (format) {
                case "date-time" -> "OffsetDateTime";
                case "date" -> "LocalDate";
                case "uuid" -> "UUID";
                default -> "String";
            };
            default -> "Object";
        };
    }

    /**
     * Names of the schemas reachable from the given roots through references and inline objects: the request side of
     * an API, where a newly required field breaks callers.
     */
    Set<String> reachable(Set<String> roots) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            SchemaNode node = components.get(name);
            if (node != null && seen.add(name)) {
                refs(node, todo::add);
            }
        }
        return seen;
    }

    /** Reports every component reference in a schema tree; inline trees are finite, references are not followed. */
    private static void refs(SchemaNode node, java.util.function.Consumer<String> sink) {
        if (node == null) {
            return;
        }
        String ref = refName(node.ref());
        if (ref != null) {
            sink.accept(ref);
        }
        node.properties().values().forEach(p -> refs(p, sink));
        refs(node.items(), sink);
        refs(node.additionalPropertiesSchema(), sink);
        node.allOf().forEach(p -> refs(p, sink));
        node.oneOrAnyOf().forEach(p -> refs(p, sink));
    }
}
