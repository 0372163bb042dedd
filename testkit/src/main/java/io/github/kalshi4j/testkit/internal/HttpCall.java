package io.github.kalshi4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST call as the exchange's handlers see it: method, raw path, decoded path parameters, query parameters
 * (repeated names kept in order), body bytes and the authenticated member, if any.
 */
public final class HttpCall {

    private final String method;
    private final String rawPath;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final byte[] body;
    private final String userId;
    private final ObjectMapper mapper;

    HttpCall(String method, String rawPath, Map<String, String> pathParams, String rawQuery, byte[] body, String userId,
            ObjectMapper mapper) {
        this.method = method;
        this.rawPath = rawPath;
        this.pathParams = pathParams;
        this.query = parseQuery(rawQuery);
        this.body = body;
        this.userId = userId;
        this.mapper = mapper;
    }

    /** Creates a call (used by the exchange's HTTP endpoint). */
    public static HttpCall of(String method, String rawPath, Map<String, String> pathParams, String rawQuery, byte[] body,
            String userId, ObjectMapper mapper) {
        return new HttpCall(method, rawPath, pathParams, rawQuery, body, userId, mapper);
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    /** Upper-case method. */
    public String method() {
        return method;
    }

    /** The raw request path. */
    public String rawPath() {
        return rawPath;
    }

    /** A decoded path parameter. */
    public String path(String name) {
        return pathParams.get(name);
    }

    /** The single value of a query parameter, or null; a repeated scalar is a 400. */
    public String query(String name) {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw ApiError.badRequest("invalid_parameters", name + " must be given once");
        }
        return v.get(0).isEmpty() ? null : v.get(0);
    }

    /** All values of a repeated query parameter. */
    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** A comma-joined list parameter split into items; empty items are a 400. */
    public List<String> queryCsv(String name) {
        String v = query(name);
        if (v == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String s : v.split(",", -1)) {
            if (s.isBlank()) {
                throw ApiError.badRequest("invalid_parameters", name + " has an empty item");
            }
            items.add(s.trim());
        }
        return items;
    }

    /** An integer query parameter with bounds, or the default when absent. */
    public Integer queryInt(String name, Integer dflt, long min, long max) {
        Long v = queryLong(name, dflt == null ? null : dflt.longValue(), min, max);
        return v == null ? null : v.intValue();
    }

    /** A long query parameter with bounds, or the default when absent. */
    public Long queryLong(String name, Long dflt, long min, long max) {
        String v = query(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw ApiError.badRequest("invalid_parameters", name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_parameters", name + " must be an integer");
        }
    }

    /** A boolean query parameter. */
    public Boolean queryBool(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw ApiError.badRequest("invalid_parameters", name + " must be true or false");
    }

    /** A decimal query parameter. */
    public BigDecimal queryDecimal(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_parameters", name + " must be a decimal");
        }
    }

    /** The body decoded into a model; an empty or malformed body is a 400. */
    public <T> T body(Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiError.badRequest("invalid_content_type", "a JSON body is required");
        }
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw ApiError.badRequest("invalid_parameters", "malformed JSON body: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** The body as a JSON tree (empty object when there is none). */
    public JsonNode bodyTree() {
        try {
            return body == null || body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("invalid_parameters", "malformed JSON body");
        }
    }

    /** The authenticated member's user id; a 401 when the call is unauthenticated. */
    public String userId() {
        if (userId == null) {
            throw ApiError.unauthorized("this endpoint requires authentication");
        }
        return userId;
    }

    /** The member id if authenticated, else null. */
    public String userIdOrNull() {
        return userId;
    }
}
