package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The OpenSSL provider: the system's libcrypto through the Foreign Function &amp; Memory API on Java 22 and later,
 * and a clear error before that. Runs on Java 17 in the overlay's default runs (where only the errors can be
 * checked) and on the JDK 22+ of {@code kalshi4j.ffmJdk} in its signers-on-java22-plus run; the system property
 * {@code kalshi4j.test.openssl} says whether this run is meant to sign with OpenSSL.
 */
class OpenSslSignerTest {

    private static final KeyPair PAIR = TestKeys.rsa2048();
    private static final String KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";
    private static final byte[] MESSAGE = bytes("1703123456789POST/trade-api/v2/portfolio/orders");

    @Test
    void opensslOnThisRun_isAsTheBuildIntends() {
        String expected = System.getProperty("kalshi4j.test.openssl");
        assumeTrue(expected != null, "run outside the Maven build");
        // Guards the build: the Java 22+ run must really sign with OpenSSL, and the Java 17 runs must not.
        assertEquals(expected.equals("present"), RsaPssSigner.Provider.OPENSSL.isAvailable(),
                "kalshi4j.test.openssl=" + expected + " on Java " + Runtime.version() + "; problem: "
                        + OpenSslSupport.problem());
    }

    @Test
    void opensslBeforeJava22_failsWithClearErrorNamingJava22() {
        assumeTrue(Runtime.version().feature() < 22, "this JVM is Java 22 or later");
        assertFalse(RsaPssSigner.Provider.OPENSSL.isAvailable());
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.OPENSSL));
        assertTrue(e.getMessage().contains("needs Java 22 or later"), e.getMessage());
        assertTrue(e.getMessage().contains("this JVM is Java " + Runtime.version()), e.getMessage());
        assertTrue(e.getMessage().contains("--enable-native-access=ALL-UNNAMED"), e.getMessage());
        assertTrue(e.getMessage().contains("KALSHI_SIGNER_PROVIDER"), e.getMessage());
        // Switching an existing signer fails the same way, and leaves that signer working.
        RsaPssSigner jdk = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.JDK);
        assertThrows(KalshiAuthException.class, () -> jdk.withProvider(RsaPssSigner.Provider.OPENSSL));
        assertTrue(RsaPssVerifier.verify(jdk.sign(MESSAGE), MESSAGE, PAIR.getPublic()));
    }

    @Test
    void opensslSignatures_verifyWithTheJdkBouncyCastleAndConscrypt() throws Exception {
        assumeOpenssl();
        List<java.security.Provider> verifiers = new ArrayList<>(Arrays.asList(null, TestKeys.BC));
        if (ConscryptSupport.usable()) {
            verifiers.add(ConscryptSupport.require());
        }
        RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.OPENSSL);
        assertEquals(RsaPssSigner.Provider.OPENSSL, signer.provider());
        assertTrue(signer.toString().endsWith("provider=OPENSSL]"), signer.toString());
        List<String> signatures = new ArrayList<>();
        // Several signatures from one signer: the reused OpenSSL context must keep Kalshi's PSS parameters.
        for (int i = 0; i < 5; i++) {
            String signature = signer.sign(MESSAGE);
            assertEquals(344, signature.length(), "padded base64 of 256 bytes");
            assertTrue(signature.endsWith("="), signature);
            for (java.security.Provider v : verifiers) {
                String name = v == null ? "JDK RSASSA-PSS" : v.getName();
                assertTrue(SignerProvidersTest.verify(v, PAIR.getPublic(), MESSAGE, signature),
                        "signature #" + i + " rejected by " + name);
                assertFalse(SignerProvidersTest.verify(v, PAIR.getPublic(), bytes("1703123456789GET/other"),
                        signature), name + " accepted a signature of another message");
                assertFalse(SignerProvidersTest.verify(v, TestKeys.otherRsa2048().getPublic(), MESSAGE, signature),
                        name + " accepted the signature under another key");
            }
            signatures.add(signature);
        }
        // A random 32-byte salt per signature, as PSS requires: no two signatures of one message are equal.
        assertEquals(signatures.size(), signatures.stream().distinct().count(), "salts repeated");
    }

    @Test
    void pkcs1AndPkcs8PemKeys_signWithOpenssl() {
        assumeOpenssl();
        for (String pem : List.of(TestKeys.pkcs1Pem(PAIR.getPrivate()), TestKeys.pkcs8Pem(PAIR.getPrivate()))) {
            RsaPssSigner signer = RsaPssSigner.fromPem(KEY_ID, pem).withProvider(RsaPssSigner.Provider.OPENSSL);
            assertEquals(RsaPssSigner.Provider.OPENSSL, signer.provider());
            assertTrue(RsaPssVerifier.verify(signer.sign(MESSAGE), MESSAGE, PAIR.getPublic()));
        }
    }

    @Test
    void auto_neverPicksOpenssl_evenWhereItIsAvailable() {
        RsaPssSigner auto = RsaPssSigner.of(KEY_ID, PAIR.getPrivate());
        assertNotEquals(RsaPssSigner.Provider.OPENSSL, auto.provider());
        assertEquals(ConscryptSupport.usable() ? RsaPssSigner.Provider.CONSCRYPT : RsaPssSigner.Provider.JDK,
                auto.provider());
    }

    @Test
    void keyWithoutCrtParameters_isRefusedByOpenssl_withClearError() throws Exception {
        assumeOpenssl();
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) PAIR.getPrivate();
        PrivateKey bare = KeyFactory.getInstance("RSA")
                .generatePrivate(new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> RsaPssSigner.of(KEY_ID, bare, RsaPssSigner.Provider.OPENSSL));
        assertTrue(e.getMessage().contains("needs the whole RSA private key"), e.getMessage());
        assertTrue(e.getMessage().contains("jdk provider"), e.getMessage());
    }

    @Test
    void opensslsOwnErrors_areReported_withoutKeyMaterial() {
        assumeOpenssl();
        byte[] pkcs8 = PAIR.getPrivate().getEncoded();
        byte[] truncated = Arrays.copyOf(pkcs8, 600);
        KalshiAuthException e = assertThrows(KalshiAuthException.class,
                () -> OpenSslSupport.require().importKey(truncated.clone(), KEY_ID));
        String message = e.getMessage();
        assertTrue(message.contains("OpenSSL could not import the private key of key id " + KEY_ID), message);
        assertTrue(message.contains("d2i_AutoPrivateKey: error:"), "OpenSSL's error codes: " + message);
        // No run of the key's bytes, in any encoding a message might carry them.
        for (int i = 0; i + 12 <= truncated.length; i += 12) {
            byte[] chunk = Arrays.copyOfRange(truncated, i, i + 12);
            assertFalse(message.contains(Base64.getEncoder().encodeToString(chunk)), message);
            assertFalse(message.toLowerCase().contains(HexFormat.of().formatHex(chunk)), message);
        }
    }

    @Test
    void closedSigner_refusesToSign_andClosingTwiceIsHarmless() {
        assumeOpenssl();
        RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.OPENSSL);
        assertTrue(RsaPssVerifier.verify(signer.sign(MESSAGE), MESSAGE, PAIR.getPublic()));
        signer.close();
        KalshiAuthException e = assertThrows(KalshiAuthException.class, () -> signer.sign(MESSAGE));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        signer.close();
    }

    @Test
    void closingWhileThreadsSign_letsEachSignatureFinishOrFailClearly() throws Exception {
        assumeOpenssl();
        // More threads than the pool holds, so contexts are made, pooled and dropped while the key closes.
        int threads = 3 * SignaturePool.defaultSize();
        RsaPssSigner signer = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.OPENSSL);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger signed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                started.countDown();
                for (int i = 0; i < 50; i++) {
                    try {
                        String signature = signer.sign(MESSAGE);
                        signed.incrementAndGet();
                        if (!RsaPssVerifier.verify(signature, MESSAGE, PAIR.getPublic())) {
                            failures.add("a signature did not verify");
                        }
                    } catch (KalshiAuthException e) {
                        refused.incrementAndGet();
                        if (!e.getMessage().contains("is closed")) {
                            failures.add(e.getMessage());
                        }
                        return;
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        assertTrue(started.await(30, TimeUnit.SECONDS));
        while (signed.get() < threads) {
            Thread.sleep(1);
        }
        signer.close();
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(120));
            assertFalse(worker.isAlive(), "a signing thread did not finish");
        }
        assertEquals(List.of(), failures);
        assertTrue(refused.get() > 0, "every thread signed 50 times before close: " + signed.get());
    }

    @Test
    void signersDroppedWithoutClose_areFreedByTheGarbageCollector_whileOthersSign() throws Exception {
        assumeOpenssl();
        RsaPssSigner kept = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.OPENSSL);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 20; i++) {
                RsaPssSigner dropped = RsaPssSigner.of(KEY_ID, PAIR.getPrivate(), RsaPssSigner.Provider.OPENSSL);
                dropped.sign(MESSAGE);
            }
            // Cleaners free the dropped keys and contexts on their own thread while this one signs.
            System.gc();
            assertTrue(RsaPssVerifier.verify(kept.sign(MESSAGE), MESSAGE, PAIR.getPublic()));
        }
    }

    @Test
    void missingLibrary_isReportedWithWhereToPointKalshi4j() {
        assumeJava22();
        OpenSslSupport.Lookup lookup = OpenSslSupport.lookup("/nonexistent/libcrypto.so.3");
        assertNull(lookup.library());
        String problem = lookup.problem();
        assertTrue(problem.contains("cannot load the library /nonexistent/libcrypto.so.3"), problem);
        assertTrue(problem.contains("KALSHI_OPENSSL_LIBRARY (or -Dkalshi.opensslLibrary)"), problem);
        assertTrue(problem.contains("jdk, bouncycastle, conscrypt or auto signer provider"), problem);
    }

    @Test
    void aLibraryThatIsNotLibcrypto_isRefusedNamingIt() {
        assumeJava22();
        assumeTrue(Files.exists(Path.of("/lib/x86_64-linux-gnu/libz.so.1")), "zlib's usual Debian path");
        OpenSslSupport.Lookup lookup = OpenSslSupport.lookup("/lib/x86_64-linux-gnu/libz.so.1");
        assertNull(lookup.library());
        assertTrue(lookup.problem().contains("/lib/x86_64-linux-gnu/libz.so.1 is not OpenSSL 3's libcrypto: it has "
                + "no function OpenSSL_version_num"), lookup.problem());
    }

    @Test
    void theUsualLibcrypto_isFoundByName_andReportsOpenssl3() {
        assumeOpenssl();
        OpenSslSupport.Library lib = OpenSslSupport.require();
        assertNotNull(lib.version());
        assertTrue(lib.version().startsWith("OpenSSL 3."), lib.version());
        if (OpenSslSupport.configuredLibrary() == null) {
            assertEquals("libcrypto.so.3", lib.source());
        }
    }

    @Test
    void withoutEnableNativeAccess_theJvmWarns_andOpensslStillSigns() throws Exception {
        assumeOpenssl();
        String output = probe();
        assertTrue(output.contains("openssl signs, verified true"), output);
        // The JVM's own warning, which names the flag users should pass; kalshi4j adds nothing to it.
        assertTrue(output.contains("WARNING: A restricted method in java.lang.foreign"), output);
        assertTrue(output.contains("--enable-native-access=ALL-UNNAMED"), output);
    }

    @Test
    void nativeAccessDenied_failsWithClearErrorNamingTheFlag() throws Exception {
        assumeOpenssl();
        assumeTrue(Runtime.version().feature() >= 24, "--illegal-native-access exists from Java 24");
        String output = probe("--illegal-native-access=deny");
        assertTrue(output.contains("openssl failed: KalshiAuthException: the openssl signer provider calls OpenSSL "
                + "through the Foreign Function & Memory API, and this JVM denies kalshi4j native access: start java "
                + "with --enable-native-access=ALL-UNNAMED"), output);
    }

    /** Runs {@link OpenSslProbe} in a fresh JVM of this run's Java with {@code flags} and returns what it printed. */
    private static String probe(String... flags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OpenSslProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe timed out");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static void assumeJava22() {
        assumeTrue(Runtime.version().feature() >= 22, "needs Java 22 or later (the signers-on-java22-plus run)");
    }

    private static void assumeOpenssl() {
        assumeJava22();
        assumeTrue(RsaPssSigner.Provider.OPENSSL.isAvailable(), () -> "OpenSSL unavailable: "
                + OpenSslSupport.problem());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
