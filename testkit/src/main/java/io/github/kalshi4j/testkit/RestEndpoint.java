package io.github.kalshi4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kalshi4j.testkit.engine.ExchangeException;
import io.github.kalshi4j.testkit.internal.ApiError;
import io.github.kalshi4j.testkit.internal.Auth;
import io.github.kalshi4j.testkit.internal.EndpointCosts;
import io.github.kalshi4j.testkit.internal.HttpCall;
import io.github.kalshi4j.testkit.internal.RateLimiter;
import io.github.kalshi4j.testkit.internal.Router;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The REST side of the local exchange: auth, rate limits, faults, routing, JSON in and out. */
final class RestEndpoint extends Handler.Abstract {

    static final String PREFIX = "/trade-api/v2";
    private static final Logger LOG = LoggerFactory.getLogger(RestEndpoint.class);

    private final Router router;
    private final Auth auth;
    private final RateLimiter rateLimiter;
    private final Function<String, RateLimiter.Tier> tierOf;
    private final boolean rateLimits;
    private final EndpointCosts costs;
    private final Faults faults;
    private final ObjectMapper mapper;
    private final BiConsumer<String, byte[]> responseObserver;
    private final SpecValidation validation;

    RestEndpoint(Router router, Auth auth, RateLimiter rateLimiter, Function<String, RateLimiter.Tier> tierOf,
            boolean rateLimits, EndpointCosts costs, Faults faults, ObjectMapper mapper,
            BiConsumer<String, byte[]> responseObserver, SpecValidation validation) {
        this.router = router;
        this.auth = auth;
        this.rateLimiter = rateLimiter;
        this.tierOf = tierOf;
        this.rateLimits = rateLimits;
        this.costs = costs;
        this.faults = faults;
        this.mapper = mapper;
        this.responseObserver = responseObserver;
        this.validation = validation;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            write(response, callback, 404, error("not_found", "no such endpoint: " + rawPath), null);
            return true;
        }
        String relative = rawPath.substring(PREFIX.length());
        ByteBuffer in = Content.Source.asByteBuffer(request);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        Faults.Fault fault = faults.take(method, relative);
        String operationId = null;
        try {
            if (fault != null) {
                switch (fault.kind()) {
                    case RATE_LIMITED -> {
                        long secs = Math.max(1, (fault.duration().toMillis() + 999) / 1000);
                        response.getHeaders().put("Retry-After", Long.toString(secs));
                        write(response, callback, 429, error("too_many_requests", "rate limit exceeded (injected)"), null);
                        return true;
                    }
                    case STATUS -> {
                        write(response, callback, fault.status(), error(fault.status() >= 500 ? "internal_server_error"
                                : "injected_error", "injected fault " + fault.status()), null);
                        return true;
                    }
                    case DELAY -> Thread.sleep(fault.duration().toMillis());
                    default -> {
                        // Applied to the answer below.
                    }
                }
            }
            Router.Match match = router.match(method, relative);
            if (match == null) {
                throw ApiError.notFound("not_found", "no such endpoint: " + method + " " + relative);
            }
            operationId = match.operation().operationId();
            String userId = auth.authenticate(method, rawPath, header(request, "KALSHI-ACCESS-KEY"),
                    header(request, "KALSHI-ACCESS-TIMESTAMP"), header(request, "KALSHI-ACCESS-SIGNATURE"));
            if (match.operation().authenticated() && userId == null) {
                throw ApiError.unauthorized(operationId + " requires authentication");
            }
            if (rateLimits) {
                // Unauthenticated callers share one bucket per IP: keyed by IP and port, every new connection got a
                // fresh bucket.
                String subject = userId != null ? userId : "ip:" + Request.getRemoteAddr(request);
                Duration wait = rateLimiter.acquire(subject, tierOf.apply(userId), !method.equals("GET"),
                        costs.cost(operationId));
                if (!wait.isZero()) {
                    response.getHeaders().put("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
                    throw new ApiError(429, "too_many_requests", "rate limit exceeded for your tier", null);
                }
            }
            Function<HttpCall, Router.Reply> handler = router.handler(operationId);
            if (handler == null) {
                throw new ApiError(501, "not_implemented", operationId + " is not modelled by the kalshi4j local exchange",
                        null);
            }
            if ((method.equals("POST") || method.equals("PUT")) && body.length == 0) {
                throw ApiError.badRequest("invalid_content_type", "POST and PUT need a JSON body ({} when empty)");
            }
            HttpCall call = LocalKalshiExchange.newCall(method, rawPath, match.pathParams(), request.getHttpURI().getQuery(),
                    body, userId, mapper);
            Router.Reply reply = handler.apply(call);
            byte[] out = reply.body() == null ? new byte[0] : mapper.writeValueAsBytes(reply.body());
            if (fault != null && (fault.kind() == Faults.Kind.NULL_ARRAYS || fault.kind() == Faults.Kind.NULL_INNER_ARRAYS)
                    && out.length > 0) {
                JsonNode tree = mapper.readTree(out);
                nullArrays(tree, fault.kind() == Faults.Kind.NULL_ARRAYS);
                out = mapper.writeValueAsBytes(tree);
            }
            if (fault != null && fault.kind() == Faults.Kind.MALFORMED_JSON) {
                out = "{\"markets\": [ this is not json".getBytes(StandardCharsets.UTF_8);
            }
            if (fault != null && fault.kind() == Faults.Kind.RESET_MID_BODY) {
                resetMidBody(response, callback, out);
                return true;
            }
            boolean intact = fault == null || fault.kind() == Faults.Kind.DELAY;
            if (reply.body() != null && responseObserver != null && intact) {
                responseObserver.accept(operationId, out);
            }
            // A body garbled on purpose (null arrays, malformed JSON) is not the exchange's answer to validate.
            write(response, callback, reply.status(), out, intact ? operationId : null, intact);
        } catch (ApiError e) {
            write(response, callback, e.status(), error(e.code(), e.getMessage(), e.details()), operationId);
        } catch (ExchangeException e) {
            write(response, callback, e.httpStatus(), error(e.code(), e.getMessage()), operationId);
        } catch (IllegalArgumentException e) {
            write(response, callback, 400, error("invalid_parameters", e.getMessage()), operationId);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", method, rawPath, e);
            write(response, callback, 500, error("internal_server_error", String.valueOf(e)), operationId);
        }
        return true;
    }

    private static String header(Request request, String name) {
        return request.getHeaders().get(name);
    }

    private byte[] error(String code, String message) {
        return error(code, message, null);
    }

    private byte[] error(String code, String message, String details) {
        ObjectNode n = mapper.createObjectNode();
        n.put("code", code);
        n.put("message", message);
        if (details != null) {
            n.put("details", details);
        }
        n.put("service", "kalshi4j-testkit");
        try {
            return mapper.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Response response, Callback callback, int status, byte[] body, String operationId) {
        write(response, callback, status, body, operationId, true);
    }

    private void write(Response response, Callback callback, int status, byte[] body, String operationId,
            boolean validate) {
        if (validate && validation != null) {
            validation.observe(operationId, status, body);
        }
        response.setStatus(status);
        response.getHeaders().put("X-Request-Id", java.util.UUID.randomUUID().toString());
        if (body.length > 0) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void resetMidBody(Response response, Callback callback, byte[] body) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(body.length + 1024L));
        int half = Math.max(1, body.length / 2);
        response.write(false, ByteBuffer.wrap(body, 0, Math.min(half, body.length)), Callback.from(
                () -> callback.failed(new IOException("injected fault: connection reset mid-body")), callback::failed));
    }

    /**
     * Replaces arrays by {@code null}: with {@code here} every array met from this node down, otherwise only those
     * below the next array level's items and below nested objects (the body's own lists stay, their items' arrays go).
     * Arrays are recursed into, so arrays inside list items are reached too.
     */
    private static void nullArrays(JsonNode node, boolean here) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() instanceof ArrayNode && here) {
                    e.setValue(o.nullNode());
                } else {
                    // Below the root everything is "inner": nested objects and list items lose their arrays.
                    nullArrays(e.getValue(), true);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode item : a) {
                nullArrays(item, true);
            }
        }
    }
}
