package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The signer providers: each one's signatures verify with every other, Conscrypt is used when present, and a
 * Conscrypt that is absent or cannot load is reported clearly. Runs twice in the build: once without Conscrypt on
 * the classpath and once with it (the overlay's signers-with-conscrypt Surefire run); the system property
 * {@code kalshi4j.test.conscrypt} says which run this is.
 */
class SignerProvidersTest {

    private static final KeyPair PAIR = TestKeys.rsa2048();
    private static final String KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";
    private static final PSSParameterSpec KALSHI_PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    @Test
    void conscryptOnTheClasspath_isAsThisTestRunIntends() {
        String expected = System.getProperty("kalshi4j.test.conscrypt");
        assumeTrue(expected != null, "run outside the Maven build");
        // Guards the build itself: the run that should sign with Conscrypt must really have it, and the other not.
        assertEquals(expected.equals("present"), RsaPssSigner.Provider.CONSCRYPT.isAvailable(),
                "kalshi4j.test.conscrypt=" + expected + " but Conscrypt problem: " + ConscryptSupport.problem());
    }

    @Test
    void everyProvidersSignature_verifiesWithEveryOtherProvider() throws Exception {
        byte[] message = bytes("1703123456789POST/trade-api/v2/portfolio/orders");
        Map<String, java.security.Provider> verifiers = new LinkedHashMap<>();
        verifiers.put("JDK RSASSA-PSS", null);
        verifiers.put("Bouncy Castle", TestKeys.BC);
        if (ConscryptSupport.usable()) {
            verifiers.put("Conscrypt", ConscryptSupport.require());
        }
        for (RsaPssSigner.Provider provider : TestKeys.availableProviders()) {
            RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), provider);
            assertEquals(provider, signer.provider());
            // Several signatures from one signer: the reused Signature objects must keep Kalshi's PSS parameters.
            for (int i = 0; i < 5; i++) {
                String signature = signer.sign(message);
                assertTrue(RsaPssVerifier.verify(signature, message, PAIR.getPublic()), provider + " #" + i);
                for (Map.Entry<String, java.security.Provider> v : verifiers.entrySet()) {
                    assertTrue(verify(v.getValue(), PAIR.getPublic(), message, signature),
                            provider + " signature #" + i + " rejected by " + v.getKey());
                    assertFalse(verify(v.getValue(), PAIR.getPublic(), bytes("1703123456789GET/other"), signature),
                            v.getKey() + " accepted " + provider + "'s signature of another message");
                }
            }
        }
    }

    @Test
    void auto_signsWithConscryptWhenUsable_elseWithTheJdk() {
        RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate());
        RsaPssSigner.Provider expected = ConscryptSupport.usable()
                ? RsaPssSigner.Provider.CONSCRYPT : RsaPssSigner.Provider.JDK;
        assertEquals(expected, signer.provider());
        assertEquals(expected, RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.AUTO).provider());
        assertTrue(signer.toString().endsWith("provider=" + expected + "]"), signer.toString());
        assertTrue(RsaPssVerifier.verify(signer.sign(bytes("m")), "m", PAIR.getPublic()));
        // Asking for what AUTO already resolved to changes nothing.
        assertSame(signer, signer.withProvider(expected));
        assertSame(signer, signer.withProvider(RsaPssSigner.Provider.AUTO));
    }

    @Test
    void conscryptRequestedButMissing_failsWithClearError() {
        assumeFalse(ConscryptSupport.present(), "Conscrypt is on this run's classpath");
        assertFalse(RsaPssSigner.Provider.CONSCRYPT.isAvailable());
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.CONSCRYPT));
        assertTrue(e.getMessage().contains("Conscrypt is not on the classpath"), e.getMessage());
        assertTrue(e.getMessage().contains("org.conscrypt:conscrypt-openjdk-uber:2.5.2"), e.getMessage());
        assertThrows(KalshiAuthException.class, () -> RsaPssSigner.of(KEY_ID, PAIR.getPrivate())
                .withProvider(RsaPssSigner.Provider.CONSCRYPT));
    }

    @Test
    void conscryptWhoseNativeLibraryCannotLoad_failsWithClearError_andAutoFallsBackToTheJdk() throws Exception {
        assumeTrue(ConscryptSupport.present(), "needs Conscrypt on the classpath (the signers-with-conscrypt run)");
        // A JVM that reports an architecture the jar has no native library for (as linux-aarch64 really is), so
        // Conscrypt's own loader fails for real.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dos.arch=riscv64", "-cp", System.getProperty("java.class.path"),
                SignerProbe.class.getName()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe timed out");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("conscrypt failed: KalshiAuthException: Conscrypt is on the classpath but its "
                + "native library cannot load on this platform (linux riscv64): UnsatisfiedLinkError"), output);
        assertTrue(output.contains("choose the jdk or auto signer provider"), output);
        assertTrue(output.contains("auto signs with JDK, verified true"), output);
        // One warning says why Conscrypt, though present, is not used.
        assertTrue(output.contains("signing with the JDK provider: Conscrypt is on the classpath but its native "
                + "library cannot load"), output);
    }

    @Test
    void autoWithAKeyConscryptCannotImport_staysWithTheJdk() throws Exception {
        // A key without its CRT numbers stands for one whose parts stay hidden in hardware.
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) PAIR.getPrivate();
        PrivateKey bare = KeyFactory.getInstance("RSA")
                .generatePrivate(new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
        RsaPssSigner signer = RsaPssSigner.of(KEY_ID, bare);
        assertEquals(RsaPssSigner.Provider.JDK, signer.provider());
        assertTrue(RsaPssVerifier.verify(signer.sign(bytes("m")), "m", PAIR.getPublic()));
    }

    @Test
    void providerConfigNames_parseInAnyCase_andUnknownNamesListTheAllowedOnes() {
        assertEquals(RsaPssSigner.Provider.JDK, RsaPssSigner.Provider.fromConfigName("jdk"));
        assertEquals(RsaPssSigner.Provider.BOUNCY_CASTLE, RsaPssSigner.Provider.fromConfigName(" BouncyCastle "));
        assertEquals(RsaPssSigner.Provider.CONSCRYPT, RsaPssSigner.Provider.fromConfigName("CONSCRYPT"));
        assertEquals(RsaPssSigner.Provider.OPENSSL, RsaPssSigner.Provider.fromConfigName("OpenSSL"));
        assertEquals(RsaPssSigner.Provider.AUTO, RsaPssSigner.Provider.fromConfigName("auto"));
        for (RsaPssSigner.Provider p : RsaPssSigner.Provider.values()) {
            assertEquals(p, RsaPssSigner.Provider.fromConfigName(p.configName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RsaPssSigner.Provider.fromConfigName("boringssl"));
        assertTrue(e.getMessage().contains("\"boringssl\""), e.getMessage());
        assertTrue(e.getMessage().contains("auto, jdk, bouncycastle, conscrypt, openssl"), e.getMessage());
    }

    @Test
    void signingAfterManyCallsFromManyThreads_keepsEveryProviderCorrect() throws Exception {
        // More threads than the pool keeps, so objects are made, pooled and dropped while others sign.
        int threads = 3 * SignaturePool.defaultSize();
        for (RsaPssSigner.Provider provider : TestKeys.availableProviders()) {
            RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), provider);
            List<Thread> workers = new ArrayList<>();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                String message = "1700000000000GET/trade-api/v2/markets/T" + t;
                Thread worker = new Thread(() -> {
                    for (int i = 0; i < 3; i++) {
                        String signature = signer.sign(bytes(message));
                        if (!RsaPssVerifier.verify(signature, message, PAIR.getPublic())) {
                            failures.add(message);
                        }
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(120));
                assertFalse(worker.isAlive(), provider + ": a signing thread did not finish");
            }
            assertEquals(List.of(), failures, provider + " produced signatures that do not verify");
        }
    }

    @Test
    void closedSigner_ofEveryProvider_refusesToSign() {
        for (RsaPssSigner.Provider provider : TestKeys.availableProviders()) {
            RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), provider);
            signer.sign(bytes("m"));
            signer.close();
            KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> signer.sign(bytes("m")));
            assertTrue(e.getMessage().contains("the signer of key id " + KEY_ID + " is closed"), provider + ": "
                    + e.getMessage());
        }
    }

    @Test
    void explicitProvider_rejectsATooSmallKeyBeforeConvertingIt() {
        for (RsaPssSigner.Provider provider : TestKeys.availableProviders()) {
            KalshiAuthException e = assertThrows(KalshiAuthException.class,
                    () -> RsaPssSigner.of(KEY_ID, TestKeys.rsa1024().getPrivate(), provider));
            assertTrue(e.getMessage().contains("1024-bit"), provider + ": " + e.getMessage());
        }
    }

    /** Verifies with the given provider's RSA-PSS ({@code null}: the JDK's {@code RSASSA-PSS}). */
    static boolean verify(java.security.Provider provider, PublicKey key, byte[] message, String base64)
            throws Exception {
        Signature verifier = provider == null ? Signature.getInstance("RSASSA-PSS")
                : Signature.getInstance("SHA256withRSA/PSS", provider);
        verifier.initVerify(key);
        verifier.setParameter(KALSHI_PSS);
        verifier.update(message);
        return verifier.verify(Base64.getDecoder().decode(base64));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
