package io.github.kalshi4j.testkit.internal;

import io.github.kalshi4j.auth.RsaPssVerifier;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kalshi's request authentication, as the live API checks it: the key id must be registered, the timestamp
 * (milliseconds) must be within a window of now, and the RSA-PSS signature must verify over
 * {@code timestamp + METHOD + path} (path without query). Any mismatch is a 401.
 */
public final class Auth {

    /** A registered API key. */
    public record ApiKey(String keyId, String userId, PublicKey publicKey) { }

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration window;

    /** Creates the verifier with a timestamp window (Kalshi rejects stale signatures). */
    public Auth(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** Registers a key for a member. */
    public void register(String keyId, String userId, PublicKey key) {
        keys.put(keyId, new ApiKey(keyId, userId, key));
    }

    /** Removes a key. */
    public boolean unregister(String keyId) {
        return keys.remove(keyId) != null;
    }

    /** Registered keys by id. */
    public Map<String, ApiKey> keys() {
        return Map.copyOf(keys);
    }

    /**
     * The member a request is signed by, null when it carries no auth headers at all.
     *
     * @throws ApiError 401 on any incomplete or invalid authentication
     */
    public String authenticate(String method, String rawPath, String keyId, String timestamp, String signature) {
        if (keyId == null && timestamp == null && signature == null) {
            return null;
        }
        if (keyId == null || timestamp == null || signature == null) {
            throw ApiError.unauthorized("incomplete authentication headers: KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP and"
                    + " KALSHI-ACCESS-SIGNATURE are all required");
        }
        ApiKey key = keys.get(keyId);
        if (key == null) {
            throw ApiError.unauthorized("unknown API key id");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw ApiError.unauthorized("KALSHI-ACCESS-TIMESTAMP must be Unix time in milliseconds");
        }
        long skew = Math.abs(clock.millis() - ts);
        if (skew > window.toMillis()) {
            throw ApiError.unauthorized("request timestamp is outside the allowed window (" + skew + " ms off)");
        }
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        byte[] message = (timestamp + method + path).getBytes(StandardCharsets.UTF_8);
        boolean ok;
        try {
            ok = RsaPssVerifier.verify(signature, message, key.publicKey());
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw ApiError.unauthorized("signature does not verify for " + method + " " + path);
        }
        return key.userId();
    }
}
