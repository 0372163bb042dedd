package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RsaPssSignerTest {

    private static final KeyPair PAIR = TestKeys.rsa2048();
    private static final String KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";

    @TempDir
    Path dir;

    @Test
    void signature_isPaddedStandardBase64_ofModulusLength() {
        String signature = RsaPssSigner.of(KEY_ID, PAIR.getPrivate()).sign(bytes("hello"));
        // 256 signature bytes (one byte past a multiple of 3) encode to 344 characters ending in "==".
        assertEquals(344, signature.length());
        assertTrue(signature.endsWith("=="), signature);
        assertTrue(signature.matches("[A-Za-z0-9+/]+=*"), signature);
        assertEquals(256, Base64.getDecoder().decode(signature).length);
    }

    @Test
    void signatures_areRandomizedPerCall_butBothVerify() {
        RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate());
        String first = signer.sign(bytes("same message"));
        String second = signer.sign(bytes("same message"));
        assertNotEquals(first, second, "PSS uses a random salt");
        assertTrue(RsaPssVerifier.verify(first, "same message", PAIR.getPublic()));
        assertTrue(RsaPssVerifier.verify(second, "same message", PAIR.getPublic()));
    }

    @Test
    void jdkAndBouncyCastleSignatures_bothVerify() throws Exception {
        RsaPssSigner jdk = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.JDK);
        RsaPssSigner bc = jdk.withProvider(RsaPssSigner.Provider.BOUNCY_CASTLE);
        assertEquals(RsaPssSigner.Provider.JDK, jdk.provider());
        assertEquals(RsaPssSigner.Provider.BOUNCY_CASTLE, bc.provider());
        assertEquals(KEY_ID, bc.keyId());

        byte[] message = bytes("1703123456789GET/trade-api/v2/portfolio/balance");
        String jdkSignature = jdk.sign(message);
        String bcSignature = bc.sign(message);

        assertTrue(RsaPssVerifier.verify(jdkSignature, message, PAIR.getPublic()));
        assertTrue(RsaPssVerifier.verify(bcSignature, message, PAIR.getPublic()));
        // Cross-check in the other direction: Bouncy Castle's verifier accepts the JDK's signature.
        assertTrue(bouncyCastleVerify(jdkSignature, message));
        assertTrue(bouncyCastleVerify(bcSignature, message));
    }

    @Test
    void bouncyCastle_isNeverRegisteredGlobally() {
        RsaPssSigner.of(KEY_ID, PAIR.getPrivate()).withProvider(RsaPssSigner.Provider.BOUNCY_CASTLE).sign(bytes("x"));
        assertNull(Security.getProvider("BC"));
    }

    @Test
    void withProvider_returnsNewSignerAndLeavesOriginalUnchanged() {
        RsaPssSigner jdk = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.JDK);
        RsaPssSigner bc = jdk.withProvider(RsaPssSigner.Provider.BOUNCY_CASTLE);
        assertEquals(RsaPssSigner.Provider.JDK, jdk.provider());
        assertSame(jdk, jdk.withProvider(RsaPssSigner.Provider.JDK));
        assertSame(bc, bc.withProvider(RsaPssSigner.Provider.BOUNCY_CASTLE));
    }

    @Test
    void concurrentSigning_allSignaturesVerify() throws Exception {
        for (RsaPssSigner.Provider provider : TestKeys.availableProviders()) {
            RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), provider);
            int threads = 8;
            int perThread = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<List<String[]>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Callable<List<String[]>> task = () -> {
                        start.await();
                        List<String[]> out = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            String message = "1700000000" + thread + i + "POST/trade-api/v2/portfolio/orders";
                            out.add(new String[] {message, signer.sign(bytes(message))});
                        }
                        return out;
                    };
                    futures.add(pool.submit(task));
                }
                start.countDown();
                Set<String> messages = new HashSet<>();
                for (Future<List<String[]>> f : futures) {
                    for (String[] pair : f.get(60, TimeUnit.SECONDS)) {
                        messages.add(pair[0]);
                        assertTrue(RsaPssVerifier.verify(pair[1], pair[0], PAIR.getPublic()),
                                provider + " signature failed for " + pair[0]);
                    }
                }
                assertEquals(threads * perThread, messages.size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void toString_neverContainsKeyMaterial() throws Exception {
        String pem = TestKeys.pkcs8Pem(PAIR.getPrivate());
        RsaPssSigner signer = RsaPssSigner.fromPem(KEY_ID, pem);
        String text = signer.toString();
        assertEquals("RsaPssSigner[keyId=" + KEY_ID + ", bits=2048, provider=" + signer.provider() + "]", text);

        RSAPrivateCrtKey key = (RSAPrivateCrtKey) PAIR.getPrivate();
        for (java.math.BigInteger secret : List.of(key.getModulus(), key.getPrivateExponent(), key.getPrimeP())) {
            assertFalse(text.contains(secret.toString()));
            assertFalse(text.contains(secret.toString(16).substring(0, 16)));
        }
        assertFalse(text.contains(pem.lines().skip(1).findFirst().orElseThrow().substring(0, 16)));
        assertTrue(signer.withProvider(RsaPssSigner.Provider.BOUNCY_CASTLE).toString().endsWith("provider=BOUNCY_CASTLE]"));
    }

    @Test
    void factories_fromPemStringBytesAndPath_allSignVerifiably() throws Exception {
        String pkcs1 = TestKeys.pkcs1Pem(PAIR.getPrivate());
        Path file = Files.writeString(dir.resolve("key.pem"), pkcs1);
        List<RsaPssSigner> signers = List.of(
                RsaPssSigner.fromPem(KEY_ID, pkcs1),
                RsaPssSigner.fromPem(KEY_ID, pkcs1.getBytes(StandardCharsets.US_ASCII)),
                RsaPssSigner.fromPath(KEY_ID, file),
                RsaPssSigner.fromPath(KEY_ID, file.toString()),
                RsaPssSigner.of(KEY_ID, PAIR.getPrivate()));
        for (RsaPssSigner signer : signers) {
            assertEquals(2048, signer.modulusBits());
            assertTrue(RsaPssVerifier.verify(signer.sign(bytes("m")), "m", PAIR.getPublic()), signer.toString());
        }
    }

    @Test
    void tildePath_expandsToHome_forSignerFactory() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("kalshi.pem"), TestKeys.pkcs1Pem(PAIR.getPrivate()));
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            RsaPssSigner signer = RsaPssSigner.fromPath(KEY_ID, "~/kalshi.pem");
            assertTrue(RsaPssVerifier.verify(signer.sign(bytes("m")), "m", PAIR.getPublic()));
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void of_rejectsSmallAndNonRsaKeys() {
        KalshiAuthException small = assertThrows(KalshiAuthException.class,
                () -> RsaPssSigner.of(KEY_ID, TestKeys.rsa1024().getPrivate()));
        assertTrue(small.getMessage().contains("1024-bit"), small.getMessage());
        KalshiAuthException ec = assertThrows(KalshiAuthException.class,
                () -> RsaPssSigner.of(KEY_ID, TestKeys.ecP256().getPrivate()));
        assertTrue(ec.getMessage().contains("not an RSA key (algorithm EC)"), ec.getMessage());
        assertThrows(KalshiAuthException.class, () -> RsaPssSigner.of(KEY_ID, null));
    }

    @Test
    void keyId_isTrimmed_andInvalidIdsRejected() {
        assertEquals(KEY_ID, RsaPssSigner.of(" " + KEY_ID + "\n", PAIR.getPrivate()).keyId());
        assertThrows(KalshiAuthException.class, () -> RsaPssSigner.of(null, PAIR.getPrivate()));
        assertThrows(KalshiAuthException.class, () -> RsaPssSigner.of("  ", PAIR.getPrivate()));
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> RsaPssSigner.of("abc\r\nX-Injected: 1", PAIR.getPrivate()));
        assertTrue(e.getMessage().contains("not printable ASCII"), e.getMessage());
    }

    @Test
    void wrongKeyOrTamperedMessage_doesNotVerify() {
        RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate());
        String signature = signer.sign(bytes("1700000000000GET/trade-api/v2/markets"));
        assertFalse(RsaPssVerifier.verify(signature, "1700000000000GET/trade-api/v2/markets",
                TestKeys.otherRsa2048().getPublic()));
        assertFalse(RsaPssVerifier.verify(signature, "1700000000001GET/trade-api/v2/markets", PAIR.getPublic()));
    }

    @Test
    void differentSaltLength_doesNotVerify() throws Exception {
        Signature other = Signature.getInstance("RSASSA-PSS");
        other.initSign(PAIR.getPrivate());
        other.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1));
        other.update(bytes("m"));
        String saltTwenty = Base64.getEncoder().encodeToString(other.sign());
        assertFalse(RsaPssVerifier.verify(saltTwenty, "m", PAIR.getPublic()));
    }

    @Test
    void verifier_rejectsMalformedSignatures_withoutThrowing() {
        String good = RsaPssSigner.of(KEY_ID, PAIR.getPrivate()).sign(bytes("m"));
        assertTrue(RsaPssVerifier.verify(good, "m", PAIR.getPublic()));
        assertFalse(RsaPssVerifier.verify(good.substring(0, good.length() - 1), "m", PAIR.getPublic()),
                "padding is required");
        assertFalse(RsaPssVerifier.verify(null, "m", PAIR.getPublic()));
        assertFalse(RsaPssVerifier.verify("", "m", PAIR.getPublic()));
        assertFalse(RsaPssVerifier.verify("not*base64!", "m", PAIR.getPublic()));
        assertFalse(RsaPssVerifier.verify("AAAA", "m", PAIR.getPublic()), "wrong length");
        String urlSafe = good.replace('+', '-').replace('/', '_');
        if (!urlSafe.equals(good)) {
            assertFalse(RsaPssVerifier.verify(urlSafe, "m", PAIR.getPublic()), "URL-safe alphabet is not standard base64");
        }
    }

    @Test
    void verifier_rejectsNonRsaKey_withAuthException() {
        String good = RsaPssSigner.of(KEY_ID, PAIR.getPrivate()).sign(bytes("m"));
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> RsaPssVerifier.verify(good, "m", TestKeys.ecP256().getPublic()));
        assertTrue(e.getMessage().contains("EC"), e.getMessage());
    }

    private static boolean bouncyCastleVerify(String base64, byte[] message) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA/PSS", TestKeys.BC);
        verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        verifier.initVerify(PAIR.getPublic());
        verifier.update(message);
        return verifier.verify(Base64.getDecoder().decode(base64));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
