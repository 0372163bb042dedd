package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Objects;

/**
 * Checks Kalshi request signatures (RSA-PSS, SHA-256, MGF1-SHA-256, 32-byte salt), as the server does.
 * Stateless and thread-safe.
 */
public final class RsaPssVerifier {

    private RsaPssVerifier() {
    }

    /**
     * Returns whether {@code base64Signature} (standard base64 with padding) is a valid signature of
     * {@code message}. Malformed signatures yield {@code false}; an unusable key throws {@link KalshiAuthException}.
     */
    public static boolean verify(String base64Signature, byte[] message, PublicKey key) {
        Objects.requireNonNull(message, "message");
        if (key == null) {
            throw new KalshiAuthException("public key is null");
        }
        byte[] signatureBytes = decodeStrict(base64Signature);
        if (signatureBytes == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(Pss.JDK_ALGORITHM);
            verifier.initVerify(key);
            verifier.setParameter(Pss.PARAMETERS);
            verifier.update(message);
            return verifier.verify(signatureBytes);
        } catch (InvalidKeyException e) {
            throw new KalshiAuthException("cannot verify RSA-PSS signatures with a " + key.getAlgorithm() + " key", e);
        } catch (SignatureException e) {
            // Wrong length or otherwise undecodable: simply not a valid signature.
            return false;
        } catch (GeneralSecurityException e) {
            throw new KalshiAuthException("RSA-PSS verification is unavailable (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Same as {@link #verify(String, byte[], PublicKey)} for a message given as a string, encoded as UTF-8. */
    public static boolean verify(String base64Signature, String message, PublicKey key) {
        Objects.requireNonNull(message, "message");
        return verify(base64Signature, message.getBytes(StandardCharsets.UTF_8), key);
    }

    // Kalshi requires padded standard base64; the JDK decoder alone would also accept unpadded input.
    private static byte[] decodeStrict(String base64) {
        if (base64 == null || base64.isEmpty() || base64.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
