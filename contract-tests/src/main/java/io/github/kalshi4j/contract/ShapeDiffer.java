package io.github.kalshi4j.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two {@link ApiShape}s and lists every difference as a {@link DriftItem}.
 *
 * <p>{@link Mode#SPECS} compares two spec documents in spec notation, by spec names. {@link Mode#SDK_TO_SPEC}
 * compares the compiled SDK ({@code from}) with a spec ({@code to}) in Java types: spec schema {@code x} is
 * class {@code X}, inline objects are whatever class the SDK's property type names (compared field by field), spec
 * aliases (money strings, primitive aliases) have no class and are checked at each use, and SDK classes that no spec
 * schema or inline object accounts for are reported as removed.
 */
public final class ShapeDiffer {

    /** What is compared with what. */
    public enum Mode {
        /** Two spec documents. */
        SPECS,
        /** The compiled SDK ({@code from}) with a spec ({@code to}). */
        SDK_TO_SPEC
    }

    /** Java types of integer enums in SDK notation. */
    private static final Set<String> INTEGER_TYPES = Set.of("Integer", "Long");

    private final String comparison;
    private final Mode mode;
    private final ApiShape from;
    private final ApiShape to;
    private final List<DriftItem> items = new ArrayList<>();
    private final Set<String> visitedSdkClasses = new HashSet<>();

    private ShapeDiffer(String comparison, Mode mode, ApiShape from, ApiShape to) {
        this.comparison = comparison;
        this.mode = mode;
        this.from = from;
        this.to = to;
    }

    /** Every difference going from {@code from} to {@code to}, operations first, then schemas, channels, messages. */
    public static List<DriftItem> diff(String comparison, Mode mode, ApiShape from, ApiShape to) {
        ShapeDiffer d = new ShapeDiffer(comparison, mode, from, to);
        d.operations();
        d.schemas();
        d.channels();
        d.messages();
        return List.copyOf(d.items);
    }

    private void add(DriftItem.Kind kind, String subject, String before, String after, boolean breaking) {
        items.add(new DriftItem(comparison, kind, subject, before, after, breaking));
    }

    private boolean sdk() {
        return mode == Mode.SDK_TO_SPEC;
    }

    // ---------------------------------------------------------------- operations

    private void operations() {
        to.operations().forEach((id, t) -> {
            OperationShape f = from.operations().get(id);
            if (f == null) {
                add(DriftItem.Kind.OPERATION_ADDED, id, null, t.endpoint(), false);
            } else {
                operation(f, t);
            }
        });
        from.operations().forEach((id, f) -> {
            if (!to.operations().containsKey(id)) {
                add(DriftItem.Kind.OPERATION_REMOVED, id, f.endpoint(), null, true);
            }
        });
    }

    private void operation(OperationShape f, OperationShape t) {
        String id = t.id();
        if (!f.endpoint().equals(t.endpoint())) {
            add(DriftItem.Kind.OPERATION_CHANGED, id, f.endpoint(), t.endpoint(), true);
        }
        if (!f.tag().equals(t.tag())) {
            // Not a wire change, but the Java accessor (client.<tag>()) moves.
            add(DriftItem.Kind.OPERATION_CHANGED, id, "tag " + f.tag(), "tag " + t.tag(), false);
        }
        if (f.authenticated() != t.authenticated()) {
            add(DriftItem.Kind.OPERATION_CHANGED, id, auth(f.authenticated()), auth(t.authenticated()), t.authenticated());
        }
        f.stubProblems().forEach(p -> add(DriftItem.Kind.STUB_MISSING, id, p, "a reachable stub", true));
        t.stubProblems().forEach(p -> add(DriftItem.Kind.STUB_MISSING, id, "a reachable stub", p, true));

        t.params().forEach((key, tp) -> {
            ParamShape fp = f.params().get(key);
            String subject = id + "." + key;
            if (fp == null) {
                add(DriftItem.Kind.PARAMETER_ADDED, subject, null, (tp.required() ? "required " : "")
                        + type(tp.specType(), tp.javaType()).render(), tp.required());
                return;
            }
            compareType(subject, type(fp.specType(), fp.javaType()), type(tp.specType(), tp.javaType()), true, true);
            if (fp.required() != tp.required()) {
                add(tp.required() ? DriftItem.Kind.REQUIRED_ADDED : DriftItem.Kind.REQUIRED_REMOVED, subject,
                        fp.required() ? "required" : "optional", tp.required() ? "required" : "optional", tp.required());
            }
            if (fp.explode() != null && tp.explode() != null && !fp.explode().equals(tp.explode())) {
                add(DriftItem.Kind.PARAMETER_CHANGED, subject, encoding(fp.explode()), encoding(tp.explode()), true);
            }
        });
        f.params().forEach((key, fp) -> {
            if (!t.params().containsKey(key)) {
                add(DriftItem.Kind.PARAMETER_REMOVED, id + "." + key, type(fp.specType(), fp.javaType()).render(), null,
                        true);
            }
        });
        compareType(id + ".body", bodyType(f.body()), bodyType(t.body()), true, false);
        compareType(id + ".response", responseType(f.response()), responseType(t.response()), false, false);
    }

    private static String auth(boolean authenticated) {
        return authenticated ? "authenticated" : "public";
    }

    private static String encoding(boolean explode) {
        return explode ? "repeated (explode)" : "comma-joined";
    }

    private TypeRef bodyType(OperationShape.Types t) {
        return t == null ? new TypeRef.Named("none") : type(t.spec(), t.java());
    }

    private TypeRef responseType(OperationShape.Types t) {
        if (t == null) {
            // A stub for an operation without a JSON answer returns Void.
            return new TypeRef.Named(sdk() ? "Void" : "none");
        }
        return type(t.spec(), t.java());
    }

    private TypeRef type(TypeRef spec, TypeRef java) {
        return sdk() ? java : spec;
    }

    // ---------------------------------------------------------------- schemas

    private void schemas() {
        to.schemas().forEach((name, t) -> {
            if (sdk() && t.kind() == SchemaShape.Kind.ALIAS) {
                return; // no class by design: the alias's type is checked at every property that uses it
            }
            String key = sdk() ? SpecShapes.className(name) : name;
            SchemaShape f = from.schemas().get(key);
            if (f == null) {
                add(DriftItem.Kind.SCHEMA_ADDED, name, null, sdk() ? "class " + key : t.kind().name().toLowerCase(Locale.ROOT), false);
                return;
            }
            visitedSdkClasses.add(key);
            schema(name, f, t, to.requestSchemas().contains(name));
        });
        if (!sdk()) {
            from.schemas().keySet().stream().filter(n -> !to.schemas().containsKey(n))
                    .forEach(n -> add(DriftItem.Kind.SCHEMA_REMOVED, n, from.schemas().get(n).kind().name().toLowerCase(Locale.ROOT),
                            null, true));
        }
    }

    private void schema(String subject, SchemaShape f, SchemaShape t, boolean request) {
        if (f.kind() != t.kind()) {
            add(DriftItem.Kind.TYPE_CHANGED, subject, f.kind().name().toLowerCase(Locale.ROOT), t.kind().name().toLowerCase(Locale.ROOT), true);
            return;
        }
        switch (t.kind()) {
            case ENUM -> enumValues(subject, f.enumValues(), t.enumValues());
            case ALIAS -> compareType(subject, f.aliasType(), t.aliasType(), request, false);
            case OBJECT -> {
                t.properties().forEach((name, tp) -> {
                    PropertyShape fp = f.properties().get(name);
                    if (fp == null) {
                        add(DriftItem.Kind.FIELD_ADDED, subject + "." + name, null, type(tp.specType(), tp.javaType()).render(),
                                false);
                    } else {
                        compareType(subject + "." + name, type(fp.specType(), fp.javaType()),
                                type(tp.specType(), tp.javaType()), request, false);
                    }
                });
                f.properties().forEach((name, fp) -> {
                    if (!t.properties().containsKey(name)) {
                        add(DriftItem.Kind.FIELD_REMOVED, subject + "." + name, type(fp.specType(), fp.javaType()).render(),
                                null, true);
                    }
                });
                if (f.required() != null && t.required() != null) {
                    // Only properties both sides have: a missing property is already reported once.
                    t.required().stream().filter(r -> !f.required().contains(r) && f.properties().containsKey(r)
                            && t.properties().containsKey(r)).sorted().forEach(r -> add(DriftItem.Kind.REQUIRED_ADDED,
                            subject + "." + r, "optional", "required", request));
                    f.required().stream().filter(r -> !t.required().contains(r) && f.properties().containsKey(r)
                            && t.properties().containsKey(r)).sorted().forEach(r -> add(DriftItem.Kind.REQUIRED_REMOVED,
                            subject + "." + r, "required", "optional", false));
                }
            }
            default -> throw new IllegalStateException(t.kind().name());
        }
    }

    private void enumValues(String subject, List<String> f, List<String> t) {
        t.stream().filter(v -> !f.contains(v)).forEach(v -> add(DriftItem.Kind.ENUM_VALUE_ADDED, subject, null, v, false));
        f.stream().filter(v -> !t.contains(v)).forEach(v -> add(DriftItem.Kind.ENUM_VALUE_REMOVED, subject, v, null, true));
    }

    /**
     * Compares two types; when their structure agrees, compares what is nested (inline objects' fields, inline
     * enums' values).
     *
     * @param parameter whether this is a parameter, whose enums the SDK may expose as plain strings (integer enums
     *     are plain numbers everywhere)
     */
    private void compareType(String subject, TypeRef f, TypeRef t, boolean request, boolean parameter) {
        if (f == null || t == null) {
            return;
        }
        if (!sameStructure(f, t, parameter)) {
            add(DriftItem.Kind.TYPE_CHANGED, subject, f.render(), t.render(), true);
            return;
        }
        nested(subject, f, t, request);
    }

    private boolean sameStructure(TypeRef f, TypeRef t, boolean parameter) {
        if (t instanceof TypeRef.InlineObject) {
            return f instanceof TypeRef.InlineObject
                    || sdk() && f instanceof TypeRef.Named n && from.schemas().get(n.name()) != null
                    && from.schemas().get(n.name()).kind() == SchemaShape.Kind.OBJECT;
        }
        if (t instanceof TypeRef.InlineEnum te) {
            if (f instanceof TypeRef.InlineEnum fe) {
                return sdk() || fe.base().equals(te.base());
            }
            // The SDK exposes some enums as their base type, each by a rule the report still lists (enum not exposed):
            // query parameters (strings on *Params), and integer enums anywhere, which the generator turns into plain
            // numbers (SpecNormalizer.normalizeEnum) so a new server value does not fail decoding.
            return sdk() && (parameter || INTEGER_TYPES.contains(te.base())) && f instanceof TypeRef.Named n
                    && n.name().equals(te.base());
        }
        if (t instanceof TypeRef.ListOf tl) {
            return f instanceof TypeRef.ListOf fl && sameStructure(fl.item(), tl.item(), parameter);
        }
        if (t instanceof TypeRef.MapOf tm) {
            return f instanceof TypeRef.MapOf fm && sameStructure(fm.value(), tm.value(), parameter);
        }
        return f instanceof TypeRef.Named && f.render().equals(t.render());
    }

    private void nested(String subject, TypeRef f, TypeRef t, boolean request) {
        if (t instanceof TypeRef.InlineObject inline) {
            if (f instanceof TypeRef.InlineObject fo) {
                schema(subject, fo.schema(), inline.schema(), request);
            } else if (f instanceof TypeRef.Named n) {
                visitedSdkClasses.add(n.name());
                schema(subject, from.schemas().get(n.name()), inline.schema(), request);
            }
        } else if (t instanceof TypeRef.InlineEnum te) {
            if (f instanceof TypeRef.InlineEnum fe) {
                enumValues(subject, fe.values(), te.values());
            } else {
                add(DriftItem.Kind.ENUM_NOT_EXPOSED, subject, f.render(), te.base() + " enum " + te.values(), false);
            }
        } else if (t instanceof TypeRef.ListOf tl && f instanceof TypeRef.ListOf fl) {
            nested(subject + "[]", fl.item(), tl.item(), request);
        } else if (t instanceof TypeRef.MapOf tm && f instanceof TypeRef.MapOf fm) {
            nested(subject + "{}", fm.value(), tm.value(), request);
        }
    }

    // ---------------------------------------------------------------- WebSocket

    private void channels() {
        to.channels().forEach((name, t) -> {
            ChannelShape f = from.channels().get(name);
            String subject = name;
            if (f == null) {
                List<String> carried = sorted(sdk() ? t.payloadClasses() : t.messageKeys());
                add(DriftItem.Kind.CHANNEL_ADDED, subject, null,
                        carried.isEmpty() ? "(no JSON messages)" : String.join(", ", carried), false);
                return;
            }
            Set<String> fm = sdk() ? f.payloadClasses() : f.messageKeys();
            Set<String> tm = sdk() ? t.payloadClasses() : t.messageKeys();
            sorted(tm).stream().filter(m -> !fm.contains(m))
                    .forEach(m -> add(DriftItem.Kind.CHANNEL_CHANGED, subject, null, m, false));
            sorted(fm).stream().filter(m -> !tm.contains(m))
                    .forEach(m -> add(DriftItem.Kind.CHANNEL_CHANGED, subject, m, null, true));
        });
        from.channels().keySet().stream().filter(n -> !to.channels().containsKey(n))
                .forEach(n -> add(DriftItem.Kind.CHANNEL_REMOVED, n, n, null, true));
    }

    private void messages() {
        Map<String, MessageShape> fromMessages = from.messages();
        Map<String, MessageShape> toMessages = new java.util.LinkedHashMap<>();
        to.messages().values().forEach(m -> {
            if (!sdk()) {
                toMessages.put(m.key(), m);
            } else if (m.json() && m.payloadClass() != null) {
                toMessages.put(m.sdkKey(), m);
            }
        });
        toMessages.forEach((key, t) -> {
            MessageShape f = fromMessages.get(key);
            String subject = key;
            if (f == null) {
                add(DriftItem.Kind.MESSAGE_ADDED, subject, null, t.typeConstant() == null ? t.name()
                        : t.name() + ", type \"" + t.typeConstant() + "\"", false);
                return;
            }
            if (!Objects.equals(f.typeConstant(), t.typeConstant())) {
                add(DriftItem.Kind.MESSAGE_CHANGED, subject, "type " + quoted(f.typeConstant()),
                        "type " + quoted(t.typeConstant()), true);
            }
            if (!sdk()) {
                if (!f.name().equals(t.name())) {
                    add(DriftItem.Kind.MESSAGE_CHANGED, subject, "name " + f.name(), "name " + t.name(), true);
                }
                if (!Objects.equals(f.payload(), t.payload())) {
                    add(DriftItem.Kind.MESSAGE_CHANGED, subject, "payload " + f.payload(), "payload " + t.payload(), true);
                }
            }
        });
        fromMessages.keySet().stream().filter(k -> !toMessages.containsKey(k))
                .forEach(k -> add(DriftItem.Kind.MESSAGE_REMOVED, k, fromMessages.get(k).name(), null, true));
        if (sdk()) {
            // Last: classes reached through inline objects were marked while comparing schemas.
            from.schemas().keySet().stream().filter(c -> !visitedSdkClasses.contains(c)).forEach(c ->
                    add(DriftItem.Kind.SCHEMA_REMOVED, c, "class " + c, null, true));
        }
    }

    private static String quoted(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    private static List<String> sorted(Set<String> s) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(s));
        out.sort(null);
        return out;
    }
}
