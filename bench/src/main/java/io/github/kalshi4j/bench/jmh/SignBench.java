package io.github.kalshi4j.bench.jmh;

import io.github.kalshi4j.auth.RequestSignature;
import io.github.kalshi4j.auth.RsaPssSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.concurrent.TimeUnit;

/**
 * RSA-PSS (SHA-256, MGF1, 32-byte salt) signature of one Kalshi request message with a 2048-bit key, as the client
 * computes it for every attempt: {@link RsaPssSigner#sign(byte[])} (a fresh {@code Signature}, the private-key
 * operation, base64). Sampled per call for the latency distribution (p50, p99); one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignBench {

    private RsaPssSigner jdk;
    private RsaPssSigner bouncyCastle;
    private Signature reused;
    private byte[] message;

    @Setup
    public void setup() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        jdk = RsaPssSigner.of("bench-key", kp.getPrivate());
        bouncyCastle = jdk.withProvider(RsaPssSigner.Provider.BOUNCY_CASTLE);
        message = RequestSignature.message(System.currentTimeMillis(), "GET", "/trade-api/v2/portfolio/balance");
        reused = Signature.getInstance("RSASSA-PSS");
        reused.initSign(kp.getPrivate());
        reused.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    }

    @Benchmark
    public String jdk() {
        return jdk.sign(message);
    }

    /** The JCA floor: one JDK {@code Signature} initialised once and reused, no base64; what kalshi4j adds is the rest. */
    @Benchmark
    public byte[] jdkSignatureReused() throws Exception {
        reused.update(message);
        return reused.sign();
    }

    @Benchmark
    public String bouncyCastle() {
        return bouncyCastle.sign(message);
    }
}
