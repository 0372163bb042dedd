package io.github.kalshi4j.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named schema: an object (properties by wire name), an enum (its values) or an alias of another type
 * (money strings, primitive aliases, array aliases), which the SDK inlines at each use instead of generating a class.
 *
 * @param name the spec schema name, a synthetic {@code Parent.prop} for inline objects, or the Java class name
 * @param kind what the schema is
 * @param properties object properties in declaration order
 * @param required required property names; null when the source cannot tell (compiled response models)
 * @param enumValues enum values; empty for other kinds
 * @param aliasType the aliased type for {@link Kind#ALIAS}, in spec notation; null otherwise
 */
public record SchemaShape(String name, Kind kind, Map<String, PropertyShape> properties, Set<String> required,
        List<String> enumValues, TypeRef aliasType) {

    /** The three kinds of named schema. */
    public enum Kind { OBJECT, ENUM, ALIAS }

    /** Freezes the collections. */
    public SchemaShape {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = required == null ? null : Set.copyOf(required);
        enumValues = List.copyOf(enumValues);
    }

    /** A copy without one property (and without it in the required set). */
    public SchemaShape withoutProperty(String property) {
        Map<String, PropertyShape> props = new LinkedHashMap<>(properties);
        props.remove(property);
        Set<String> req = required == null ? null : new java.util.HashSet<>(required);
        if (req != null) {
            req.remove(property);
        }
        return new SchemaShape(name, kind, props, req, enumValues, aliasType);
    }
}
