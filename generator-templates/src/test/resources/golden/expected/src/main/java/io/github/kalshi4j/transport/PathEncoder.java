// Generated from spec/materialized/openapi.yaml by kalshi4j; edit generator-templates/java/transport/PathEncoder.mustache, not this file.
package io.github.kalshi4j.transport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Percent-encoding for path segments and query components (RFC 3986, UTF-8, upper-case hex), and the text
 * form of parameter values. What is encoded here is exactly what is sent and signed.
 */
public final class PathEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathEncoder() {
    }

    /** Encodes one path segment: everything but RFC 3986 unreserved characters is escaped, including '/'. */
    public static String segment(String value) {
        return encode(value, false);
    }

    /** Encodes a query name or value: unreserved characters stay, space is %20, everything else escaped. */
    public static String queryComponent(String value) {
        return encode(value, true);
    }

    /** The wire text of a parameter value: decimals without exponent, times in ISO-8601, enums by value. */
    public static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        if (value instanceof Enum<?> e) {
            return e.toString();
        }
        return String.valueOf(value);
    }

    private static String encode(String value, boolean query) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = null;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '.' || b == '_' || b == '~';
            if (keep) {
                if (sb != null) {
                    sb.append((char) b);
                }
            } else {
                if (sb == null) {
                    sb = new StringBuilder(bytes.length + 16);
                    for (int k = 0; k < i; k++) {
                        sb.append((char) bytes[k]);
                    }
                }
                sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return sb == null ? value : sb.toString();
    }
}
