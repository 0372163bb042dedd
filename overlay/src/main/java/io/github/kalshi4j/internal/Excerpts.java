package io.github.kalshi4j.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Helpers that turn response bodies into short, printable excerpts for errors.
 * Internal API: public only so other SDK packages can share it.
 */
public final class Excerpts {

    /** Default length of a stored body excerpt, in characters. */
    public static final int BODY_EXCERPT_CHARS = 500;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Excerpts() {
    }

    /**
     * Returns the first {@code maxChars} characters of a UTF-8 body, trimmed,
     * or {@code null} when the body is absent or blank.
     */
    public static String of(byte[] body, int maxChars) {
        if (body == null || body.length == 0) {
            return null;
        }
        // UTF-8 never needs more than 4 bytes per char, so decoding more is wasted work on large pages.
        int limit = (int) Math.min(body.length, (long) maxChars * 4 + 4);
        String text = new String(body, 0, limit, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return null;
        }
        return truncate(text, maxChars);
    }

    /**
     * Shortens {@code text} to at most {@code maxChars} characters without splitting a surrogate pair.
     */
    public static String truncate(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * Collapses whitespace (including newlines) and shortens the text for a one-line message,
     * marking the cut with an ellipsis.
     */
    public static String oneLine(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        String collapsed = WHITESPACE.matcher(text).replaceAll(" ").trim();
        String cut = truncate(collapsed, maxChars);
        return cut.length() < collapsed.length() ? cut + "..." : cut;
    }
}
