package io.github.kalshi4j.testkit.engine;

import java.time.Instant;
import java.util.List;

/**
 * A multivariate event collection: the template combo markets are built from (Kalshi's
 * {@code MultivariateEventCollection}).
 *
 * @param collectionTicker       collection ticker, e.g. {@code KXMVENFLSINGLEGAME-26SEP13KCBAL}
 * @param seriesTicker           series the combo events it produces belong to
 * @param title                  title
 * @param description            short description
 * @param openDate               before this the collection cannot be used
 * @param closeDate              after this the collection cannot be used
 * @param associatedEventTickers events whose markets may be combined (never null)
 * @param ordered                whether the order of the chosen markets matters
 * @param allYes                 whether only the YES side of each leg may be chosen
 * @param singleMarketPerEvent   whether at most one market per associated event may be chosen
 * @param sizeMin                minimum number of legs
 * @param sizeMax                maximum number of legs
 * @param functionalDescription  how the legs determine the combo's result
 */
public record MultivariateCollection(
        String collectionTicker,
        String seriesTicker,
        String title,
        String description,
        Instant openDate,
        Instant closeDate,
        List<String> associatedEventTickers,
        boolean ordered,
        boolean allYes,
        boolean singleMarketPerEvent,
        int sizeMin,
        int sizeMax,
        String functionalDescription) {

    /** Copies the ticker list so the snapshot stays immutable. */
    public MultivariateCollection {
        associatedEventTickers = List.copyOf(associatedEventTickers);
    }
}
