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
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Objects;

/**
 * Loads RSA private keys from unencrypted PEM: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or
 * PKCS#8 ({@code BEGIN PRIVATE KEY}). Failures throw {@link KalshiAuthException} without key material.
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
        return (RSAPrivateKey) key;
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
