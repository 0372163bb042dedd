package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.Base64;
import java.util.Objects;

/**
 * {@link KalshiSigner} backed by an in-memory (or provider-held) RSA private key.
 * Immutable and thread-safe; each signature uses its own {@link Signature} instance.
 */
public final class RsaPssSigner implements KalshiSigner {

    /** Which cryptographic implementation computes the signatures. */
    public enum Provider {
        /** The JDK's RSASSA-PSS, chosen by the JCA for the key (so PKCS#11 keys work). The default. */
        JDK,
        /** A private Bouncy Castle provider instance; never registered globally with {@code Security}. */
        BOUNCY_CASTLE
    }

    private final String keyId;
    private final PrivateKey key;
    private final Provider provider;
    private final int modulusBits;

    private RsaPssSigner(String keyId, PrivateKey key, Provider provider) {
        this.keyId = keyId;
        this.key = key;
        this.provider = provider;
        this.modulusBits = key instanceof RSAKey ? ((RSAKey) key).getModulus().bitLength() : -1;
        // Fail at construction, not on the first request, if this provider cannot use the key.
        newSignature();
    }

    /**
     * Creates a JDK-backed signer for an RSA key of at least 2048 bits.
     *
     * @throws KalshiAuthException when the key is not RSA, too small, or corrupted (its CRT parameters disagree
     *     with its modulus and exponents, or it makes signatures its own public key does not verify)
     */
    public static RsaPssSigner of(String keyId, PrivateKey key) {
        String id = Pss.checkKeyId(keyId);
        PrivateKeys.requireUsableRsa(key, "private key");
        PrivateKeys.requireIntact(key, "private key");
        return new RsaPssSigner(id, key, Provider.JDK);
    }

    /** Creates a signer from PKCS#1 or PKCS#8 PEM text. */
    public static RsaPssSigner fromPem(String keyId, String pem) {
        String id = Pss.checkKeyId(keyId);
        return new RsaPssSigner(id, PrivateKeys.fromPem(pem), Provider.JDK);
    }

    /** Creates a signer from PKCS#1 or PKCS#8 PEM bytes. */
    public static RsaPssSigner fromPem(String keyId, byte[] pem) {
        String id = Pss.checkKeyId(keyId);
        return new RsaPssSigner(id, PrivateKeys.fromPem(pem), Provider.JDK);
    }

    /** Creates a signer from a PEM file. */
    public static RsaPssSigner fromPath(String keyId, Path path) {
        String id = Pss.checkKeyId(keyId);
        return new RsaPssSigner(id, PrivateKeys.fromPath(path), Provider.JDK);
    }

    /** Creates a signer from a PEM file; a leading {@code ~} means the user's home directory. */
    public static RsaPssSigner fromPath(String keyId, String path) {
        String id = Pss.checkKeyId(keyId);
        return new RsaPssSigner(id, PrivateKeys.fromPath(path), Provider.JDK);
    }

    /** Returns a signer with the same key that computes signatures with {@code provider}. */
    public RsaPssSigner withProvider(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        return provider == this.provider ? this : new RsaPssSigner(keyId, key, provider);
    }

    /** The provider this signer uses. */
    public Provider provider() {
        return provider;
    }

    /** Size of the RSA modulus in bits, or -1 if the key (e.g. in an HSM) does not reveal it. */
    public int modulusBits() {
        return modulusBits;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        Signature signature = newSignature();
        try {
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new KalshiAuthException("RSA-PSS signing failed for key id " + keyId + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Shows the key id, size and provider; never key material. */
    @Override
    public String toString() {
        return "RsaPssSigner[keyId=" + keyId + ", bits=" + (modulusBits < 0 ? "unknown" : modulusBits)
                + ", provider=" + provider + "]";
    }

    // A fresh Signature per call keeps the signer stateless: no ThreadLocal to leak key-bearing objects
    // into pooled or virtual threads, and the cost is a provider lookup next to a 2048-bit RSA operation.
    private Signature newSignature() {
        try {
            Signature signature;
            if (provider == Provider.JDK) {
                signature = Signature.getInstance(Pss.JDK_ALGORITHM);
                // initSign first: it lets the JCA pick a provider that accepts this key (e.g. PKCS#11);
                // setting parameters first would bind the first installed provider.
                signature.initSign(key);
                signature.setParameter(Pss.PARAMETERS);
            } else {
                signature = Signature.getInstance(Pss.BC_ALGORITHM, BouncyCastle.PROVIDER);
                signature.setParameter(Pss.PARAMETERS);
                signature.initSign(key);
            }
            return signature;
        } catch (InvalidKeyException e) {
            throw new KalshiAuthException("the " + provider + " provider cannot sign with this key (key id "
                    + keyId + ", " + key.getAlgorithm() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new KalshiAuthException("RSA-PSS is unavailable from the " + provider + " provider ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Holds the private Bouncy Castle instance, created only if someone asks for it. */
    static final class BouncyCastle {
        static final java.security.Provider PROVIDER = new BouncyCastleProvider();

        private BouncyCastle() {
        }
    }
}
