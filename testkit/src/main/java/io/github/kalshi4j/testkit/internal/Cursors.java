package io.github.kalshi4j.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque cursors over stable, ordered listings: the cursor encodes where the next page starts. */
public final class Cursors {

    /** A page of a listing and the cursor of the next one ("" on the last page, as Kalshi sends). */
    public record Page<T>(List<T> items, String nextCursor) { }

    private Cursors() {
    }

    /** Cuts one page out of {@code all}, starting at {@code cursor}. */
    public static <T> Page<T> page(List<T> all, String cursor, int limit) {
        int start = decode(cursor);
        if (start > all.size()) {
            start = all.size();
        }
        int end = Math.min(all.size(), start + limit);
        String next = end < all.size() ? encode(end) : "";
        return new Page<>(List.copyOf(all.subList(start, end)), next);
    }

    /**
     * Cuts one page out of a listing that fetches windows itself: {@code window.fetch(offset, count)} returns up to
     * {@code count} items starting at {@code offset}. Same pages and cursors as {@link #page(List, String, int)}.
     */
    public static <T> Page<T> page(Window<T> window, String cursor, int limit) {
        int start = decode(cursor);
        List<T> items = window.fetch(start, limit + 1);
        boolean more = items.size() > limit;
        return new Page<>(List.copyOf(more ? items.subList(0, limit) : items), more ? encode(start + limit) : "");
    }

    /** A listing that returns windows of itself. */
    @FunctionalInterface
    public interface Window<T> {
        /** Up to {@code count} items starting at {@code offset} (none past the end). */
        List<T> fetch(int offset, int count);
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k4j:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    static int decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!s.startsWith("k4j:")) {
                throw new IllegalArgumentException();
            }
            int n = Integer.parseInt(s.substring(4));
            if (n < 0) {
                throw new IllegalArgumentException();
            }
            return n;
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_parameters", "cursor is not valid");
        }
    }
}
