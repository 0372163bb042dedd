package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicKeysTest {

    private static final KeyPair PAIR = TestKeys.rsa2048();

    @Test
    void publicKeyPem_loads_andVerifiesSignatures() {
        String pem = TestKeys.publicKeyPem(PAIR);
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
        RSAPublicKey key = PublicKeys.fromPem(pem);
        assertEquals(PAIR.getPublic(), key);
        assertEquals(key, PublicKeys.fromPem(pem.getBytes(StandardCharsets.US_ASCII)));

        String signature = RsaPssSigner.of("k", PAIR.getPrivate()).sign("m".getBytes(StandardCharsets.UTF_8));
        assertTrue(RsaPssVerifier.verify(signature, "m", key));
    }

    @Test
    void pkcs1RsaPublicKeyPem_loads() throws Exception {
        RSAPublicKey rsa = (RSAPublicKey) PAIR.getPublic();
        byte[] der = new org.bouncycastle.asn1.pkcs.RSAPublicKey(rsa.getModulus(), rsa.getPublicExponent()).getEncoded();
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("RSA PUBLIC KEY", der));
        }
        assertEquals(rsa.getModulus(), PublicKeys.fromPem(out.toString()).getModulus());
    }

    @Test
    void certificatePem_yieldsItsPublicKey() {
        assertEquals(((RSAPublicKey) PAIR.getPublic()).getModulus(),
                PublicKeys.fromPem(TestKeys.certificatePem(PAIR)).getModulus());
    }

    @Test
    void privateKeyGivenInsteadOfPublic_rejected() {
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> PublicKeys.fromPem(TestKeys.pkcs8Pem(PAIR.getPrivate())));
        assertTrue(e.getMessage().contains("contains a private key, not a public key"), e.getMessage());
        PrivateKeysTest.assertNoKeyMaterial(e, TestKeys.pkcs8Pem(PAIR.getPrivate()));
    }

    @Test
    void ecPublicKey_rejected_notRsa() {
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> PublicKeys.fromPem(TestKeys.publicKeyPem(TestKeys.ecP256())));
        assertTrue(e.getMessage().contains("not an RSA key (found EC)"), e.getMessage());
    }

    @Test
    void emptyOrNonPemInput_rejected() {
        assertThrows(KalshiAuthException.class, () -> PublicKeys.fromPem(""));
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> PublicKeys.fromPem("hello"));
        assertTrue(e.getMessage().contains("not PEM"), e.getMessage());
    }
}
