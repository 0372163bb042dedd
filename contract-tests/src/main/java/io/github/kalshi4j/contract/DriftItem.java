package io.github.kalshi4j.contract;

import java.util.Locale;

/**
 * One difference between two shapes, read as "going from {@code from} to {@code to}". For the compiled SDK against
 * a spec, {@code from} is the SDK and {@code to} the spec: an ADDED item is in the spec but not in the SDK (what
 * regenerating would add), a REMOVED item is in the SDK but not in the spec.
 *
 * @param comparison which comparison found it ({@code rest}, {@code ws}, {@code overlay}, {@code openapi}, ...)
 * @param kind what changed
 * @param subject where: {@code GetMarkets}, {@code GetMarkets.query.status}, {@code Market.status},
 *     {@code tickerPayload.msg.price}, a channel or message name
 * @param before the {@code from} side's value (type, enum value, endpoint); null for additions
 * @param after the {@code to} side's value; null for removals
 * @param breaking whether the change breaks existing callers: a removed operation, parameter or field, a removed
 *     enum value, a changed type, a newly required request field or parameter, a removed channel or message
 */
public record DriftItem(String comparison, Kind kind, String subject, String before, String after, boolean breaking) {

    /** The direction of a change. */
    public enum Change { ADDED, REMOVED, CHANGED }

    /** What changed; {@link #id()} is the name used in exclusions.yaml and the JSON report. */
    public enum Kind {
        OPERATION_ADDED("operation", Change.ADDED),
        OPERATION_REMOVED("operation", Change.REMOVED),
        OPERATION_CHANGED("operation", Change.CHANGED),
        STUB_MISSING("stub", Change.CHANGED),
        PARAMETER_ADDED("parameter", Change.ADDED),
        PARAMETER_REMOVED("parameter", Change.REMOVED),
        PARAMETER_CHANGED("parameter encoding", Change.CHANGED),
        SCHEMA_ADDED("schema", Change.ADDED),
        SCHEMA_REMOVED("schema", Change.REMOVED),
        FIELD_ADDED("field", Change.ADDED),
        FIELD_REMOVED("field", Change.REMOVED),
        TYPE_CHANGED("type", Change.CHANGED),
        REQUIRED_ADDED("required", Change.ADDED),
        REQUIRED_REMOVED("required", Change.REMOVED),
        ENUM_VALUE_ADDED("enum value", Change.ADDED),
        ENUM_VALUE_REMOVED("enum value", Change.REMOVED),
        ENUM_NOT_EXPOSED("enum not exposed", Change.CHANGED),
        CHANNEL_ADDED("channel", Change.ADDED),
        CHANNEL_REMOVED("channel", Change.REMOVED),
        CHANNEL_CHANGED("channel messages", Change.CHANGED),
        MESSAGE_ADDED("message", Change.ADDED),
        MESSAGE_REMOVED("message", Change.REMOVED),
        MESSAGE_CHANGED("message", Change.CHANGED);

        private final String category;
        private final Change change;

        Kind(String category, Change change) {
            this.category = category;
            this.change = change;
        }

        /** What sort of thing changed: {@code operation}, {@code field}, {@code enum value}. */
        public String category() {
            return category;
        }

        /** Added, removed or changed. */
        public Change change() {
            return change;
        }

        /** The kebab-case name: {@code field-added}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind for a kebab-case name, or null. */
        public static Kind fromId(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One line: {@code + field Market.foo: String}, {@code ~ type Market.x: Integer -> Long}. */
    public String describe() {
        String sign = switch (kind.change()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
        };
        StringBuilder sb = new StringBuilder(sign).append(' ').append(kind.category()).append(' ').append(subject);
        String b = shown(before);
        String a = shown(after);
        if (b != null && a != null) {
            sb.append(": ").append(b).append(" -> ").append(a);
        } else if (a != null) {
            sb.append(": ").append(a);
        } else if (b != null) {
            sb.append(": ").append(b);
        }
        return sb.toString();
    }

    // Enum values are quoted so an empty or blank value stays visible.
    private String shown(String value) {
        boolean enumValue = kind == Kind.ENUM_VALUE_ADDED || kind == Kind.ENUM_VALUE_REMOVED;
        return value == null ? null : enumValue ? "\"" + value + "\"" : value;
    }
}
