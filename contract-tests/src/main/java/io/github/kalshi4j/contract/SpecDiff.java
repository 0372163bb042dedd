package io.github.kalshi4j.contract;

import java.util.List;

/**
 * {@code make drift FROM=... TO=...}: two spec documents of the same kind (OpenAPI with OpenAPI, AsyncAPI with
 * AsyncAPI), compared in spec notation. No exclusions apply: between two versions every difference is news.
 */
public final class SpecDiff {

    private SpecDiff() {
    }

    /** The items between two documents, under the comparison name {@code openapi} or {@code asyncapi}. */
    public static List<DriftItem> items(byte[] from, String fromLabel, byte[] to, String toLabel) {
        return items(kind(from, fromLabel), from, fromLabel, to, toLabel);
    }

    /**
     * The items between two documents under a given comparison name: the pinned document's name when a bump compares
     * several APIs' documents ({@code openapi}, {@code perps-openapi}), so the report names the document.
     */
    public static List<DriftItem> items(String name, byte[] from, String fromLabel, byte[] to, String toLabel) {
        String kind = kind(from, fromLabel);
        String toKind = kind(to, toLabel);
        if (!kind.equals(toKind)) {
            throw new IllegalArgumentException("cannot compare " + kind + " " + fromLabel + " with " + toKind + " " + toLabel
                    + ": both must be OpenAPI or both AsyncAPI");
        }
        ApiShape f = read(kind, from, fromLabel);
        ApiShape t = read(kind, to, toLabel);
        return ShapeDiffer.diff(name, ShapeDiffer.Mode.SPECS, f, t);
    }

    /** A report over one pair. */
    public static DriftReport report(byte[] from, String fromLabel, byte[] to, String toLabel) {
        return report(kind(from, fromLabel), from, fromLabel, to, toLabel);
    }

    /** A report over one pair, named for a pinned document ({@code perps-openapi}). */
    public static DriftReport report(String name, byte[] from, String fromLabel, byte[] to, String toLabel) {
        String title = "kalshi4j spec diff: " + name + " " + SpecSource.version(from) + " -> " + SpecSource.version(to);
        return DriftReport.of(title, List.of(comparison(name, from, fromLabel, to, toLabel)),
                items(name, from, fromLabel, to, toLabel), Exclusions.none());
    }

    /** The comparison line for a pair: name, and both sides with their versions. */
    static DriftReport.Comparison comparison(String kind, byte[] from, String fromLabel, byte[] to, String toLabel) {
        return new DriftReport.Comparison(kind, kind + " " + SpecSource.version(from) + " (" + fromLabel + ")",
                kind + " " + SpecSource.version(to) + " (" + toLabel + ")");
    }

    /** {@code openapi} or {@code asyncapi}. */
    static String kind(byte[] bytes, String label) {
        String kind = AsyncApiReader.kindOf(bytes);
        if (kind == null) {
            throw new IllegalArgumentException(label + " is neither an OpenAPI nor an AsyncAPI document");
        }
        return kind;
    }

    private static ApiShape read(String kind, byte[] bytes, String label) {
        return kind.equals("openapi") ? OpenApiReader.read(bytes, label) : AsyncApiReader.read(bytes, label);
    }
}
