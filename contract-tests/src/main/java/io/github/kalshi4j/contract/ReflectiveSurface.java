package io.github.kalshi4j.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.kalshi4j.api.Operations;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.transport.ApiRequest;
import io.github.kalshi4j.transport.OperationInfo;
import io.github.kalshi4j.transport.RequestOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the compiled SDK by reflection, the way a user meets it.
 *
 * <ul>
 *   <li>Operations: every {@link OperationInfo} of {@link Operations#all()} must be reachable as
 *       {@code client.<tag>().<javaMethod>(...)} on {@link KalshiClient} and its {@code async()} twin. The stub's
 *       package-private {@code <javaMethod>Request} builder is called with sentinel arguments: the request it builds
 *       must carry that OperationInfo (method and path), path parameters are found by where their sentinels land in
 *       the path, and each {@code *Params} accessor is set alone to see which query name it sends and how arrays are
 *       encoded. Required query parameters are found by building an empty {@code *Params} and reading the message.</li>
 *   <li>Models: every class of {@code io.github.kalshi4j.model} and {@code io.github.kalshi4j.ws.model}; properties by
 *       their {@link JsonProperty} wire names, typed by the public accessor a user calls; enum values by
 *       {@code value()}. For request bodies, the required set is found by building empty builders: each
 *       {@code build()} names the first missing property, which is then filled and the build retried.</li>
 *   <li>WebSocket: payload classes by their {@code MESSAGE_NAMES} and {@code TYPE} constants, channels from a
 *       {@link ChannelCatalog} (for the compiled SDK: the {@code Channel} enum users subscribe with).</li>
 * </ul>
 */
public final class ReflectiveSurface implements Surface {

    static final String REST_MODELS = "io.github.kalshi4j.model";
    static final String WS_MODELS = "io.github.kalshi4j.ws.model";

    /**
     * Where one API's surface is found: its operation table, the classes whose accessors reach its endpoint groups
     * (blocking and async), its model packages and its channel catalogue.
     *
     * @param name the API ({@code trade}, {@code perps}), as in {@code spec/spec.lock.json}
     * @param client how problems name the entry point ({@code KalshiClient})
     * @param operationsClass the generated operation table, whose package holds the endpoint stubs
     * @param operations every operation of the API's pinned OpenAPI document (its generated {@code Operations.all()})
     * @param blocking the class with one public no-argument accessor per tag returning an {@code *Api} stub
     * @param async the class with one accessor per tag returning an {@code *ApiAsync} stub
     */
    public record Binding(String name, String client, Class<?> operationsClass, List<OperationInfo> operations,
            Class<?> blocking, Class<?> async, String restModels, String wsModels, ChannelCatalog catalog) {

        /** The Trade API as users meet it: {@link KalshiClient} and its {@code async()} twin. */
        public static Binding trade(ChannelCatalog catalog) {
            Class<?> async;
            try {
                async = KalshiClient.class.getMethod("async").getReturnType();
            } catch (NoSuchMethodException e) {
                async = Object.class;
            }
            return new Binding("trade", "KalshiClient", Operations.class, Operations.all(), KalshiClient.class, async,
                    REST_MODELS, WS_MODELS, catalog);
        }

        /**
         * The Perps (margin) API as generated from its pinned documents: the generated tag accessors
         * ({@code io.github.kalshi4j.perps.api.KalshiApis} and {@code KalshiAsyncApis}), which a perps client extends,
         * and, for channels, the generated perps channel catalogue {@code io.github.kalshi4j.perps.ws.Channel}
         * ({@link ChannelCatalog#perpsSubscribable()}), as for the Trade API. Both come from the same documents the check
         * compares with, so until a perps client exists this finds what generation dropped or a stale build kept, not
         * what a client fails to expose.
         */
        public static Binding perps() {
            return new Binding("perps", "perps KalshiApis", io.github.kalshi4j.perps.api.Operations.class,
                    io.github.kalshi4j.perps.api.Operations.all(),
                    io.github.kalshi4j.perps.api.KalshiApis.class, io.github.kalshi4j.perps.api.KalshiAsyncApis.class,
                    "io.github.kalshi4j.perps.model", "io.github.kalshi4j.perps.ws.model",
                    ChannelCatalog.perpsSubscribable());
        }

        /** The binding of an API of the lock, or null when this SDK has no surface for it. */
        public static Binding of(String api) {
            return switch (api) {
                case "trade" -> trade(ChannelCatalog.subscribable());
                case "perps" -> perps();
                default -> null;
            };
        }

        /** The package of the endpoint stubs: the operation table's. */
        String apiPackage() {
            return operationsClass.getPackageName();
        }
    }

    private static final Map<String, ReflectiveSurface> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern QUERY_REQUIRED = Pattern.compile("^\\S+: query parameter (\\S+) is required$");
    private static final Pattern QUERY_RANGE = Pattern.compile("^\\S+: (\\S+) must be (>=|>|<=|<) (\\S+), got .*");
    private static final OffsetDateTime SOME_TIME = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    private static volatile ReflectiveSurface compiled;

    private final ApiShape rest;
    private final ApiShape ws;

    private ReflectiveSurface(ApiShape rest, ApiShape ws) {
        this.rest = rest;
        this.ws = ws;
    }

    /**
     * One API of the SDK on the classpath ({@code trade}, {@code perps}), read once per JVM; null when the SDK has no
     * surface for that API.
     */
    public static ReflectiveSurface compiled(String api) {
        if (api.equals("trade")) {
            return compiled();
        }
        Binding b = Binding.of(api);
        return b == null ? null : COMPILED.computeIfAbsent(api, k -> read(b));
    }

    /** The Trade API of the SDK on the classpath, read once per JVM (it cannot change while running). */
    public static ReflectiveSurface compiled() {
        ReflectiveSurface s = compiled;
        if (s == null) {
            synchronized (ReflectiveSurface.class) {
                s = compiled;
                if (s == null) {
                    s = read(ChannelCatalog.subscribable());
                    compiled = s;
                }
            }
        }
        return s;
    }

    /** Reads the SDK on the classpath, with channels from the given catalog. */
    public static ReflectiveSurface read(ChannelCatalog catalog) {
        return read(Binding.trade(catalog));
    }

    /** Reads one API of the SDK on the classpath. */
    public static ReflectiveSurface read(Binding binding) {
        Map<String, Class<?>> restClasses = classesIn(binding.restModels());
        Map<String, Class<?>> wsClasses = classesIn(binding.wsModels());
        Set<Class<?>> bodies = new LinkedHashSet<>();
        Map<String, OperationShape> operations = new LinkedHashMap<>();
        Map<String, Method> blocking = accessors(binding.blocking(), "Api", binding.apiPackage());
        Map<String, Method> async = accessors(binding.async(), "ApiAsync", binding.apiPackage());
        for (OperationInfo info : binding.operations()) {
            operations.put(info.operationId(),
                    new OperationReader(info, binding.client(), blocking, async, bodies).read());
        }
        ChannelCatalog catalog = binding.catalog();
        Set<String> bodyNames = new LinkedHashSet<>();
        bodies.forEach(b -> bodyNames.add(b.getSimpleName()));
        String api = binding.name().equals("trade") ? "" : binding.name() + " ";
        ApiShape restShape = new ApiShape("compiled SDK (" + api + "REST)", null, operations,
                schemas(restClasses, bodies), bodyNames, Map.of(), Map.of());

        Map<String, MessageShape> messages = new LinkedHashMap<>();
        wsClasses.values().forEach(c -> {
            Object names = staticValue(c, "MESSAGE_NAMES");
            if (names instanceof List<?> list) {
                Object type = staticValue(c, "TYPE");
                for (Object n : list) {
                    MessageShape m = new MessageShape(null, String.valueOf(n), null, c.getSimpleName(), true,
                            type instanceof String t ? t : null);
                    messages.put(m.sdkKey(), m);
                }
            }
        });
        Map<String, ChannelShape> channels = new LinkedHashMap<>();
        catalog.channels().forEach((name, classes) -> {
            Set<String> simple = new LinkedHashSet<>();
            classes.forEach(c -> simple.add(c.getSimpleName()));
            channels.put(name, new ChannelShape(name, Set.of(), simple));
        });
        ApiShape wsShape = new ApiShape("compiled SDK (" + api + "WebSocket)", null, Map.of(),
                schemas(wsClasses, Set.of()), Set.of(), channels, messages);
        return new ReflectiveSurface(restShape, wsShape);
    }

    @Override
    public ApiShape rest() {
        return rest;
    }

    @Override
    public ApiShape ws() {
        return ws;
    }

    // ---------------------------------------------------------------- operations

    /** Reads one operation's stub; problems are collected, never thrown, so one broken stub does not hide others. */
    private static final class OperationReader {
        private final OperationInfo info;
        private final String client;
        private final Map<String, Method> blocking;
        private final Map<String, Method> async;
        private final Set<Class<?>> bodies;
        private final List<String> problems = new ArrayList<>();

        OperationReader(OperationInfo info, String client, Map<String, Method> blocking, Map<String, Method> async,
                Set<Class<?>> bodies) {
            this.info = info;
            this.client = client;
            this.blocking = blocking;
            this.async = async;
            this.bodies = bodies;
        }

        OperationShape read() {
            Map<String, ParamShape> params = new LinkedHashMap<>();
            OperationShape.Types body = null;
            OperationShape.Types response = null;
            String accessorName = accessorName(info.tag(), blocking.keySet());
            Method accessor = accessorName == null ? null : blocking.get(accessorName);
            if (accessor == null) {
                problems.add(client + " has no accessor for tag '" + info.tag() + "' (looked for "
                        + String.join("(), ", accessorCandidates(info.tag())) + "())");
            } else {
                Class<?> api = accessor.getReturnType();
                Method request = staticRequestMethod(api);
                if (request == null) {
                    problems.add(api.getSimpleName() + " has no request builder " + info.javaMethod() + "Request(...)");
                } else {
                    Method full = publicMethod(api, info.javaMethod(), request.getParameterTypes());
                    if (full == null) {
                        problems.add("client." + accessorName + "()." + info.javaMethod() + "("
                                + simpleNames(request.getParameterTypes()) + ") is missing");
                    } else {
                        response = new OperationShape.Types(null, javaType(full.getGenericReturnType()));
                        checkAsync(accessorName, request.getParameterTypes(), full.getGenericReturnType());
                    }
                    body = probe(request, params);
                }
            }
            return new OperationShape(info.operationId(), info.method(), info.pathTemplate(), info.tag(),
                    info.authenticated(), params, body, response, problems);
        }

        private void checkAsync(String accessorName, Class<?>[] types, Type blockingReturn) {
            Method accessor = async.get(accessorName);
            if (accessor == null) {
                problems.add("the async client has no accessor " + accessorName + "()");
                return;
            }
            Method m = publicMethod(accessor.getReturnType(), info.javaMethod(), types);
            if (m == null) {
                problems.add("client.async()." + accessorName + "()." + info.javaMethod() + "(" + simpleNames(types)
                        + ") is missing");
            } else if (!(m.getGenericReturnType() instanceof ParameterizedType p
                    && p.getRawType() == CompletableFuture.class
                    && p.getActualTypeArguments()[0].equals(blockingReturn))) {
                problems.add("client.async()." + accessorName + "()." + info.javaMethod() + " returns "
                        + m.getGenericReturnType().getTypeName() + ", not CompletableFuture<"
                        + blockingReturn.getTypeName() + ">");
            }
        }

        private Method staticRequestMethod(Class<?> api) {
            for (Method m : api.getDeclaredMethods()) {
                if (m.getName().equals(info.javaMethod() + "Request") && Modifier.isStatic(m.getModifiers())
                        && m.getReturnType() == ApiRequest.class) {
                    m.setAccessible(true);
                    return m;
                }
            }
            return null;
        }

        /** Calls the request builder with sentinels; fills {@code params} and returns the body type. */
        private OperationShape.Types probe(Method request, Map<String, ParamShape> params) {
            Class<?>[] types = request.getParameterTypes();
            Type[] generic = request.getGenericParameterTypes();
            Object[] args = new Object[types.length];
            Map<Integer, String> pathSentinels = new LinkedHashMap<>();
            int paramsIndex = -1;
            OperationShape.Types body = null;
            for (int i = 0; i < types.length; i++) {
                Class<?> t = types[i];
                if (t == RequestOptions.class) {
                    args[i] = RequestOptions.NONE;
                } else if (t.getEnclosingClass() == request.getDeclaringClass() && t.getSimpleName().endsWith("Params")) {
                    paramsIndex = i;
                    args[i] = paramsFrom(t, newBuilder(t));
                } else if (isScalar(t)) {
                    Object sentinel = pathSentinel(t, i);
                    args[i] = sentinel;
                    pathSentinels.put(i, String.valueOf(sentinel));
                } else {
                    bodies.add(t);
                    args[i] = instantiate(t);
                    body = new OperationShape.Types(null, javaType(generic[i]));
                }
            }
            ApiRequest built = invoke(request, args);
            if (built == null) {
                return body;
            }
            if (!built.operation().equals(info)) {
                problems.add(request.getName() + " builds " + built.operation().operationId() + " "
                        + built.operation().method() + " " + built.operation().pathTemplate());
            }
            readPathParams(built.path(), pathSentinels, generic, params);
            if (paramsIndex >= 0) {
                readQueryParams(request, args, paramsIndex, params);
            }
            return body;
        }

        private void readPathParams(String path, Map<Integer, String> sentinels, Type[] generic,
                Map<String, ParamShape> params) {
            String[] template = info.pathTemplate().split("/");
            String[] actual = path.split("/");
            Set<Integer> used = new LinkedHashSet<>();
            for (int s = 0; s < template.length && s < actual.length; s++) {
                if (template[s].startsWith("{") && template[s].endsWith("}")) {
                    String name = template[s].substring(1, template[s].length() - 1);
                    for (Map.Entry<Integer, String> e : sentinels.entrySet()) {
                        if (e.getValue().equals(actual[s])) {
                            used.add(e.getKey());
                            ParamShape p = new ParamShape(name, "path", null, javaType(generic[e.getKey()]), true, null);
                            params.put(p.key(), p);
                        }
                    }
                }
            }
            sentinels.keySet().stream().filter(i -> !used.contains(i)).forEach(i ->
                    problems.add(info.javaMethod() + "Request argument #" + i + " does not reach the path"));
        }

        private void readQueryParams(Method request, Object[] args, int paramsIndex, Map<String, ParamShape> params) {
            Class<?> paramsClass = request.getParameterTypes()[paramsIndex];
            Map<String, Method> wireToSetter = new LinkedHashMap<>();
            Map<String, Type> wireToType = new LinkedHashMap<>();
            Map<String, Boolean> wireToExplode = new LinkedHashMap<>();
            for (Method accessor : paramsAccessors(paramsClass)) {
                Object builder = newBuilder(paramsClass);
                Method setter = publicMethod(builder.getClass(), accessor.getName(), new Class<?>[] {accessor.getReturnType()});
                if (setter == null) {
                    problems.add(paramsClass.getSimpleName() + "." + accessor.getName() + " has no builder setter");
                    continue;
                }
                Type type = accessor.getGenericReturnType();
                invokeQuietly(setter, builder, sentinel(type));
                Object[] copy = args.clone();
                copy[paramsIndex] = paramsFrom(paramsClass, builder);
                ApiRequest r = invoke(request, copy);
                if (r == null) {
                    continue;
                }
                Set<String> names = new LinkedHashSet<>();
                r.query().forEach(q -> names.add(q.name()));
                if (names.size() != 1) {
                    problems.add(paramsClass.getSimpleName() + "." + accessor.getName() + " sends query names " + names);
                    continue;
                }
                String wire = names.iterator().next();
                wireToSetter.put(wire, setter);
                wireToType.put(wire, type);
                if (List.class.isAssignableFrom(accessor.getReturnType())) {
                    wireToExplode.put(wire, r.query().size() == 2 ? Boolean.TRUE
                            : r.query().size() == 1 && r.query().get(0).value().contains(",") ? Boolean.FALSE : null);
                }
            }
            Set<String> required = requiredQuery(paramsClass, wireToSetter, wireToType);
            wireToType.forEach((wire, type) -> {
                ParamShape p = new ParamShape(wire, "query", null, javaType(type), required.contains(wire),
                        wireToExplode.get(wire));
                params.put(p.key(), p);
            });
        }

        /** Builds an empty {@code *Params}; each failure names a required parameter, which is filled for the next try. */
        private Set<String> requiredQuery(Class<?> paramsClass, Map<String, Method> setters, Map<String, Type> types) {
            Set<String> required = new LinkedHashSet<>();
            Object builder = newBuilder(paramsClass);
            Method build = publicMethod(builder.getClass(), "build", new Class<?>[0]);
            for (int attempt = 0; attempt < 4 * (setters.size() + 1); attempt++) {
                String message = failure(build, builder);
                if (message == null) {
                    return required;
                }
                Matcher req = QUERY_REQUIRED.matcher(message);
                Matcher range = QUERY_RANGE.matcher(message);
                if (req.matches() && setters.containsKey(req.group(1)) && required.add(req.group(1))) {
                    invokeQuietly(setters.get(req.group(1)), builder, sentinel(types.get(req.group(1))));
                } else if (range.matches() && setters.containsKey(range.group(1))) {
                    // A sentinel broke a documented bound; use the bound itself and go on looking for required ones.
                    Object value = withinBound(types.get(range.group(1)), range.group(2), new BigDecimal(range.group(3)));
                    invokeQuietly(setters.get(range.group(1)), builder, value);
                } else {
                    problems.add(paramsClass.getSimpleName() + ".build() failed unexpectedly: " + message);
                    return required;
                }
            }
            problems.add(paramsClass.getSimpleName() + ".build() never succeeded");
            return required;
        }

        private ApiRequest invoke(Method request, Object[] args) {
            try {
                return (ApiRequest) request.invoke(null, args);
            } catch (InvocationTargetException e) {
                problems.add(request.getName() + " failed: " + e.getCause());
            } catch (IllegalAccessException e) {
                problems.add(request.getName() + " is not accessible: " + e.getMessage());
            }
            return null;
        }
    }

    /** The accessor a tag maps to: {@code api-keys} is {@code apiKeys()}, {@code market} reads {@code markets()}. */
    static String accessorName(String tag, Collection<String> available) {
        for (String candidate : accessorCandidates(tag)) {
            if (available.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> accessorCandidates(String tag) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : tag.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                up = sb.length() > 0;
            } else {
                sb.append(up ? Character.toUpperCase(c) : sb.length() == 0 ? Character.toLowerCase(c) : c);
                up = false;
            }
        }
        // The plural is the SDK's readability rename of singular tags (client.markets(), client.milestones()).
        return List.of(sb.toString(), sb + "s");
    }

    /** Public no-argument instance methods returning a {@code *suffix} endpoint group. */
    private static Map<String, Method> accessors(Class<?> client, String suffix, String apiPackage) {
        Map<String, Method> out = new TreeMap<>();
        for (Method m : client.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && m.getReturnType().getSimpleName().endsWith(suffix)
                    && m.getReturnType().getPackageName().equals(apiPackage)) {
                out.put(m.getName(), m);
            }
        }
        return out;
    }

    private static Method publicMethod(Class<?> c, String name, Class<?>[] types) {
        try {
            Method m = c.getMethod(name, types);
            return Modifier.isPublic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The value accessors of a {@code *Params} class: public, no-argument, declared there. */
    private static List<Method> paramsAccessors(Class<?> paramsClass) {
        List<Method> out = new ArrayList<>();
        for (Method m : paramsClass.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && !Set.of("toBuilder", "hashCode", "toString").contains(m.getName())) {
                out.add(m);
            }
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        return out;
    }

    private static Object newBuilder(Class<?> withBuilder) {
        try {
            return withBuilder.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(withBuilder.getName() + ".builder() failed", e);
        }
    }

    /** A {@code *Params} from a builder without {@code build()}'s checks: its private constructor takes the builder. */
    private static Object paramsFrom(Class<?> paramsClass, Object builder) {
        try {
            Constructor<?> c = paramsClass.getDeclaredConstructor(builder.getClass());
            c.setAccessible(true);
            return c.newInstance(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(paramsClass.getName() + " cannot be made from its builder", e);
        }
    }

    /** The message of the exception {@code build()} throws, or null when it succeeds. */
    private static String failure(Method build, Object builder) {
        try {
            build.invoke(builder);
            return null;
        } catch (InvocationTargetException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (IllegalAccessException e) {
            return "inaccessible: " + e.getMessage();
        }
    }

    private static void invokeQuietly(Method setter, Object target, Object value) {
        try {
            setter.invoke(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(setter + " rejected " + value, e);
        }
    }

    private static boolean isScalar(Class<?> t) {
        return t == String.class || t == Integer.class || t == Long.class || t == Boolean.class
                || t == BigDecimal.class || t == Double.class || t.isPrimitive();
    }

    /** Distinct, path-safe values: each shows up verbatim in the built path. */
    private static Object pathSentinel(Class<?> t, int index) {
        if (t == Integer.class || t == int.class) {
            return 900_001 + index;
        }
        if (t == Long.class || t == long.class) {
            return 800_001L + index;
        }
        return "arg" + index + "sentinel";
    }

    /** A value of a type, two items for lists (so the array encoding shows). */
    static Object sentinel(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && List.class.isAssignableFrom(raw)) {
            Type item = p.getActualTypeArguments()[0];
            return List.of(sentinelItem(item, 0), sentinelItem(item, 1));
        }
        return sentinelItem(type, 0);
    }

    private static Object sentinelItem(Type type, int n) {
        Class<?> c = type instanceof Class<?> k ? k
                : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
        if (c == String.class) {
            return n == 0 ? "a" : "b";
        }
        if (c == Integer.class) {
            return 1 + n;
        }
        if (c == Long.class) {
            return 1L + n;
        }
        if (c == Boolean.class) {
            return n == 0;
        }
        if (c == BigDecimal.class) {
            return new BigDecimal(n == 0 ? "0.5" : "0.25");
        }
        if (c == Double.class) {
            return n == 0 ? 0.5 : 0.25;
        }
        if (c == OffsetDateTime.class) {
            return SOME_TIME.plusDays(n);
        }
        if (c == LocalDate.class) {
            return SOME_TIME.toLocalDate().plusDays(n);
        }
        if (c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                if (enumValue(constant) != null) {
                    return constant;
                }
            }
        }
        if (List.class.isAssignableFrom(c)) {
            return List.of();
        }
        if (Map.class.isAssignableFrom(c)) {
            return Map.of();
        }
        return instantiate(c);
    }

    private static Object withinBound(Type type, String op, BigDecimal bound) {
        BigDecimal v = switch (op) {
            case ">" -> bound.add(BigDecimal.ONE);
            case "<" -> bound.subtract(BigDecimal.ONE);
            default -> bound;
        };
        Class<?> c = type instanceof Class<?> k ? k : Object.class;
        if (c == Integer.class) {
            return v.intValue();
        }
        if (c == Long.class) {
            return v.longValue();
        }
        if (c == Double.class) {
            return v.doubleValue();
        }
        return v;
    }

    /** A model instance through the private no-argument constructor Jackson uses. */
    private static Object instantiate(Class<?> c) {
        try {
            Constructor<?> ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + c.getName(), e);
        }
    }

    // ---------------------------------------------------------------- models

    private static Map<String, SchemaShape> schemas(Map<String, Class<?>> classes, Set<Class<?>> requestBodies) {
        Map<String, SchemaShape> out = new LinkedHashMap<>();
        classes.values().forEach(c -> {
            if (c.isEnum()) {
                out.put(c.getSimpleName(), new SchemaShape(c.getSimpleName(), SchemaShape.Kind.ENUM, Map.of(), Set.of(),
                        enumValues(c), null));
            } else if (hasStatic(c, "builder")) {
                Map<String, PropertyShape> props = new LinkedHashMap<>();
                Map<String, String> wireToField = new LinkedHashMap<>();
                for (Field f : c.getDeclaredFields()) {
                    JsonProperty jp = f.getAnnotation(JsonProperty.class);
                    if (jp == null || Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Method accessor = publicMethod(c, f.getName(), new Class<?>[0]);
                    Type type = accessor != null ? accessor.getGenericReturnType() : f.getGenericType();
                    props.put(jp.value(), new PropertyShape(jp.value(), null, javaType(type)));
                    wireToField.put(jp.value(), f.getName());
                }
                Set<String> required = requestBodies.contains(c) ? requiredBodyFields(c, wireToField) : null;
                out.put(c.getSimpleName(), new SchemaShape(c.getSimpleName(), SchemaShape.Kind.OBJECT, props, required,
                        List.of(), null));
            }
        });
        return out;
    }

    /**
     * The properties {@code build()} insists on: an empty builder fails naming the first missing one, which is then
     * filled; the next failure names the next. Range checks come after all required checks, so the first other
     * message ends the search.
     */
    private static Set<String> requiredBodyFields(Class<?> model, Map<String, String> wireToField) {
        Set<String> required = new LinkedHashSet<>();
        Object builder = newBuilder(model);
        Method build = publicMethod(builder.getClass(), "build", new Class<?>[0]);
        Pattern missing = Pattern.compile("^" + Pattern.quote(model.getSimpleName()) + "\\.(\\S+) is required( and must not be empty)?$");
        for (int attempt = 0; attempt <= wireToField.size(); attempt++) {
            String message = failure(build, builder);
            Matcher m = message == null ? null : missing.matcher(message);
            if (m == null || !m.matches() || !wireToField.containsKey(m.group(1)) || !required.add(m.group(1))) {
                break;
            }
            try {
                Field f = builder.getClass().getDeclaredField(wireToField.get(m.group(1)));
                f.setAccessible(true);
                f.set(builder, sentinelItem(f.getGenericType(), 0));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot fill " + model.getSimpleName() + "." + m.group(1), e);
            }
        }
        return required;
    }

    /** The Java type as a {@link TypeRef}: simple names, {@code List}/{@code Map} structure, nested enums with values. */
    static TypeRef javaType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return new TypeRef.ListOf(javaType(args[0]), true);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return new TypeRef.MapOf(javaType(args[1]), true);
            }
            StringBuilder sb = new StringBuilder(raw.getSimpleName()).append('<');
            for (int i = 0; i < args.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(javaType(args[i]).render());
            }
            return new TypeRef.Named(sb.append('>').toString());
        }
        if (type instanceof WildcardType w) {
            return javaType(w.getUpperBounds()[0]);
        }
        if (type instanceof Class<?> c) {
            if (c.isEnum() && c.getEnclosingClass() != null) {
                return new TypeRef.InlineEnum(enumValues(c), c.getEnclosingClass().getSimpleName() + "." + c.getSimpleName());
            }
            return new TypeRef.Named(c.getSimpleName());
        }
        return new TypeRef.Named(type.getTypeName());
    }

    /** Wire values of an SDK enum: {@code value()} of each constant, without {@code UNKNOWN} (which has none). */
    static List<String> enumValues(Class<?> enumClass) {
        List<String> out = new ArrayList<>();
        for (Object constant : enumClass.getEnumConstants()) {
            String v = enumValue(constant);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static String enumValue(Object constant) {
        try {
            Method value = constant.getClass().getMethod("value");
            Object v = value.invoke(constant);
            return v == null ? null : String.valueOf(v);
        } catch (NoSuchMethodException e) {
            return ((Enum<?>) constant).name();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasStatic(Class<?> c, String method) {
        try {
            return Modifier.isStatic(c.getMethod(method).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object staticValue(Class<?> c, String field) {
        try {
            Field f = c.getField(field);
            return Modifier.isStatic(f.getModifiers()) ? f.get(null) : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String simpleNames(Class<?>[] types) {
        return String.join(", ", Arrays.stream(types).map(Class::getSimpleName).toList());
    }

    /** Top-level classes of a package, found in the jar or directory the generated code was loaded from. */
    static Map<String, Class<?>> classesIn(String pkg) {
        String prefix = pkg.replace('.', '/') + "/";
        Map<String, Class<?>> out = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(Operations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(prefix);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.forEach(f -> names.add(prefix + f.getFileName()));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().forEach(e -> names.add(e.getName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        ClassLoader loader = Operations.class.getClassLoader();
        for (String name : names) {
            String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
            if (rest != null && rest.endsWith(".class") && !rest.contains("/") && !rest.contains("$")
                    && !rest.equals("package-info.class")) {
                String className = pkg + "." + rest.substring(0, rest.length() - ".class".length());
                try {
                    out.put(className, Class.forName(className, false, loader));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(className + " is listed but cannot be loaded", e);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no classes found in " + pkg + " (looked beside "
                    + Operations.class.getName() + ")");
        }
        return out;
    }

    @Override
    public String toString() {
        return "ReflectiveSurface[" + rest.operations().size() + " operations, " + rest.schemas().size()
                + " REST models, " + ws.schemas().size() + " WebSocket models]";
    }
}
