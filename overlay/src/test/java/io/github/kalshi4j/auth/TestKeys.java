package io.github.kalshi4j.auth;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Test keys and their PEM encodings, generated once per JVM with Bouncy Castle's PEM writers. */
final class TestKeys {

    /** Private provider instance; tests must not depend on a globally registered Bouncy Castle. */
    static final Provider BC = new BouncyCastleProvider();

    private static final KeyPair RSA_2048 = rsa(2048);
    private static final KeyPair RSA_2048_OTHER = rsa(2048);
    private static final KeyPair RSA_1024 = rsa(1024);
    private static final KeyPair EC_P256 = ec();

    private TestKeys() {
    }

    /**
     * Every provider a signer can be made with in this test run: JDK and Bouncy Castle always, Conscrypt when the
     * run has it on the classpath; {@code AUTO} is not one (it resolves to one of these).
     */
    static List<RsaPssSigner.Provider> availableProviders() {
        List<RsaPssSigner.Provider> providers = new ArrayList<>();
        for (RsaPssSigner.Provider p : RsaPssSigner.Provider.values()) {
            if (p != RsaPssSigner.Provider.AUTO && p.isAvailable()) {
                providers.add(p);
            }
        }
        return providers;
    }

    /** The shared 2048-bit RSA key pair used by most tests. */
    static KeyPair rsa2048() {
        return RSA_2048;
    }

    /** A second, unrelated 2048-bit key pair, for wrong-key checks. */
    static KeyPair otherRsa2048() {
        return RSA_2048_OTHER;
    }

    /** A 1024-bit key pair, too small for Kalshi. */
    static KeyPair rsa1024() {
        return RSA_1024;
    }

    /** A P-256 EC key pair, the wrong algorithm for Kalshi. */
    static KeyPair ecP256() {
        return EC_P256;
    }

    /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) text for an RSA key. */
    static String pkcs1Pem(PrivateKey key) {
        try {
            return write(new JcaMiscPEMGenerator(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code BEGIN PRIVATE KEY} (PKCS#8) text for any key. */
    static String pkcs8Pem(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY} text (PKCS#8, AES-256-CBC). */
    static String encryptedPkcs8Pem(PrivateKey key, char[] password) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BC)
                    .setPassword(password)
                    .build();
            return write(new JcaPKCS8Generator(key, encryptor));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Legacy OpenSSL-encrypted PKCS#1 text ({@code Proc-Type: 4,ENCRYPTED}). */
    static String encryptedPkcs1Pem(PrivateKey key, char[] password) {
        try {
            return write(new JcaMiscPEMGenerator(key,
                    new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(password)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code BEGIN PUBLIC KEY} (SubjectPublicKeyInfo) text. */
    static String publicKeyPem(KeyPair pair) {
        try {
            return write(new JcaMiscPEMGenerator(pair.getPublic()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code BEGIN CERTIFICATE} text for a self-signed certificate over the pair. */
    static String certificatePem(KeyPair pair) {
        try {
            X500Name name = new X500Name("CN=kalshi4j test");
            long now = System.currentTimeMillis();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    new Date(now - 60_000), new Date(now + 86_400_000L), name, pair.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(pair.getPrivate())));
            return write(new JcaMiscPEMGenerator(cert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(PemObjectGenerator generator) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
