package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The three Kalshi authentication headers for one request, plus the path canonicalisation that makes
 * the signed path and the sent path identical. Immutable; create a new one for every attempt.
 */
public final class RequestSignature {

    /** Header carrying the API key id. */
    public static final String ACCESS_KEY = "KALSHI-ACCESS-KEY";
    /** Header carrying the signing time in Unix milliseconds. */
    public static final String ACCESS_TIMESTAMP = "KALSHI-ACCESS-TIMESTAMP";
    /** Header carrying the base64 RSA-PSS signature. */
    public static final String ACCESS_SIGNATURE = "KALSHI-ACCESS-SIGNATURE";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String keyId;
    private final long timestampMillis;
    private final String method;
    private final String path;
    private final String signature;
    private final Map<String, String> headers;

    private RequestSignature(String keyId, long timestampMillis, String method, String path, String signature) {
        this.keyId = keyId;
        this.timestampMillis = timestampMillis;
        this.method = method;
        this.path = path;
        this.signature = signature;
        Map<String, String> h = new LinkedHashMap<>();
        h.put(ACCESS_KEY, keyId);
        h.put(ACCESS_TIMESTAMP, Long.toString(timestampMillis));
        h.put(ACCESS_SIGNATURE, signature);
        this.headers = Collections.unmodifiableMap(h);
    }

    /**
     * Signs {@code timestamp + METHOD + canonicalPath(rawPath)} with {@code signer}.
     * The request must then be sent to {@link #path()}, which is exactly what was signed.
     */
    public static RequestSignature sign(KalshiSigner signer, String method, String rawPath, long timestampMillis) {
        Objects.requireNonNull(signer, "signer");
        String keyId = Pss.checkKeyId(signer.keyId());
        String upperMethod = normalizeMethod(method);
        String path = canonicalPath(rawPath);
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("timestamp must not be negative: " + timestampMillis);
        }
        String signature = signer.sign(message(timestampMillis, upperMethod, path));
        checkSignatureFormat(signature, keyId);
        return new RequestSignature(keyId, timestampMillis, upperMethod, path, signature);
    }

    /** Shortcut for {@code sign(signer, method, rawPath, timestampMillis).headers()}. */
    public static Map<String, String> headers(KalshiSigner signer, String method, String rawPath, long timestampMillis) {
        return sign(signer, method, rawPath, timestampMillis).headers();
    }

    /** Signs with the current time of {@code clock}; call it again for every retry, since stale timestamps fail. */
    public static RequestSignature sign(KalshiSigner signer, String method, String rawPath, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return sign(signer, method, rawPath, clock.millis());
    }

    /**
     * The exact bytes that are signed: UTF-8 of {@code timestampMillis + METHOD + canonicalPath(path)}.
     * Verifiers can call this with the received method and path.
     */
    public static byte[] message(long timestampMillis, String method, String path) {
        return (timestampMillis + normalizeMethod(method) + canonicalPath(path)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the path to send and sign: query and fragment removed, one trailing {@code /} removed
     * (except for {@code /} itself), percent-escape hex digits upper-cased, and characters that cannot
     * appear in a URL path (spaces, non-ASCII, a {@code %} not starting an escape) percent-encoded as UTF-8.
     */
    public static String canonicalPath(String rawPath) {
        if (rawPath == null) {
            throw new IllegalArgumentException("path is null");
        }
        int end = rawPath.length();
        int query = rawPath.indexOf('?');
        int fragment = rawPath.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        if (end == 0 || rawPath.charAt(0) != '/') {
            throw new IllegalArgumentException("path must start with '/': \"" + rawPath + "\"");
        }
        StringBuilder out = new StringBuilder(end + 8);
        int i = 0;
        while (i < end) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < end && isHex(rawPath.charAt(i + 1)) && isHex(rawPath.charAt(i + 2))) {
                out.append('%')
                        .append(Character.toUpperCase(rawPath.charAt(i + 1)))
                        .append(Character.toUpperCase(rawPath.charAt(i + 2)));
                i += 3;
            } else if (isPathChar(c)) {
                out.append(c);
                i++;
            } else {
                // '?' and '#' are ASCII, so a surrogate pair never straddles the end of the path.
                int codePoint = rawPath.codePointAt(i);
                i += Character.charCount(codePoint);
                // A lone surrogate has no UTF-8 form; U+FFFD keeps the output well-formed.
                String unit = Character.isSurrogate((char) codePoint) && Character.charCount(codePoint) == 1
                        ? "\uFFFD" : new String(Character.toChars(codePoint));
                for (byte b : unit.getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** The key id sent as {@code KALSHI-ACCESS-KEY}. */
    public String keyId() {
        return keyId;
    }

    /** Signing time in Unix milliseconds. */
    public long timestampMillis() {
        return timestampMillis;
    }

    /** Upper-case HTTP method that was signed. */
    public String method() {
        return method;
    }

    /** Canonical path that was signed; send the request to exactly this path (plus the query). */
    public String path() {
        return path;
    }

    /** Base64 signature sent as {@code KALSHI-ACCESS-SIGNATURE}. */
    public String signature() {
        return signature;
    }

    /** The three headers, in the order key, timestamp, signature. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Shows method, path, key id and timestamp; the signature is omitted as it is a replayable credential. */
    @Override
    public String toString() {
        return "RequestSignature[" + method + " " + path + ", keyId=" + keyId + ", timestamp=" + timestampMillis + "]";
    }

    private static String normalizeMethod(String method) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("HTTP method is empty");
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new IllegalArgumentException("HTTP method must be letters only: \"" + method + "\"");
            }
        }
        return method.toUpperCase(Locale.ROOT);
    }

    private static void checkSignatureFormat(String signature, String keyId) {
        if (signature == null || signature.isEmpty()) {
            throw new KalshiAuthException("signer for key id " + keyId + " returned no signature");
        }
        boolean base64 = signature.length() % 4 == 0;
        for (int i = 0; i < signature.length() && base64; i++) {
            char c = signature.charAt(i);
            boolean padding = c == '=' && i >= signature.length() - 2;
            base64 = padding || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (!padding && i > 0 && signature.charAt(i - 1) == '=') {
                base64 = false;
            }
        }
        if (!base64) {
            throw new KalshiAuthException("signer for key id " + keyId
                    + " returned a value that is not standard padded base64");
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // RFC 3986 pchar plus '/': unreserved, sub-delims, ':' and '@'. '%' is handled separately.
    private static boolean isPathChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }
}
