package io.github.kalshi4j.generated;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the generated model classes and fills their builders with sample values, for round-trip tests. */
final class ModelSamples {

    private ModelSamples() {
    }

    /** Every generated model class (not enums) in a package, from the compiled classes directory. */
    static List<Class<?>> modelClasses(String pkg) {
        return classes(pkg).stream().filter(c -> !c.isEnum() && hasBuilder(c)).toList();
    }

    /** Every top-level class in a package. */
    static List<Class<?>> classes(String pkg) {
        URL url = ModelSamples.class.getClassLoader().getResource(pkg.replace('.', '/'));
        if (url == null) {
            throw new IllegalStateException("package not on the classpath: " + pkg);
        }
        try {
            java.net.URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                // Run from the installed jar (the usual case across modules): list the package inside it.
                try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
                    return load(pkg, jar.getPath(pkg.replace('.', '/')));
                }
            }
            return load(pkg, Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> load(String pkg, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Class<?>> out = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    out.add(Class.forName(pkg + "." + name.substring(0, name.length() - 6)));
                }
            }
            return out;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean hasBuilder(Class<?> c) {
        try {
            c.getMethod("builder");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A model instance with every property set to a sample value of its type, plus one unknown property. */
    static Object filled(Class<?> model, int depth) {
        try {
            Object builder = model.getMethod("builder").invoke(null);
            for (Field f : builder.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("additionalProperties")) {
                    continue;
                }
                f.setAccessible(true);
                Object value = sample(model, f.getName(), f.getGenericType(), depth);
                if (value != null) {
                    f.set(builder, value);
                }
            }
            builder.getClass().getMethod("additionalProperty", String.class, Object.class)
                    .invoke(builder, "x_kalshi4j_unknown", "kept");
            return builder.getClass().getMethod("build").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot fill " + model.getName() + ": " + e.getCause(), e);
        }
    }

    private static Object sample(Class<?> owner, String property, Type type, int depth) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                Object item = depth > 6 ? null : sample(owner, property, p.getActualTypeArguments()[0], depth + 1);
                return item == null ? List.of() : List.of(item);
            }
            if (Map.class.isAssignableFrom(raw)) {
                Object item = depth > 6 ? null : sample(owner, property, p.getActualTypeArguments()[1], depth + 1);
                return item == null ? Map.of() : Map.of("k", item);
            }
            return null;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            // A String field behind an enum accessor must hold one of the enum's wire values.
            Class<?> enumType = enumAccessorType(owner, property);
            if (enumType != null) {
                Object first = enumType.getEnumConstants()[0];
                return enumType.getMethod("value").invoke(first);
            }
            return "s-" + property;
        }
        if (c == BigDecimal.class) {
            return new BigDecimal("0.5600");
        }
        if (c == Long.class) {
            return 1L;
        }
        if (c == Integer.class) {
            return 1;
        }
        if (c == Boolean.class) {
            return Boolean.TRUE;
        }
        if (c == Double.class) {
            return 1.5d;
        }
        if (c == Float.class) {
            return 1.5f;
        }
        if (c == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 3, 4, 5, 6, 7, 123_000_000, ZoneOffset.UTC);
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2026, 3, 4);
        }
        if (c == Object.class) {
            return "any";
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (hasBuilder(c)) {
            return depth > 6 ? null : filled(c, depth + 1);
        }
        throw new IllegalStateException("no sample for " + c + " (" + owner.getSimpleName() + "." + property + ")");
    }

    private static Class<?> enumAccessorType(Class<?> owner, String property) {
        try {
            owner.getMethod(property + "AsString");
            Method typed = owner.getMethod(property);
            return typed.getReturnType().isEnum() ? typed.getReturnType() : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
