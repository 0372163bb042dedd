package io.github.kalshi4j.testkit.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Source of the exchange's identifiers. Called only under the exchange lock, so implementations
 * need not be thread-safe.
 */
@FunctionalInterface
public interface IdGenerator {

    /** Returns a new identifier of the given kind, unique among identifiers of that kind. */
    String nextId(IdKind kind);

    /**
     * Returns a deterministic generator of UUID-shaped ids: the first group encodes the kind
     * ({@code 1} orders, {@code 2} fills, {@code 3} trades, {@code 4} order groups, {@code 5} deposits), the last group
     * a per-kind counter, e.g. the first order is {@code 00000001-0000-4000-8000-000000000001}.
     * UUID-shaped because Kalshi ids are UUIDs and clients may validate them.
     */
    static IdGenerator sequential() {
        Map<IdKind, Long> counters = new EnumMap<>(IdKind.class);
        return kind -> {
            long next = counters.merge(kind, 1L, Long::sum);
            return String.format("%08x-0000-4000-8000-%012x", kind.ordinal() + 1, next);
        };
    }
}
