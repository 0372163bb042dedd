package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key file with one damaged byte usually still parses: the damage lands inside one of the big integers of the
 * key. Such a key would sign garbage (Kalshi answers 401, again and again) or fail on the first request; it is
 * refused when it is loaded instead, with a message that says the key is corrupted and never shows key material.
 */
class CorruptedKeyTest {

    private static final RSAPrivateCrtKey KEY = (RSAPrivateCrtKey) TestKeys.rsa2048().getPrivate();

    /** The PKCS#1 DER of {@link #KEY}. */
    private static byte[] pkcs1Der() {
        String pem = TestKeys.pkcs1Pem(KEY);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pkcs1Pem(byte[] der) {
        return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END RSA PRIVATE KEY-----\n";
    }

    /**
     * The DER with one byte in the middle of one of the key's integers changed (index 1 is the modulus, 2 the
     * public exponent, ... 8 the CRT coefficient, in PKCS#1 order), keeping the structure intact.
     */
    private static byte[] withDamagedInteger(int index) throws IOException {
        byte[] der = pkcs1Der();
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        byte[] content = ((ASN1Integer) seq.getObjectAt(index)).getValue().toByteArray();
        int at = indexOf(der, content);
        // The public exponent is three bytes; anything larger is damaged in its middle.
        int target = at + (content.length > 3 ? content.length / 2 : content.length - 1);
        byte[] damaged = der.clone();
        damaged[target] ^= 0x10;
        return damaged;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("integer not found in its own DER");
    }

    @ParameterizedTest(name = "PKCS#1 integer {0} damaged")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void aKeyWithADamagedIntegerIsRefusedAsCorrupted(int index) throws Exception {
        String pem = pkcs1Pem(withDamagedInteger(index));
        // Still a well-formed RSAPrivateKey structure: only the numbers are wrong.
        assertNotNull(RSAPrivateKey.getInstance(ASN1Sequence.getInstance(withDamagedInteger(index))));
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PrivateKeys.fromPem(pem));
        assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
        PrivateKeysTest.assertNoKeyMaterial(e, pem);
        assertNoNumbers(e);
    }

    @Test
    void aKeyFileWithOneCorruptedBase64CharacterIsRefusedWhenLoadedNotOnTheFirstRequest() {
        String pem = TestKeys.pkcs8Pem(KEY);
        String[] lines = pem.split("\n");
        // A line in the middle of the body lies within the private exponent or a prime.
        int middle = lines.length / 2;
        char[] line = lines[middle].toCharArray();
        line[20] = line[20] == 'A' ? 'B' : 'A';
        lines[middle] = new String(line);
        String corrupted = String.join("\n", lines) + "\n";
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> RsaPssSigner.fromPem("key-id", corrupted));
        assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
        PrivateKeysTest.assertNoKeyMaterial(e, corrupted);
    }

    @Test
    void anInconsistentKeyObjectIsRefusedByTheSigner() throws Exception {
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(KEY.getModulus(), KEY.getPublicExponent(),
                KEY.getPrivateExponent(), KEY.getPrimeP(), KEY.getPrimeQ(), KEY.getPrimeExponentP(),
                KEY.getPrimeExponentQ(), KEY.getCrtCoefficient().add(BigInteger.ONE));
        PrivateKey bad = KeyFactory.getInstance("RSA").generatePrivate(spec);
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> RsaPssSigner.of("key-id", bad));
        assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
        assertNoNumbers(e);
    }

    @Test
    void intactKeysStillLoadAndSignVerifiably() {
        for (String pem : new String[] {TestKeys.pkcs1Pem(KEY), TestKeys.pkcs8Pem(KEY)}) {
            RsaPssSigner signer = RsaPssSigner.fromPem("key-id", pem);
            String signature = signer.sign("1703123456789GET/trade-api/v2/portfolio/balance".getBytes());
            assertTrue(RsaPssVerifier.verify(signature, "1703123456789GET/trade-api/v2/portfolio/balance",
                    TestKeys.rsa2048().getPublic()));
        }
        assertEquals(KEY.getModulus(), ((RSAPrivateCrtKey) PrivateKeys.fromPem(TestKeys.pkcs1Pem(KEY))).getModulus());
    }

    /** No decimal rendering of any part of the key appears in the message. */
    private static void assertNoNumbers(Throwable e) {
        String[] parts = {KEY.getModulus().toString(), KEY.getPrivateExponent().toString(), KEY.getPrimeP().toString(),
                KEY.getPrimeQ().toString(), KEY.getPrimeExponentP().toString(), KEY.getPrimeExponentQ().toString(),
                KEY.getCrtCoefficient().toString()};
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String p : parts) {
                assertTrue(!message.contains(p.substring(0, 12)), "key material leaked into: " + message);
            }
        }
    }
}
