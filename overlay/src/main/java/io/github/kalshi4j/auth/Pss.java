package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;

import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** The one RSA-PSS parameter set Kalshi uses, and key id hygiene shared by signers and headers. */
final class Pss {

    /** SHA-256, MGF1 with SHA-256, 32-byte salt (the digest length), trailer field 1. */
    static final PSSParameterSpec PARAMETERS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    /** JDK algorithm name; parameters are set separately. */
    static final String JDK_ALGORITHM = "RSASSA-PSS";

    /**
     * The name Bouncy Castle and Conscrypt both give RSA-PSS with SHA-256; their defaults already match
     * {@link #PARAMETERS}, which are set anyway.
     */
    static final String PROVIDER_ALGORITHM = "SHA256withRSA/PSS";

    private Pss() {
    }

    /** Trims a key id and rejects empty ids and ids that would corrupt an HTTP header. */
    static String checkKeyId(String keyId) {
        if (keyId == null) {
            throw new KalshiAuthException("key id is null");
        }
        String trimmed = keyId.trim();
        if (trimmed.isEmpty()) {
            throw new KalshiAuthException("key id is empty");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x20 || c == 0x7F || c > 0x7E) {
                throw new KalshiAuthException("key id contains a character that is not printable ASCII at index " + i);
            }
        }
        return trimmed;
    }
}
