package io.github.kalshi4j.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * RSA test credentials: JDK-generated 2048-bit key pairs with PKCS#8 PEM written by hand, so the client's PEM
 * parsing is tested against the plain format Kalshi hands out rather than against another library's writer.
 * Keys are generated once per JVM because RSA key generation is the slowest step of the suite.
 */
public final class TestCredentials {

    /** Key id the loopback server expects by default. */
    public static final String KEY_ID = "0f4c7a2e-1d2b-4c6a-9e3f-5a7b8c9d0e1f";

    private static final KeyPair PAIR = generate();
    private static final KeyPair OTHER_PAIR = generate();

    private TestCredentials() {
    }

    /** The key pair the loopback server verifies against. */
    public static KeyPair keyPair() {
        return PAIR;
    }

    /** An unrelated key pair: signatures made with it must be rejected. */
    public static KeyPair otherKeyPair() {
        return OTHER_PAIR;
    }

    /** {@code BEGIN PRIVATE KEY} (PKCS#8) text of {@link #keyPair()}. */
    public static String privateKeyPem() {
        return pkcs8Pem(PAIR);
    }

    /** {@code BEGIN PRIVATE KEY} (PKCS#8) text of a key pair. */
    public static String pkcs8Pem(KeyPair pair) {
        // MIME base64 with 64-character lines is exactly the PEM body layout (RFC 7468).
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** The base64 body of the private key, for checks that key material never leaks into text. */
    public static String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
