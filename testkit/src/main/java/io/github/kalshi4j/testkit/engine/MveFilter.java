package io.github.kalshi4j.testkit.engine;

/** The {@code mve_filter} query of market and event listings: multivariate (combo) data only or none. */
public enum MveFilter {
    /** Only multivariate (combo) markets or events. */
    ONLY,
    /** Everything except multivariate (combo) markets or events. */
    EXCLUDE
}
