package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Loads RSA private keys from unencrypted PEM: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or
 * PKCS#8 ({@code BEGIN PRIVATE KEY}). Failures throw {@link KalshiAuthException} without key material.
 *
 * <p>A loaded key is checked for corruption: a damaged byte inside one of the key's numbers still parses, and
 * such a key would only fail later, request after request. Its CRT parameters must agree with its modulus and
 * exponents, and it must sign a test message that verifies with its own public half.
 */
public final class PrivateKeys {

    // A PEM RSA key is a few kilobytes; anything this large is the wrong file.
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final String DECRYPT_HINT = "encrypted keys are not supported; decrypt with "
            + "openssl pkey -in encrypted.pem -out decrypted.pem (it asks for the passphrase)";

    private PrivateKeys() {
    }

    /** Parses an RSA private key from PEM text. */
    public static RSAPrivateKey fromPem(String pem) {
        return parse(PemBlocks.text(pem, "private key PEM"), "private key PEM");
    }

    /** Parses an RSA private key from PEM bytes (UTF-8 or ASCII). */
    public static RSAPrivateKey fromPem(byte[] pem) {
        return parse(PemBlocks.text(pem, "private key PEM"), "private key PEM");
    }

    /** Reads and parses an RSA private key PEM file. */
    public static RSAPrivateKey fromPath(Path path) {
        Objects.requireNonNull(path, "path");
        String source = "private key file " + path;
        return parse(PemBlocks.text(read(path), source), source);
    }

    /** Reads and parses an RSA private key PEM file; a leading {@code ~} means the user's home directory. */
    public static RSAPrivateKey fromPath(String path) {
        return fromPath(expandHome(path));
    }

    /**
     * Resolves {@code ~} and {@code ~/...} against the {@code user.home} system property;
     * other paths, including {@code ~user}, are returned unchanged.
     */
    public static Path expandHome(String path) {
        if (path == null || path.isBlank()) {
            throw new KalshiAuthException("private key path is empty");
        }
        String trimmed = path.trim();
        if (trimmed.equals("~")) {
            return Paths.get(System.getProperty("user.home"));
        }
        if (trimmed.startsWith("~/") || trimmed.startsWith("~" + java.io.File.separator)) {
            return Paths.get(System.getProperty("user.home"), trimmed.substring(2));
        }
        return Paths.get(trimmed);
    }

    /** Checks that a key object is usable for Kalshi signing: RSA with a modulus of at least 2048 bits. */
    static void requireUsableRsa(PrivateKey key, String source) {
        if (!(key instanceof RSAPrivateKey)) {
            // Hardware-backed keys may hide their modulus but still report their algorithm.
            if (key != null && "RSA".equalsIgnoreCase(key.getAlgorithm())) {
                return;
            }
            throw new KalshiAuthException(source + " is not an RSA key (algorithm "
                    + (key == null ? "none" : key.getAlgorithm()) + "); Kalshi API keys are RSA");
        }
        int bits = ((RSAPrivateKey) key).getModulus().bitLength();
        if (bits < PemBlocks.MIN_RSA_BITS) {
            throw new KalshiAuthException(source + " is a " + bits + "-bit RSA key; at least "
                    + PemBlocks.MIN_RSA_BITS + " bits are required");
        }
    }

    private static byte[] read(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new KalshiAuthException("private key file " + path + " is a directory, not a PEM file");
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new KalshiAuthException("private key file " + path + " is " + size
                        + " bytes, too large to be a PEM key");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new KalshiAuthException("private key file not found: " + path.toAbsolutePath());
        } catch (AccessDeniedException e) {
            throw new KalshiAuthException("private key file " + path.toAbsolutePath()
                    + " is not readable (permission denied)");
        } catch (IOException e) {
            throw new KalshiAuthException("private key file " + path.toAbsolutePath() + " could not be read: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static RSAPrivateKey parse(String pem, String source) {
        List<String> labels = PemBlocks.labels(pem);
        // Checked before parsing so the hint appears even where Bouncy Castle would fail first.
        if (labels.contains("ENCRYPTED PRIVATE KEY")
                || (pem.contains("Proc-Type:") && pem.contains("ENCRYPTED") && !labels.isEmpty())) {
            throw new KalshiAuthException(source + ": " + DECRYPT_HINT);
        }
        if (labels.contains("OPENSSH PRIVATE KEY")) {
            throw new KalshiAuthException(source + " is an OpenSSH key; Kalshi keys are PEM. Convert with "
                    + "'ssh-keygen -p -m PEM -f key' or download the key from Kalshi again");
        }
        List<Object> objects = PemBlocks.parse(pem, source);

        PrivateKeyInfo info = null;
        for (Object o : objects) {
            if (o instanceof PEMKeyPair) {
                info = ((PEMKeyPair) o).getPrivateKeyInfo();
            } else if (o instanceof PrivateKeyInfo) {
                info = (PrivateKeyInfo) o;
            } else if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                throw new KalshiAuthException(source + ": " + DECRYPT_HINT);
            }
            if (info != null) {
                break;
            }
        }
        if (info == null) {
            throw new KalshiAuthException(source + " " + describeNonPrivate(objects, pem)
                    + "; expected '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----'");
        }
        if (!PemBlocks.isRsa(info.getPrivateKeyAlgorithm())) {
            throw new KalshiAuthException(source + " is not an RSA key (found "
                    + PemBlocks.algorithmName(info.getPrivateKeyAlgorithm()) + "); Kalshi API keys are RSA");
        }
        PrivateKey key;
        try {
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException | RuntimeException e) {
            // Not chained: a key-factory failure message could include decoded key fields.
            throw new KalshiAuthException(source + " holds an RSA key that could not be decoded ("
                    + e.getClass().getSimpleName() + ")");
        }
        requireUsableRsa(key, source);
        requireIntact(key, source);
        return (RSAPrivateKey) key;
    }

    /** What the self-test signs: any fixed message does; this one looks like what the key will sign. */
    private static final byte[] SELF_TEST_MESSAGE = "0GET/trade-api/v2/kalshi4j-key-self-test"
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * Refuses an RSA key whose parameters contradict each other, as a key with one damaged byte does. For a key
     * with CRT parameters (every PEM key; {@link RSAPrivateCrtKey}): {@code p·q = n}, {@code dP = d mod (p-1)},
     * {@code dQ = d mod (q-1)}, {@code e·dP = 1 mod (p-1)}, {@code e·dQ = 1 mod (q-1)}, {@code q·qInv = 1 mod p};
     * then one RSA-PSS signature, made with the key and checked with the public key {@code (n, e)}. A key
     * without CRT parameters (a bare modulus and exponent, a key held in a token) has nothing to check against and
     * is accepted. Messages name the failed check, never a value.
     */
    static void requireIntact(PrivateKey key, String source) {
        if (!(key instanceof RSAPrivateCrtKey k)) {
            return;
        }
        BigInteger n = k.getModulus();
        BigInteger e = k.getPublicExponent();
        BigInteger d = k.getPrivateExponent();
        BigInteger p = k.getPrimeP();
        BigInteger q = k.getPrimeQ();
        BigInteger dp = k.getPrimeExponentP();
        BigInteger dq = k.getPrimeExponentQ();
        BigInteger qInv = k.getCrtCoefficient();
        for (BigInteger v : new BigInteger[] {n, e, d, p, q, dp, dq, qInv}) {
            if (v == null || v.signum() <= 0) {
                throw corrupted(source, "a parameter is missing or not positive");
            }
        }
        if (p.compareTo(BigInteger.ONE) <= 0 || q.compareTo(BigInteger.ONE) <= 0) {
            throw corrupted(source, "a prime is not greater than 1");
        }
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        if (!p.multiply(q).equals(n)) {
            throw corrupted(source, "its primes do not multiply to its modulus");
        }
        if (!d.mod(p1).equals(dp) || !d.mod(q1).equals(dq)) {
            throw corrupted(source, "its CRT exponents do not match its private exponent");
        }
        if (!e.multiply(dp).mod(p1).equals(BigInteger.ONE) || !e.multiply(dq).mod(q1).equals(BigInteger.ONE)) {
            throw corrupted(source, "its public exponent does not match its private exponents");
        }
        if (!q.multiply(qInv).mod(p).equals(BigInteger.ONE)) {
            throw corrupted(source, "its CRT coefficient is not the inverse of q modulo p");
        }
        selfTest(k, n, e, source);
    }

    /** Signs once with the key and verifies with its public half: the check a server makes, done here first. */
    private static void selfTest(RSAPrivateCrtKey key, BigInteger n, BigInteger e, String source) {
        String signature;
        PublicKey publicKey;
        try {
            publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            Signature signer = Signature.getInstance(Pss.JDK_ALGORITHM);
            signer.initSign(key);
            signer.setParameter(Pss.PARAMETERS);
            signer.update(SELF_TEST_MESSAGE);
            signature = Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException | RuntimeException ex) {
            // Not chained: a provider's message could quote key fields.
            throw corrupted(source, "signing a test message with it failed (" + ex.getClass().getSimpleName() + ")");
        }
        if (!RsaPssVerifier.verify(signature, SELF_TEST_MESSAGE, publicKey)) {
            throw corrupted(source, "a test signature made with it does not verify with its public key");
        }
    }

    private static KalshiAuthException corrupted(String source, String problem) {
        return new KalshiAuthException(source + " holds a corrupted RSA private key: " + problem
                + ". The file was probably damaged in copying; download or export the key again");
    }

    private static String describeNonPrivate(List<Object> objects, String pem) {
        for (Object o : objects) {
            if (o instanceof SubjectPublicKeyInfo) {
                return "contains a public key, not a private key";
            }
            if (o instanceof X509CertificateHolder) {
                return "contains a certificate, not a private key";
            }
            if (o instanceof PKCS10CertificationRequest) {
                return "contains a certificate signing request, not a private key";
            }
        }
        return "contains no private key (" + PemBlocks.labelSummary(pem) + ")";
    }
}
