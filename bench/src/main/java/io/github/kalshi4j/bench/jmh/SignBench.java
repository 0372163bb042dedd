package io.github.kalshi4j.bench.jmh;

import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import io.github.kalshi4j.auth.RsaPssSigner.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.conscrypt.Conscrypt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * RSA-PSS (SHA-256, MGF1, 32-byte salt) signature of one Kalshi request message with a 2048-bit key, sampled per
 * call for the latency distribution (p50, p99); one thread.
 *
 * <ul>
 *   <li>{@code jdk}, {@code bouncyCastle}, {@code conscrypt}: {@link RsaPssSigner#sign(byte[])} with that provider,
 *       as the client calls it for every attempt (the key converted once into the provider's form, a pooled
 *       initialised {@code Signature}, the private-key operation, base64).</li>
 *   <li>{@code libcrypto}: the same with {@link Provider#OPENSSL}, the system's OpenSSL through the Foreign Function
 *       &amp; Memory API (the key imported once into an {@code EVP_PKEY}, a pooled {@code EVP_PKEY_CTX}); only on
 *       Java 22 and later, so the runner forks this one on that JDK.</li>
 *   <li>{@code ...Fresh}: the same provider the way a signer without reuse works, and kalshi4j's did before: a new
 *       {@code Signature} and {@code initSign} with the key as parsed, every call.</li>
 *   <li>{@code jdkSignatureReused}: one bare JDK {@code Signature} initialised once, no base64 (the JCA floor).</li>
 * </ul>
 * The Conscrypt methods need Conscrypt's native library, and {@code libcrypto} a Java 22+ fork with OpenSSL 3; the
 * runner skips them where those are missing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignBench {

    private static final PSSParameterSpec KALSHI_PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private RsaPssSigner jdk;
    private RsaPssSigner bouncyCastle;
    private RsaPssSigner conscrypt;
    private RsaPssSigner libcrypto;
    private PrivateKey parsedKey;
    private java.security.Provider bouncyCastleProvider;
    private java.security.Provider conscryptProvider;
    private Signature reused;
    private byte[] message;

    @Setup
    public void setup() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        parsedKey = kp.getPrivate();
        jdk = RsaPssSigner.of("bench-key", parsedKey, Provider.JDK);
        bouncyCastle = RsaPssSigner.of("bench-key", parsedKey, Provider.BOUNCY_CASTLE);
        bouncyCastleProvider = new BouncyCastleProvider();
        if (Provider.CONSCRYPT.isAvailable()) {
            conscrypt = RsaPssSigner.of("bench-key", parsedKey, Provider.CONSCRYPT);
            conscryptProvider = Conscrypt.newProvider();
        }
        if (Provider.OPENSSL.isAvailable()) {
            libcrypto = RsaPssSigner.of("bench-key", parsedKey, Provider.OPENSSL);
        }
        message = RequestSignature.message(System.currentTimeMillis(), "GET", "/trade-api/v2/portfolio/balance");
        reused = Signature.getInstance("RSASSA-PSS");
        reused.initSign(parsedKey);
        reused.setParameter(KALSHI_PSS);
    }

    @Benchmark
    public String jdk() {
        return jdk.sign(message);
    }

    @Benchmark
    public String bouncyCastle() {
        return bouncyCastle.sign(message);
    }

    @Benchmark
    public String conscrypt() {
        return conscrypt.sign(message);
    }

    @Benchmark
    public String libcrypto() {
        return libcrypto.sign(message);
    }

    /** The JCA floor: one JDK {@code Signature} initialised once and reused, no base64; what kalshi4j adds is the rest. */
    @Benchmark
    public byte[] jdkSignatureReused() throws Exception {
        reused.update(message);
        return reused.sign();
    }

    @Benchmark
    public String jdkFresh() throws GeneralSecurityException {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.initSign(parsedKey);
        s.setParameter(KALSHI_PSS);
        return signOnce(s);
    }

    @Benchmark
    public String bouncyCastleFresh() throws GeneralSecurityException {
        return signOnce(fresh(bouncyCastleProvider));
    }

    /** Conscrypt imports the JDK key into a native key on every {@code initSign}: the cost reuse removes. */
    @Benchmark
    public String conscryptFresh() throws GeneralSecurityException {
        return signOnce(fresh(conscryptProvider));
    }

    private Signature fresh(java.security.Provider provider) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA/PSS", provider);
        s.initSign(parsedKey);
        s.setParameter(KALSHI_PSS);
        return s;
    }

    private String signOnce(Signature s) throws GeneralSecurityException {
        s.update(message);
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
