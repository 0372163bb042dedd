package io.github.kalshi4j.testkit.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps the named price level structures to their price ranges. */
final class PriceStructures {
    static final Set<String> NAMES = Set.of("linear_cent", "deci_cent", "tapered_deci_cent");
    private static final Map<String, List<PriceRange>> RANGES = Map.of(
            "linear_cent", List.of(range("0.0000", "1.0000", "0.0100")),
            "deci_cent", List.of(range("0.0000", "1.0000", "0.0010")),
            "tapered_deci_cent", List.of(
                    range("0.0000", "0.1000", "0.0010"),
                    range("0.1000", "0.9000", "0.0100"),
                    range("0.9000", "1.0000", "0.0010")));

    private PriceStructures() {
    }

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    static List<PriceRange> ranges(String name) {
        return RANGES.get(name);
    }

    private static PriceRange range(String start, String end, String step) {
        return new PriceRange(new BigDecimal(start), new BigDecimal(end), new BigDecimal(step));
    }
}
