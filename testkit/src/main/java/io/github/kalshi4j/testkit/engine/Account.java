package io.github.kalshi4j.testkit.engine;

/**
 * A member account (identity only; money is in {@link Balance}).
 *
 * @param userId       member id (Kalshi's {@code user_id})
 * @param apiKeyId     API key id the member signs requests with ({@code KALSHI-ACCESS-KEY})
 * @param publicKeyPem PEM public key for verifying signatures, or null to skip verification
 * @param tier         API usage tier, e.g. "basic"
 * @param name         display name
 */
public record Account(String userId, String apiKeyId, String publicKeyPem, String tier, String name) {
}
