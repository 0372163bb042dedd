package io.github.kalshi4j.auth;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

/**
 * Run in a JVM of its own by {@link OpenSslSignerTest}, with the java flags under test: asks for the OpenSSL provider
 * and prints what happened, so a test can watch what the JVM and kalshi4j say about native access.
 */
public final class OpenSslProbe {

    private OpenSslProbe() {
    }

    /** Prints one line: the failure's type and message, or whether the signature verified. */
    public static void main(String[] args) {
        KeyPair pair = TestKeys.rsa2048();
        try {
            RsaPssSigner signer = RsaPssSigner.of("probe", pair.getPrivate(), RsaPssSigner.Provider.OPENSSL);
            String signature = signer.sign("m".getBytes(StandardCharsets.UTF_8));
            System.out.println("openssl signs, verified " + RsaPssVerifier.verify(signature, "m", pair.getPublic()));
        } catch (RuntimeException e) {
            System.out.println("openssl failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
