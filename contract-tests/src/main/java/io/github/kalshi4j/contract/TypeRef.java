package io.github.kalshi4j.contract;

import java.util.List;
import java.util.Objects;

/**
 * A property, parameter or body type as one side of a comparison states it.
 *
 * <p>Specs are read twice: in spec notation ({@code integer(int64)}, {@code $Market}, {@code array<string>}) for
 * spec-to-spec diffs, and as the Java type the SDK must expose ({@code Long}, {@code Market}, {@code List<String>})
 * for spec-to-SDK diffs. The compiled surface only has the Java form. Inline objects and inline enums carry their
 * content, because the SDK names them itself (nested {@code XxxEnum}, {@code ParentProp} classes).
 */
public sealed interface TypeRef {

    /** The type as text: {@code List<Market>}, {@code array<$Market>}. */
    String render();

    /** A named type: a Java class, a spec primitive such as {@code string(date-time)}, or a spec reference {@code $X}. */
    record Named(String name) implements TypeRef {
        /** Requires a name. */
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String render() {
            return name;
        }
    }

    /** A list ({@code List<...>} in Java, {@code array<...>} in a spec). */
    record ListOf(TypeRef item, boolean java) implements TypeRef {
        @Override
        public String render() {
            return (java ? "List<" : "array<") + item.render() + ">";
        }
    }

    /** A string-keyed map ({@code Map<String, ...>} in Java, {@code map<...>} in a spec). */
    record MapOf(TypeRef value, boolean java) implements TypeRef {
        @Override
        public String render() {
            return java ? "Map<String, " + value.render() + ">" : "map<" + value.render() + ">";
        }
    }

    /** An object declared in place; the SDK generates a class for it named after its parent. */
    record InlineObject(SchemaShape schema) implements TypeRef {
        @Override
        public String render() {
            return "object{" + schema.name() + "}";
        }
    }

    /**
     * An enum declared in place. {@code base} is the spec type ({@code string}), the Java type a spec demands
     * ({@code String}), or on the compiled side the nested enum class ({@code Market.StatusEnum}).
     */
    record InlineEnum(List<String> values, String base) implements TypeRef {
        /** Copies the values. */
        public InlineEnum {
            values = List.copyOf(values);
        }

        @Override
        public String render() {
            return base + " enum";
        }
    }
}
