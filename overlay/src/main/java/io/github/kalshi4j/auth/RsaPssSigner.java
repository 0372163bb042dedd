package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link KalshiSigner} backed by an in-memory (or provider-held) RSA private key.
 *
 * <p>The key is converted once, when the signer is made, into the chosen provider's own key form (for Conscrypt a
 * native BoringSSL key), and initialised {@link Signature} objects are reused from a small pool, so a signature
 * costs the private-key operation and little else. Immutable from the caller's side and thread-safe: concurrent
 * calls each get their own {@code Signature}.
 *
 * <p>Which implementation computes the signatures is a {@link Provider}; the factories use {@link Provider#AUTO}:
 * Conscrypt when it is on the classpath and works on this platform, else the JDK. {@link Provider#OPENSSL} (the
 * system's OpenSSL on Java 22 and later) is used only when asked for.
 *
 * <p>Closing a signer is optional: {@link #close()} frees what a native provider holds for the key at once, and a
 * signer that is never closed frees it when it is garbage collected. Clients never close the signer they sign with.
 */
public final class RsaPssSigner implements KalshiSigner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RsaPssSigner.class);
    private static final AtomicBoolean WARNED_UNUSABLE_CONSCRYPT = new AtomicBoolean();

    /** Which cryptographic implementation computes the signatures. */
    public enum Provider {
        /**
         * {@link #CONSCRYPT} when Conscrypt is on the classpath, its native library loads and it accepts the key;
         * otherwise {@link #JDK}; never {@link #OPENSSL}, which is used only when asked for. The default. A signer
         * reports the provider this resolved to, never {@code AUTO}.
         */
        AUTO("auto"),
        /** The JDK's RSASSA-PSS, chosen by the JCA for the key (so PKCS#11 keys work). */
        JDK("jdk"),
        /** A private Bouncy Castle provider instance; never registered globally with {@code Security}. */
        BOUNCY_CASTLE("bouncycastle"),
        /**
         * Conscrypt (BoringSSL through JNI), about twice as fast as the JDK at RSA signing; needs the optional
         * dependency {@code org.conscrypt:conscrypt-openjdk-uber:2.5.2}, whose jar carries the native library for
         * Linux and macOS on x86_64 and Windows on x86 and x86_64. A private instance, never registered globally.
         */
        CONSCRYPT("conscrypt"),
        /**
         * The system's OpenSSL 3 ({@code libcrypto}) through the Foreign Function &amp; Memory API: as fast as OpenSSL
         * itself, which on a CPU with AVX-512 IFMA is more than twice Conscrypt's speed. Needs Java 22 or later
         * (the classes are in the jar's Java 22 section; on Java 17 to 21 asking for it fails, saying so), OpenSSL
         * 3's libcrypto where the system's loader finds it (or where {@code KALSHI_OPENSSL_LIBRARY} points), and
         * {@code --enable-native-access=ALL-UNNAMED} on the java command line, without which the JVM prints a
         * warning (or, with {@code --illegal-native-access=deny}, refuses). Never chosen by {@link #AUTO}.
         */
        OPENSSL("openssl");

        private final String configName;

        Provider(String configName) {
            this.configName = configName;
        }

        /** The name used in configuration, e.g. {@code KALSHI_SIGNER_PROVIDER=bouncycastle}. */
        public String configName() {
            return configName;
        }

        /**
         * Whether a signer can be made with this provider here: always, except {@link #CONSCRYPT} when Conscrypt is
         * absent or its native library does not load on this platform, and {@link #OPENSSL} before Java 22, without
         * OpenSSL 3's libcrypto, or with native access denied. Asking about {@code OPENSSL} loads libcrypto.
         */
        public boolean isAvailable() {
            return switch (this) {
                case CONSCRYPT -> ConscryptSupport.usable();
                case OPENSSL -> OpenSslSupport.usable();
                default -> true;
            };
        }

        /**
         * The provider for a configuration name: {@code jdk}, {@code bouncycastle}, {@code conscrypt},
         * {@code openssl} or {@code auto}, in any case, surrounding blanks ignored.
         *
         * @throws IllegalArgumentException for any other name, listing the allowed ones
         */
        public static Provider fromConfigName(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            for (Provider p : values()) {
                if (p.configName.equals(n)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown signer provider \"" + name + "\"; allowed: " + allowedNames());
        }

        /** The configuration names, comma-separated, for messages. */
        static String allowedNames() {
            StringBuilder b = new StringBuilder();
            for (Provider p : values()) {
                b.append(b.length() == 0 ? "" : ", ").append(p.configName);
            }
            return b.toString();
        }
    }

    private final String keyId;
    /** The key as given, kept so {@link #withProvider(Provider)} can convert it for another provider. */
    private final PrivateKey key;
    private final Provider requested;
    private final Provider provider;
    /** The key in the provider's own form, converted once. */
    private final PrivateKey providerKey;
    /** The provider instance; null for the JDK, where the JCA picks the provider that accepts the key. */
    private final java.security.Provider jca;
    private final int modulusBits;
    /** Initialised {@code Signature}s of a JCA provider; null for OpenSSL. */
    private final SignaturePool<Signature> pool;
    /** The key inside OpenSSL; null for the JCA providers. */
    private final OpenSslSupport.NativeKey nativeKey;
    private volatile boolean closed;

    private RsaPssSigner(String keyId, PrivateKey key, Provider requested) {
        this.keyId = keyId;
        this.key = key;
        this.requested = requested;
        this.modulusBits = key instanceof RSAKey ? ((RSAKey) key).getModulus().bitLength() : -1;
        Provider resolved = requested == Provider.AUTO ? autoChoice(key) : requested;
        this.provider = resolved;
        if (resolved == Provider.OPENSSL) {
            this.jca = null;
            this.providerKey = key;
            this.pool = null;
            this.nativeKey = openSslKey(key, keyId);
            return;
        }
        this.nativeKey = null;
        this.jca = switch (resolved) {
            case BOUNCY_CASTLE -> BouncyCastle.PROVIDER;
            case CONSCRYPT -> ConscryptSupport.require();
            default -> null;
        };
        this.providerKey = jca == null ? jdkForm(key) : providerForm(jca, key, resolved, keyId);
        this.pool = new SignaturePool<>(SignaturePool.defaultSize(), this::newSignature);
        // Fail at construction, not on the first request, if this provider cannot use the key.
        pool.prime();
    }

    /**
     * Creates a signer for an RSA key of at least 2048 bits, with the {@link Provider#AUTO} provider.
     *
     * @throws KalshiAuthException when the key is not RSA, too small, or corrupted (its CRT parameters disagree
     *     with its modulus and exponents, or it makes signatures its own public key does not verify)
     */
    public static RsaPssSigner of(String keyId, PrivateKey key) {
        return of(keyId, key, Provider.AUTO);
    }

    /**
     * Creates a signer for an RSA key of at least 2048 bits that computes signatures with {@code provider}.
     *
     * @throws KalshiAuthException for an unusable key, or when the provider is unavailable (Conscrypt absent or
     *     its native library not loading here; OpenSSL before Java 22, without libcrypto, or denied native access)
     *     or cannot use the key, saying which
     */
    public static RsaPssSigner of(String keyId, PrivateKey key, Provider provider) {
        String id = Pss.checkKeyId(keyId);
        PrivateKeys.requireUsableRsa(key, "private key");
        PrivateKeys.requireIntact(key, "private key");
        return new RsaPssSigner(id, key, Objects.requireNonNull(provider, "provider"));
    }

    /** Creates a signer from PKCS#1 or PKCS#8 PEM text, with the {@link Provider#AUTO} provider. */
    public static RsaPssSigner fromPem(String keyId, String pem) {
        String id = Pss.checkKeyId(keyId);
        return new RsaPssSigner(id, PrivateKeys.fromPem(pem), Provider.AUTO);
    }

    /** Creates a signer from PKCS#1 or PKCS#8 PEM bytes, with the {@link Provider#AUTO} provider. */
    public static RsaPssSigner fromPem(String keyId, byte[] pem) {
        String id = Pss.checkKeyId(keyId);
        return new RsaPssSigner(id, PrivateKeys.fromPem(pem), Provider.AUTO);
    }

    /** Creates a signer from a PEM file, with the {@link Provider#AUTO} provider. */
    public static RsaPssSigner fromPath(String keyId, Path path) {
        String id = Pss.checkKeyId(keyId);
        return new RsaPssSigner(id, PrivateKeys.fromPath(path), Provider.AUTO);
    }

    /**
     * Creates a signer from a PEM file, with the {@link Provider#AUTO} provider; a leading {@code ~} means the
     * user's home directory.
     */
    public static RsaPssSigner fromPath(String keyId, String path) {
        String id = Pss.checkKeyId(keyId);
        return new RsaPssSigner(id, PrivateKeys.fromPath(path), Provider.AUTO);
    }

    /**
     * Returns a signer with the same key that computes signatures with {@code provider}; this signer itself when
     * that would change nothing.
     *
     * @throws KalshiAuthException when the provider is unavailable or cannot use the key, saying which
     */
    public RsaPssSigner withProvider(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        if (provider == requested || provider == this.provider
                || (provider == Provider.AUTO && this.provider == autoChoice(key))) {
            return this;
        }
        return new RsaPssSigner(keyId, key, provider);
    }

    /** The provider this signer uses: {@link Provider#AUTO} resolved, so never {@code AUTO} itself. */
    public Provider provider() {
        return provider;
    }

    /** Size of the RSA modulus in bits, or -1 if the key (e.g. in an HSM) does not reveal it. */
    public int modulusBits() {
        return modulusBits;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (closed) {
            throw new KalshiAuthException("the signer of key id " + keyId + " is closed");
        }
        if (nativeKey != null) {
            return Base64.getEncoder().encodeToString(nativeKey.sign(message));
        }
        Signature signature = pool.take();
        byte[] bytes;
        try {
            signature.update(message);
            bytes = signature.sign();
        } catch (GeneralSecurityException | ProviderException e) {
            // The object's state is unknown after a failure, so it is dropped rather than given back.
            throw new KalshiAuthException("RSA-PSS signing failed for key id " + keyId + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        pool.give(signature);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Stops this signer: later calls to {@link #sign(byte[])} throw {@link KalshiAuthException}. With
     * {@link Provider#OPENSSL} it frees the native key and contexts now (a signature in progress finishes first);
     * otherwise it only drops the pooled {@code Signature} objects. Idempotent; never needed for correctness, since
     * an unreachable signer is freed by the garbage collector.
     */
    @Override
    public void close() {
        closed = true;
        if (nativeKey != null) {
            nativeKey.close();
        } else {
            pool.drain(s -> { });
        }
    }

    /** Shows the key id, size and provider; never key material. */
    @Override
    public String toString() {
        return "RsaPssSigner[keyId=" + keyId + ", bits=" + (modulusBits < 0 ? "unknown" : modulusBits)
                + ", provider=" + provider + "]";
    }

    private Signature newSignature() {
        try {
            Signature signature;
            if (jca == null) {
                signature = Signature.getInstance(Pss.JDK_ALGORITHM);
                // initSign first: it lets the JCA pick a provider that accepts this key (e.g. PKCS#11);
                // setting parameters first would bind the first installed provider.
                signature.initSign(providerKey);
                signature.setParameter(Pss.PARAMETERS);
            } else {
                signature = Signature.getInstance(Pss.PROVIDER_ALGORITHM, jca);
                signature.initSign(providerKey);
                signature.setParameter(Pss.PARAMETERS);
            }
            return signature;
        } catch (InvalidKeyException e) {
            throw new KalshiAuthException("the " + provider + " provider cannot sign with this key (key id "
                    + keyId + ", " + key.getAlgorithm() + ")", e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new KalshiAuthException("RSA-PSS is unavailable from the " + provider + " provider ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** What {@link Provider#AUTO} means for this key on this JVM. */
    private static Provider autoChoice(PrivateKey key) {
        if (ConscryptSupport.usable()) {
            // Conscrypt imports the key's numbers; a key that keeps them hidden (an HSM, a smart card) stays with
            // the JDK, whose JCA finds the provider that holds it.
            return key instanceof RSAPrivateCrtKey ? Provider.CONSCRYPT : Provider.JDK;
        }
        if (ConscryptSupport.present() && WARNED_UNUSABLE_CONSCRYPT.compareAndSet(false, true)) {
            // Someone added Conscrypt to sign faster; say once why it is not being used rather than stay silent.
            LOG.warn("signing with the JDK provider: {}", ConscryptSupport.problem());
        }
        return Provider.JDK;
    }

    /**
     * The key imported into OpenSSL. Only a whole RSA key (modulus, exponents and CRT parameters, as every PEM file
     * has) can be handed over; its PKCS#8 bytes are wiped once OpenSSL holds it.
     */
    private static OpenSslSupport.NativeKey openSslKey(PrivateKey key, String keyId) {
        OpenSslSupport.Library openssl = OpenSslSupport.require();
        PrivateKey jdk = jdkForm(key);
        if (!(jdk instanceof RSAPrivateCrtKey crt) || crt.getPrimeP().signum() == 0
                || crt.getCrtCoefficient().signum() == 0) {
            throw new KalshiAuthException("the openssl provider needs the whole RSA private key of key id " + keyId
                    + " (with its CRT parameters, as PEM files have it); a key held in hardware or given without "
                    + "them needs the jdk provider");
        }
        byte[] pkcs8 = crt.getEncoded();
        if (pkcs8 == null || !"PKCS#8".equalsIgnoreCase(crt.getFormat())) {
            throw new KalshiAuthException("the openssl provider cannot export the private key of key id " + keyId
                    + " (" + key.getClass().getSimpleName() + "); a key held in hardware needs the jdk provider");
        }
        try {
            return openssl.importKey(pkcs8, keyId);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * The key as the JDK's own RSA implementation holds it, so no {@code initSign} converts it again; a key the JDK
     * cannot translate (one held by PKCS#11, say) is used as given, and the JCA picks the provider that holds it.
     */
    private static PrivateKey jdkForm(PrivateKey key) {
        try {
            Key translated = KeyFactory.getInstance("RSA").translateKey(key);
            return translated instanceof PrivateKey ? (PrivateKey) translated : key;
        } catch (GeneralSecurityException | ProviderException e) {
            return key;
        }
    }

    private static PrivateKey providerForm(java.security.Provider jca, PrivateKey key, Provider provider,
            String keyId) {
        try {
            Key translated = KeyFactory.getInstance("RSA", jca).translateKey(key);
            if (translated instanceof PrivateKey) {
                return (PrivateKey) translated;
            }
            throw new KalshiAuthException("the " + provider + " provider did not convert the private key of key id "
                    + keyId + " into a private key");
        } catch (InvalidKeyException e) {
            // Not chained: a provider's key-conversion message could describe key fields.
            throw new KalshiAuthException("the " + provider + " provider cannot use the private key of key id "
                    + keyId + " (" + key.getAlgorithm() + ", " + key.getClass().getSimpleName() + "); a key held in "
                    + "hardware needs the jdk provider");
        } catch (GeneralSecurityException | ProviderException e) {
            throw new KalshiAuthException("RSA keys are unavailable from the " + provider + " provider ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Holds the private Bouncy Castle instance, created only if someone asks for it. */
    static final class BouncyCastle {
        static final java.security.Provider PROVIDER = new BouncyCastleProvider();

        private BouncyCastle() {
        }
    }
}
