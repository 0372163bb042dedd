package io.github.kalshi4j.testkit.engine;

/**
 * Filter for series listings ({@code GET /series}); null fields match everything.
 *
 * @param category exact category, e.g. "Economics"
 * @param tag      a tag the series must carry
 */
public record SeriesFilter(String category, String tag) {

    /** Matches every series. */
    public static SeriesFilter all() {
        return new SeriesFilter(null, null);
    }

    /** Returns a copy restricted to a category. */
    public SeriesFilter withCategory(String value) {
        return new SeriesFilter(value, tag);
    }

    /** Returns a copy restricted to series carrying a tag. */
    public SeriesFilter withTag(String value) {
        return new SeriesFilter(category, value);
    }

    boolean matches(Series series) {
        return (category == null || category.equals(series.category()))
                && (tag == null || series.tags().contains(tag));
    }
}
