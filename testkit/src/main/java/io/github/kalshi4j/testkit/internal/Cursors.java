package io.github.kalshi4j.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Opaque cursors over ordered listings.
 *
 * <p>Listings that grow while a client pages through them (orders, fills, trades, settlements, positions) use keyset
 * cursors: the cursor encodes the key of the last item served, and the next page starts after that key, so items
 * created between page requests never shift the pages still to come (no duplicates, no gaps). Seed-ordered
 * listings (markets, events, series, collections) never gain items at run time and use offset cursors.
 */
public final class Cursors {

    /** A page of a listing and the cursor of the next one ("" on the last page, as Kalshi sends). */
    public record Page<T>(List<T> items, String nextCursor) { }

    private static final String OFFSET = "k4j:o:";
    private static final String SEQUENCE = "k4j:s:";
    private static final String KEY = "k4j:k:";

    private Cursors() {
    }

    /** Cuts one page out of {@code all} (a listing that never gains items), starting at an offset {@code cursor}. */
    public static <T> Page<T> page(List<T> all, String cursor, int limit) {
        int start = (int) Math.min(decodeLong(cursor, OFFSET, 0), all.size());
        int end = Math.min(all.size(), start + limit);
        String next = end < all.size() ? encode(OFFSET + end) : "";
        return new Page<>(List.copyOf(all.subList(start, end)), next);
    }

    /**
     * Cuts one page out of a listing that fetches windows itself: {@code window.fetch(offset, count)} returns up to
     * {@code count} items starting at {@code offset}. Same pages and cursors as {@link #page(List, String, int)}.
     */
    public static <T> Page<T> page(Window<T> window, String cursor, int limit) {
        int start = (int) Math.min(decodeLong(cursor, OFFSET, 0), Integer.MAX_VALUE);
        List<T> items = window.fetch(start, limit + 1);
        boolean more = items.size() > limit;
        return new Page<>(List.copyOf(more ? items.subList(0, limit) : items), more ? encode(OFFSET + (start + limit)) : "");
    }

    /**
     * One page of a listing sorted newest first by a strictly decreasing sequence; the cursor remembers the last
     * sequence served and the next page holds the items older than it.
     */
    public static <T> Page<T> newestFirst(List<T> all, String cursor, int limit, ToLongFunction<T> sequence) {
        int start = 0;
        if (cursor != null && !cursor.isEmpty()) {
            long last = decodeLong(cursor, SEQUENCE, 0);
            while (start < all.size() && sequence.applyAsLong(all.get(start)) >= last) {
                start++;
            }
        }
        int end = Math.min(all.size(), start + limit);
        String next = end < all.size() ? encode(SEQUENCE + sequence.applyAsLong(all.get(end - 1))) : "";
        return new Page<>(List.copyOf(all.subList(start, end)), next);
    }

    /**
     * One page of a listing sorted by a strictly increasing string key (a ticker, say); the cursor remembers the last
     * key served and the next page holds the items with greater keys.
     */
    public static <T> Page<T> byKey(List<T> all, String cursor, int limit, Function<T, String> key) {
        int start = 0;
        if (cursor != null && !cursor.isEmpty()) {
            String last = decode(cursor, KEY);
            while (start < all.size() && key.apply(all.get(start)).compareTo(last) <= 0) {
                start++;
            }
        }
        int end = Math.min(all.size(), start + limit);
        String next = end < all.size() ? encode(KEY + key.apply(all.get(end - 1))) : "";
        return new Page<>(List.copyOf(all.subList(start, end)), next);
    }

    /** A listing that returns windows of itself. */
    @FunctionalInterface
    public interface Window<T> {
        /** Up to {@code count} items starting at {@code offset} (none past the end). */
        List<T> fetch(int offset, int count);
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeLong(String cursor, String kind, long empty) {
        if (cursor == null || cursor.isEmpty()) {
            return empty;
        }
        try {
            long n = Long.parseLong(decode(cursor, kind));
            if (n < 0) {
                throw invalid();
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String decode(String cursor, String kind) {
        String s;
        try {
            s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // A cursor of another listing kind is as invalid as garbage.
        if (!s.startsWith(kind)) {
            throw invalid();
        }
        return s.substring(kind.length());
    }

    private static ApiError invalid() {
        return ApiError.badRequest("invalid_parameters", "cursor is not valid");
    }
}
