package io.github.kalshi4j.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a table schema's columns to a model class, by the JSON property names the generated models declare
 * ({@code @JsonProperty} on their fields, which hold wire values: enums as their wire strings, fixed-point values as
 * {@code BigDecimal}). Nothing here knows a model or a property: a column whose property the model class lacks (a
 * schema newer than the models) reads the model's {@code additionalProperties()}, where the models keep JSON
 * members they do not know.
 */
final class ModelBinding {

    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            Map<String, Field> byWire = new HashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    JsonProperty p = f.getAnnotation(JsonProperty.class);
                    if (p != null && !Modifier.isStatic(f.getModifiers())) {
                        byWire.putIfAbsent(p.value(), f);
                    }
                }
            }
            return byWire;
        }
    };

    private static final ClassValue<MethodHandle> UNKNOWN = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                Method m = type.getMethod("additionalProperties");
                if (!Map.class.isAssignableFrom(m.getReturnType())) {
                    return null;
                }
                return MethodHandles.publicLookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return null;
            }
        }
    };

    /** Reads one value from an object: a field, or a member of a map. */
    private interface Step {
        Object read(Object from) throws Throwable;
    }

    /** A column's reader: the steps to the value (or to the array, then from each element to the value). */
    private record Reader(Step[] toValue, Step[] inItem) {
    }

    private final Class<?> modelClass;
    private final List<Column> columns;
    private final Reader[] readers;
    private final MethodHandle unknown;

    private ModelBinding(Class<?> modelClass, TableSchema table) {
        this.modelClass = modelClass;
        this.columns = table.columns();
        this.readers = new Reader[columns.size()];
        for (int i = 0; i < readers.length; i++) {
            Column c = columns.get(i);
            List<Type> end = new ArrayList<>(1);
            Step[] to = steps(modelClass, c.path(), end);
            Step[] item = c.list() ? steps(elementClass(end.get(0)), c.itemPath(), new ArrayList<>(1)) : null;
            readers[i] = new Reader(to, item);
        }
        this.unknown = UNKNOWN.get(modelClass);
    }

    /** Binds {@code table} to {@code modelClass}. */
    static ModelBinding bind(Class<?> modelClass, TableSchema table) {
        return new ModelBinding(modelClass, table);
    }

    /** The bound model class. */
    Class<?> modelClass() {
        return modelClass;
    }

    /**
     * The value of column {@code i} of {@code model}: the model's own Java value (a {@code String},
     * {@code BigDecimal}, {@code OffsetDateTime}, ...; for a list column a {@code List} of those, nulls included),
     * or null when absent.
     */
    Object value(Object model, int i) {
        Reader r = readers[i];
        try {
            Object v = walk(model, r.toValue);
            if (r.inItem == null || v == null) {
                return v;
            }
            if (!(v instanceof List<?> items)) {
                return List.of(v);
            }
            if (r.inItem.length == 0) {
                return items;
            }
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(item == null ? null : walk(item, r.inItem));
            }
            return Collections.unmodifiableList(out);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("reading column " + columns.get(i).name() + " of " + modelClass.getName(), t);
        }
    }

    /** The model's unknown JSON members, or an empty map. */
    Map<?, ?> unknownFields(Object model) {
        if (unknown == null) {
            return Map.of();
        }
        try {
            Object m = unknown.invokeExact(model);
            return m == null ? Map.of() : (Map<?, ?>) m;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("reading additionalProperties() of " + modelClass.getName(), t);
        }
    }

    private static Object walk(Object v, Step[] steps) throws Throwable {
        for (Step s : steps) {
            if (v == null) {
                return null;
            }
            v = s.read(v);
        }
        return v;
    }

    /** The steps along {@code path} from {@code start}; {@code end} receives the last value's static type. */
    private static Step[] steps(Class<?> start, List<String> path, List<Type> end) {
        Step[] steps = new Step[path.size()];
        Type at = start;
        for (int k = 0; k < path.size(); k++) {
            String wire = path.get(k);
            Class<?> raw = rawClass(at);
            Field f = raw == null ? null : FIELDS.get(raw).get(wire);
            if (f != null) {
                steps[k] = fieldStep(f);
                at = f.getGenericType();
            } else {
                steps[k] = memberStep(wire);
                at = Object.class;
            }
        }
        end.add(at);
        return steps;
    }

    private static Step fieldStep(Field f) {
        // Core reflection: on Java 17 a field accessor the JIT inlines, faster here than a MethodHandle that is not a
        // constant (each column has its own).
        try {
            f.setAccessible(true);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + f + ": open its package to kalshi4j-tabular", e);
        }
        return f::get;
    }

    /** A member the class does not declare: from a map, or from the model's additionalProperties(). */
    private static Step memberStep(String wire) {
        return from -> {
            if (from instanceof Map<?, ?> m) {
                return m.get(wire);
            }
            MethodHandle u = UNKNOWN.get(from.getClass());
            if (u == null) {
                return null;
            }
            Object m = u.invokeExact(from);
            return m instanceof Map<?, ?> map ? map.get(wire) : null;
        };
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c == Object.class || Map.class.isAssignableFrom(c) ? null : c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return Map.class.isAssignableFrom(c) || List.class.isAssignableFrom(c) ? null : c;
        }
        return null;
    }

    private static Class<?> elementClass(Type listType) {
        if (listType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
