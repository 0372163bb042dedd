package io.github.kalshi4j.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The on-disk format shared by {@link RecordingTransport} and {@link ReplayTransport}: one pretty JSON file per
 * exchange, named {@code <NNNN>-<METHOD>-<path-slug>.json}, shaped as
 * <pre>
 * { "operationId": "...",
 *   "request":  { "method", "path", "query" (sorted), "headers" {name: value}, "body" | "bodyBase64" },
 *   "response": { "status", "headers" {name: [values]}, "body" | "bodyText" | "bodyBase64" } }
 * </pre>
 * JSON bodies are stored as JSON (readable, diffable); numbers keep their written scale.
 */
final class Recordings {

    /** Headers that carry credentials or session state; never written to disk. */
    static final Set<String> SECRET_HEADERS = Set.of("kalshi-access-key", "kalshi-access-signature",
            "kalshi-access-timestamp", "authorization", "proxy-authorization", "cookie", "set-cookie");

    /** Recording files: a sequence number, a dash, anything, {@code .json}. */
    static final Pattern FILE_NAME = Pattern.compile("^(\\d+)-.*\\.json$");

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_SLUG = 60;

    /**
     * Trees keep decimals exactly as written ("0.5600" stays four places) and reject trailing garbage, so a body
     * classified as JSON really is one JSON value.
     */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /** Two-space indent and "\n" on every platform, so files are byte-stable across machines. */
    static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Recordings() {
    }

    /** True for headers that must not be recorded. */
    static boolean isSecret(String headerName) {
        return headerName != null && SECRET_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /**
     * The query with its {@code name=value} parameters sorted (raw, still percent-encoded), or "" for none; two
     * queries naming the same parameters in any order give the same string.
     */
    static String sortedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> params = new ArrayList<>();
        for (String p : rawQuery.split("&")) {
            if (!p.isEmpty()) {
                params.add(p);
            }
        }
        Collections.sort(params);
        return String.join("&", params);
    }

    /** The match key: upper-case method, raw path and sorted query, as {@code "GET /path?a=1&b=2"}. */
    static String key(String method, String path, String rawQuery) {
        String q = sortedQuery(rawQuery);
        return method.toUpperCase(Locale.ROOT) + " " + path + (q.isEmpty() ? "" : "?" + q);
    }

    /** {@code <NNNN>-<METHOD>-<slug>.json}; the slug drops the common {@code trade-api/v2/} prefix. */
    static String fileName(long sequence, String method, String path) {
        String slug = NOT_SLUG.matcher(path == null ? "" : path.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.startsWith("trade-api-v2-")) {
            slug = slug.substring("trade-api-v2-".length());
        }
        if (slug.length() > MAX_SLUG) {
            slug = trimDashes(slug.substring(0, MAX_SLUG));
        }
        if (slug.isEmpty()) {
            slug = "root";
        }
        String m = method.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return String.format(Locale.ROOT, "%04d-%s-%s.json", sequence, m.isEmpty() ? "X" : m, slug);
    }

    /** The sequence number of a recording file name, or -1 when the name is not one. */
    static long sequenceOf(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return -1;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Stores a body under {@code body} when it is JSON (by content type, or untyped), else under {@code bodyText}
     * when {@code allowText} and it is valid UTF-8 text, else under {@code bodyBase64}. Empty bodies are omitted.
     */
    static void putBody(ObjectNode target, byte[] body, String contentType, boolean allowText) {
        if (body == null || body.length == 0) {
            return;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.contains("json")) {
            JsonNode tree = parseJson(body);
            if (tree != null) {
                target.set("body", tree);
                return;
            }
        }
        if (allowText && isText(type)) {
            String text = strictUtf8(body);
            if (text != null) {
                target.put("bodyText", text);
                return;
            }
        }
        target.put("bodyBase64", Base64.getEncoder().encodeToString(body));
    }

    /** The bytes {@link #putBody} stored, or an empty array: JSON is written compactly, text as UTF-8. */
    static byte[] readBody(JsonNode holder) throws JsonProcessingException {
        JsonNode json = holder.get("body");
        if (json != null && !json.isMissingNode()) {
            return JSON.writeValueAsBytes(json);
        }
        JsonNode text = holder.get("bodyText");
        if (text != null && text.isTextual()) {
            return text.textValue().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode b64 = holder.get("bodyBase64");
        if (b64 != null && b64.isTextual()) {
            return Base64.getDecoder().decode(b64.textValue());
        }
        return new byte[0];
    }

    private static JsonNode parseJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            // Declared JSON that does not parse is kept byte-exact as text or base64 instead.
            return null;
        }
    }

    private static boolean isText(String type) {
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("charset=utf-8");
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
