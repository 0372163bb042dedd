package io.github.kalshi4j.auth;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

/**
 * Run in a JVM of its own by {@link SignerProvidersTest}: asks for the Conscrypt provider, then for AUTO, and prints
 * what happened, so a test can watch a Conscrypt whose native library does not load without breaking its own JVM.
 */
public final class SignerProbe {

    private SignerProbe() {
    }

    /** Prints one line per attempt: the failure's type and message, or the provider and whether it verified. */
    public static void main(String[] args) {
        KeyPair pair = TestKeys.rsa2048();
        try {
            RsaPssSigner.of("probe", pair.getPrivate(), RsaPssSigner.Provider.CONSCRYPT);
            System.out.println("conscrypt signs");
        } catch (RuntimeException e) {
            System.out.println("conscrypt failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        RsaPssSigner auto = RsaPssSigner.of("probe", pair.getPrivate());
        String signature = auto.sign("m".getBytes(StandardCharsets.UTF_8));
        System.out.println("auto signs with " + auto.provider() + ", verified "
                + RsaPssVerifier.verify(signature, "m", pair.getPublic()));
    }
}
