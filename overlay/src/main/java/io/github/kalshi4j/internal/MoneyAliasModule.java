package io.github.kalshi4j.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import io.github.kalshi4j.transport.KalshiJson;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the legacy integer forms of money and count fields into their {@code _dollars} / {@code _fp} properties,
 * in one place for every generated model (packages {@code io.github.kalshi4j.model} and
 * {@code io.github.kalshi4j.ws.model}). Register it on top of {@code KalshiJson.newMapper()}.
 *
 * <p>For a {@link BigDecimal} property named {@code X_dollars} or {@code X_fp}, the legacy name is {@code X}
 * ({@code yes_bid_dollars} &larr; {@code yes_bid}, {@code volume_fp} &larr; {@code volume}). When a payload carries
 * the legacy name as a JSON integer:
 * <ul>
 *   <li>if the canonical property is absent (or null) it is filled: integer cents divided by 100 for
 *       {@code _dollars} ({@code 56} &rarr; {@code 0.56}, scale 2), the integer itself for {@code _fp};</li>
 *   <li>if both are present they must agree, or decoding fails with a {@link MismatchedInputException} (a
 *       {@code JsonMappingException}) naming both fields and values.</li>
 * </ul>
 * The legacy value is read from {@code additionalProperties()}, where it stays (it is what the server sent), or,
 * when the model also has a typed integer property of the legacy name (the WebSocket ticker's {@code price} next
 * to {@code price_dollars}), from that property. Non-integer legacy values (strings, decimals) are left alone.
 *
 * <p><b>Agreement</b> is judged at the legacy form's resolution. Where the canonical value is a whole number of
 * legacy units the two must be numerically equal. Where it is finer (Kalshi sends {@code mean: 10} beside
 * {@code mean_dollars: "0.1095"} in candlesticks, and sub-cent fees and fractional counts exist) an integer
 * cannot hold it, so the legacy value must be the canonical value rounded either way to a whole unit; anything
 * farther away is a disagreement.
 *
 * <p><b>Units.</b> Legacy dollar amounts are cents, except the RFQ target costs, which Kalshi sends in centi-cents
 * (1/10,000 dollar) and which are divided by 10,000: on WebSocket as {@code target_cost} / {@code rfq_target_cost},
 * on REST (spec 3.6 to 3.10) as {@code target_cost_centi_cents} on an RFQ and {@code rfq_target_cost_centi_cents}
 * on a quote. Those canonicals therefore have two legacy names; each is checked against the canonical value.
 *
 * <p><b>Bounds.</b> Values are compared only once both sides are within the bounds of a fixed-point value
 * ({@code KalshiJson.isFixedPoint}); a legacy integer too large for one, or a canonical value outside them, fails
 * decoding like a disagreement. Without that, reconciling {@code 1E+30000000} with {@code 56} would mean
 * computing with a 30-million-digit number.
 *
 * <p>Writing is untouched: models emit only the names they hold, so a model built in code never writes a legacy
 * name.
 *
 * <p>Internal API: public only so the client and tests can register it.
 */
public final class MoneyAliasModule extends Module {

    private static final String DOLLARS = "_dollars";
    private static final String FP = "_fp";
    private static final String MODEL_PACKAGE = "io.github.kalshi4j.model";
    private static final String WS_MODEL_PACKAGE = "io.github.kalshi4j.ws.model";

    /**
     * Canonical names whose legacy integer is in centi-cents rather than cents (per the Kalshi specs). Their REST
     * legacy name carries the unit: {@code X_dollars} &larr; {@code X_centi_cents}.
     */
    private static final Map<String, Integer> CENTI_CENT_CANONICALS =
            Map.of("target_cost_dollars", 4, "rfq_target_cost_dollars", 4);
    private static final String CENTI_CENTS = "_centi_cents";

    /** One plan per model class, computed once; ClassValue lets unloaded classes go. */
    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return Plan.of(type);
        }
    };

    /** Creates the module. */
    public MoneyAliasModule() {
    }

    @Override
    public String getModuleName() {
        return "kalshi4j-money-aliases";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addBeanDeserializerModifier(new AliasModifier());
    }

    /**
     * Describes the aliases applied to a class, one entry per pair such as {@code "yes_bid -> yes_bid_dollars /100"}
     * or {@code "price (typed) -> price_dollars /100"}; empty when the class needs none. For tests and diagnostics.
     */
    public static List<String> describe(Class<?> modelClass) {
        return isModel(modelClass) ? PLANS.get(modelClass).describe() : List.of();
    }

    private static boolean isModel(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.equals(MODEL_PACKAGE) || pkg.equals(WS_MODEL_PACKAGE);
    }

    /** Wraps the bean deserializer of each model class that has something to alias; others are left as they are. */
    private static final class AliasModifier extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                JsonDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            if (!(deserializer instanceof BeanDeserializerBase) || !isModel(type)) {
                return deserializer;
            }
            Plan plan = PLANS.get(type);
            // Classes without money fields keep Jackson's own deserializer: zero cost for them.
            return plan.isEmpty() ? deserializer : new AliasingDeserializer(deserializer, plan);
        }
    }

    /** Runs the bean deserializer, then reconciles the legacy values of the finished bean. */
    private static final class AliasingDeserializer extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        private final transient Plan plan;

        AliasingDeserializer(JsonDeserializer<?> delegate, Plan plan) {
            super(delegate);
            this.plan = plan;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new AliasingDeserializer(newDelegatee, plan);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return plan.apply(_delegatee.deserialize(p, ctxt), p);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
            return plan.apply(((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue), p);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
                throws IOException {
            return plan.apply(_delegatee.deserializeWithType(p, ctxt, typeDeserializer), p);
        }
    }

    /** The alias pairs of one class and the fields they touch. */
    private static final class Plan {
        private final Class<?> type;
        private final Pair[] typed;
        private final Pair[] untyped;
        private final Field additionalProperties;

        private Plan(Class<?> type, Pair[] typed, Pair[] untyped, Field additionalProperties) {
            this.type = type;
            this.typed = typed;
            this.untyped = untyped;
            this.additionalProperties = additionalProperties;
        }

        static Plan of(Class<?> type) {
            Map<String, Field> byJsonName = new HashMap<>();
            for (Field f : type.getDeclaredFields()) {
                JsonProperty jp = f.getAnnotation(JsonProperty.class);
                if (jp != null && !Modifier.isStatic(f.getModifiers())) {
                    byJsonName.put(jp.value(), f);
                }
            }
            Field extras = null;
            try {
                Field f = type.getDeclaredField("additionalProperties");
                if (Map.class.isAssignableFrom(f.getType()) && !Modifier.isStatic(f.getModifiers())) {
                    extras = f;
                }
            } catch (NoSuchFieldException e) {
                // A model without the unknown-property map can only have typed legacy pairs.
            }
            List<Pair> typed = new ArrayList<>();
            List<Pair> untyped = new ArrayList<>();
            for (Map.Entry<String, Field> e : byJsonName.entrySet()) {
                String canonical = e.getKey();
                Field canonicalField = e.getValue();
                if (canonicalField.getType() != BigDecimal.class) {
                    continue;
                }
                // Legacy name -> decimal places its integer is shifted by.
                Map<String, Integer> legacies = new java.util.LinkedHashMap<>();
                if (canonical.endsWith(DOLLARS) && canonical.length() > DOLLARS.length()) {
                    String base = canonical.substring(0, canonical.length() - DOLLARS.length());
                    Integer centiCents = CENTI_CENT_CANONICALS.get(canonical);
                    legacies.put(base, centiCents == null ? 2 : centiCents);
                    if (centiCents != null) {
                        legacies.put(base + CENTI_CENTS, centiCents);
                    }
                } else if (canonical.endsWith(FP) && canonical.length() > FP.length()) {
                    legacies.put(canonical.substring(0, canonical.length() - FP.length()), 0);
                } else {
                    continue;
                }
                for (Map.Entry<String, Integer> l : legacies.entrySet()) {
                    String legacy = l.getKey();
                    int scale = l.getValue();
                    Field legacyField = byJsonName.get(legacy);
                    if (legacyField == null) {
                        if (extras != null) {
                            untyped.add(new Pair(canonical, accessible(canonicalField), legacy, null, scale));
                        }
                    } else if (isIntegral(legacyField.getType())) {
                        typed.add(new Pair(canonical, accessible(canonicalField), legacy, accessible(legacyField), scale));
                    }
                    // A typed legacy property of another type (a string, a decimal) is not an integer form: no alias.
                }
            }
            // Stable order makes errors and describe() deterministic.
            java.util.Comparator<Pair> order = java.util.Comparator.<Pair, String>comparing(x -> x.canonical)
                    .thenComparing(x -> x.legacy);
            typed.sort(order);
            untyped.sort(order);
            return new Plan(type, typed.toArray(new Pair[0]), untyped.toArray(new Pair[0]),
                    untyped.isEmpty() ? null : accessible(extras));
        }

        boolean isEmpty() {
            return typed.length == 0 && untyped.length == 0;
        }

        List<String> describe() {
            List<String> out = new ArrayList<>();
            for (Pair p : typed) {
                out.add(p.legacy + " (typed) -> " + p.canonical + p.unitSuffix());
            }
            for (Pair p : untyped) {
                out.add(p.legacy + " -> " + p.canonical + p.unitSuffix());
            }
            return out;
        }

        Object apply(Object bean, JsonParser p) throws IOException {
            if (bean == null || bean.getClass() != type) {
                return bean;
            }
            try {
                for (Pair pair : typed) {
                    Object legacyValue = pair.legacyField.get(bean);
                    if (legacyValue != null) {
                        pair.reconcile(bean, (Number) legacyValue, p);
                    }
                }
                if (additionalProperties != null) {
                    Map<?, ?> extras = (Map<?, ?>) additionalProperties.get(bean);
                    // The common case: the server sent no unknown keys, so no legacy key either.
                    if (extras != null && !extras.isEmpty()) {
                        for (Pair pair : untyped) {
                            Object legacyValue = extras.get(pair.legacy);
                            if (legacyValue instanceof Integer || legacyValue instanceof Long
                                    || legacyValue instanceof BigInteger) {
                                pair.reconcile(bean, (Number) legacyValue, p);
                            }
                        }
                    }
                }
            } catch (IllegalAccessException e) {
                // Fields were made accessible when the plan was built; this means a security manager said no.
                throw new IllegalStateException("cannot alias legacy money fields of " + type.getName(), e);
            }
            return bean;
        }

        private static boolean isIntegral(Class<?> t) {
            return t == Integer.class || t == Long.class || t == Short.class || t == BigInteger.class;
        }

        private static Field accessible(Field f) {
            if (f != null) {
                f.setAccessible(true);
            }
            return f;
        }
    }

    private static MismatchedInputException outOfBounds(JsonParser p, Object bean, String field, String value) {
        String text = value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " digits)";
        return MismatchedInputException.from(p, bean.getClass(), bean.getClass().getSimpleName() + ": " + field
                + " " + text + " is outside the bounds of a fixed-point value (at most "
                + KalshiJson.FIXED_POINT_MAX_INTEGER_DIGITS + " digits before the decimal point and "
                + KalshiJson.FIXED_POINT_MAX_SCALE + " after it)");
    }

    /** One canonical property, its legacy name, and how a legacy integer converts to it. */
    private static final class Pair {
        final String canonical;
        final Field canonicalField;
        final String legacy;
        final Field legacyField;
        /** Decimal places the legacy integer is shifted by: 2 for cents, 4 for centi-cents, 0 for counts. */
        final int scale;
        /** One legacy unit in canonical terms: the resolution at which the two forms are compared. */
        final BigDecimal unit;

        Pair(String canonical, Field canonicalField, String legacy, Field legacyField, int scale) {
            this.canonical = canonical;
            this.canonicalField = canonicalField;
            this.legacy = legacy;
            this.legacyField = legacyField;
            this.scale = scale;
            this.unit = BigDecimal.ONE.movePointLeft(scale);
        }

        String unitSuffix() {
            return scale == 0 ? "" : " /" + BigDecimal.ONE.movePointRight(scale).toPlainString();
        }

        void reconcile(Object bean, Number legacyNumber, JsonParser p) throws IOException, IllegalAccessException {
            BigDecimal fromLegacy = legacyNumber instanceof BigInteger
                    ? new BigDecimal((BigInteger) legacyNumber, scale)
                    : BigDecimal.valueOf(legacyNumber.longValue(), scale);
            BigDecimal current = (BigDecimal) canonicalField.get(bean);
            // Both sides are bounded before any arithmetic: subtracting 1E+30000000 from a few cents means
            // building a 30-million-digit number. The models' reader already bounds the canonical value; it is
            // checked again because a mapper can be configured to read models some other way.
            if (current != null && !KalshiJson.isFixedPoint(current)) {
                throw outOfBounds(p, bean, canonical, current.toString());
            }
            if (!KalshiJson.isFixedPoint(fromLegacy)) {
                throw outOfBounds(p, bean, "legacy " + legacy + " (read into " + canonical + ")",
                        legacyNumber.toString());
            }
            // Agreement within one legacy unit: when both sides are whole units a difference below one unit can
            // only be zero (exact equality); a finer canonical value may sit less than one unit from its legacy.
            if (current == null) {
                canonicalField.set(bean, fromLegacy);
            } else if (current.compareTo(fromLegacy) != 0 && current.subtract(fromLegacy).abs().compareTo(unit) >= 0) {
                throw MismatchedInputException.from(p, bean.getClass(), bean.getClass().getSimpleName() + ": "
                        + canonical + " \"" + current.toPlainString() + "\" disagrees with legacy " + legacy + " "
                        + legacyNumber + (scale == 0 ? "" : " (= " + fromLegacy.toPlainString() + ")"));
            }
        }
    }
}
