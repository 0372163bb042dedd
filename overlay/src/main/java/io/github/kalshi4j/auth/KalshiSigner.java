package io.github.kalshi4j.auth;

/**
 * Signs Kalshi request messages. Implement this to keep the private key in an HSM, KMS or agent.
 * Implementations must be thread-safe: the SDK calls {@link #sign(byte[])} concurrently from many threads.
 */
public interface KalshiSigner {

    /** The Kalshi API key id sent as {@code KALSHI-ACCESS-KEY}. */
    String keyId();

    /**
     * Signs {@code message} with RSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt) and returns the
     * signature as standard base64 with padding. Failures should be reported as
     * {@link io.github.kalshi4j.errors.KalshiAuthException}.
     */
    String sign(byte[] message);
}
