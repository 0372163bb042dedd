package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * Loads RSA public keys from PEM ({@code BEGIN PUBLIC KEY}, {@code BEGIN RSA PUBLIC KEY} or a
 * {@code BEGIN CERTIFICATE}'s key), e.g. for verifying signatures in a test exchange.
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** Parses an RSA public key from PEM text. */
    public static RSAPublicKey fromPem(String pem) {
        return parse(PemBlocks.text(pem, "public key PEM"));
    }

    /** Parses an RSA public key from PEM bytes (UTF-8 or ASCII). */
    public static RSAPublicKey fromPem(byte[] pem) {
        return parse(PemBlocks.text(pem, "public key PEM"));
    }

    private static RSAPublicKey parse(String pem) {
        String source = "public key PEM";
        List<Object> objects = PemBlocks.parse(pem, source);
        SubjectPublicKeyInfo info = null;
        for (Object o : objects) {
            if (o instanceof SubjectPublicKeyInfo) {
                info = (SubjectPublicKeyInfo) o;
            } else if (o instanceof X509CertificateHolder) {
                info = ((X509CertificateHolder) o).getSubjectPublicKeyInfo();
            } else if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo
                    || o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                // Private keys do not belong here; say so rather than silently deriving the public half.
                throw new KalshiAuthException(source + " contains a private key, not a public key");
            }
            if (info != null) {
                break;
            }
        }
        if (info == null) {
            throw new KalshiAuthException(source + " contains no public key (" + PemBlocks.labelSummary(pem)
                    + "); expected '-----BEGIN PUBLIC KEY-----'");
        }
        if (!PemBlocks.isRsa(info.getAlgorithm())) {
            throw new KalshiAuthException(source + " is not an RSA key (found "
                    + PemBlocks.algorithmName(info.getAlgorithm()) + ")");
        }
        try {
            PublicKey key = new JcaPEMKeyConverter().getPublicKey(info);
            return (RSAPublicKey) key;
        } catch (PEMException | RuntimeException e) {
            throw new KalshiAuthException(source + " holds an RSA key that could not be decoded ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
