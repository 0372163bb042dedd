package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;

import java.lang.reflect.InvocationTargetException;

/**
 * Finds the OpenSSL signer: kalshi4j's classes that call the system's OpenSSL 3 {@code libcrypto} through the Foreign
 * Function &amp; Memory API, final in Java 22. They are compiled for Java 22 and live in the jar's
 * {@code META-INF/versions/22} section (the jar is a multi-release jar), so this class, compiled for Java 17, can
 * only look for them: on Java 17 to 21 the JVM never sees them, and the openssl provider reports that it needs
 * Java 22. The outcome is computed once per class loader: the loaded library, or why there is none.
 *
 * <p>The library is the one named by {@value #LIBRARY_PROPERTY} (system property) or {@value #LIBRARY_ENV}
 * (environment), a file path or a library name; otherwise the usual name of OpenSSL 3's libcrypto on this system
 * ({@code libcrypto.so.3} on Linux), found where the system's loader looks.
 */
final class OpenSslSupport {

    /** Overrides where libcrypto is loaded from: a path or a library name the system's loader resolves. */
    static final String LIBRARY_PROPERTY = "kalshi.opensslLibrary";
    /** The environment variable {@link #LIBRARY_PROPERTY} overrides. */
    static final String LIBRARY_ENV = "KALSHI_OPENSSL_LIBRARY";
    /** The first Java release whose {@code java.lang.foreign} is final. */
    static final int MIN_JAVA = 22;

    /** The Java 22 class, present only in the jar's versioned section. */
    private static final String IMPLEMENTATION = "io.github.kalshi4j.auth.OpenSslLibCrypto";

    static final String OTHER_PROVIDERS = "or choose the jdk, bouncycastle, conscrypt or auto signer provider "
            + "(KALSHI_SIGNER_PROVIDER)";

    private OpenSslSupport() {
    }

    /** OpenSSL's libcrypto, loaded, with the functions the signer calls. Implemented by the Java 22 classes. */
    interface Library {

        /** OpenSSL's own version text, e.g. {@code OpenSSL 3.0.19 27 Jan 2026}. */
        String version();

        /** What was loaded: the library name or path. */
        String source();

        /**
         * Imports an RSA private key, once, into a native key that signs with Kalshi's RSA-PSS parameters.
         *
         * @param pkcs8 the key as PKCS#8 DER; the caller wipes it afterwards
         * @throws KalshiAuthException when OpenSSL refuses the key, with OpenSSL's error codes but no key material
         */
        NativeKey importKey(byte[] pkcs8, String keyId);
    }

    /** An RSA private key held by OpenSSL. Thread-safe. */
    interface NativeKey {

        /**
         * RSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt) signature of {@code message}, raw bytes.
         *
         * @throws KalshiAuthException when OpenSSL fails, or after {@link #close()}
         */
        byte[] sign(byte[] message);

        /** Frees the native key now (signatures in progress finish first); idempotent. */
        void close();
    }

    /** The outcome of a lookup: a library, or why there is none. */
    record Lookup(Library library, String problem) {
    }

    // Initialised on first use: a JVM that never asks for OpenSSL never loads it.
    private static final class Holder {
        static final Lookup LOOKUP = lookup(configuredLibrary());
    }

    /** True when the OpenSSL signer can be used here. */
    static boolean usable() {
        return Holder.LOOKUP.library() != null;
    }

    /** Why the OpenSSL signer cannot be used, or null when it can. */
    static String problem() {
        return Holder.LOOKUP.problem();
    }

    /**
     * The loaded library.
     *
     * @throws KalshiAuthException when this is Java 17 to 21, the Java 22 classes are missing, libcrypto cannot be
     *     loaded, or native access is denied, saying which and what to do
     */
    static Library require() {
        Lookup lookup = Holder.LOOKUP;
        if (lookup.library() == null) {
            throw new KalshiAuthException(lookup.problem());
        }
        return lookup.library();
    }

    /** The library the user named, or null for the default search. */
    static String configuredLibrary() {
        String v = System.getProperty(LIBRARY_PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(LIBRARY_ENV);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * Looks for the Java 22 classes and loads libcrypto through them, uncached (the tests try other libraries with
     * it).
     *
     * @param library a path or library name, or null for the usual names of OpenSSL 3's libcrypto
     */
    static Lookup lookup(String library) {
        Runtime.Version java = Runtime.version();
        if (java.feature() < MIN_JAVA) {
            return new Lookup(null, "the openssl signer provider needs Java " + MIN_JAVA + " or later, and this JVM is "
                    + "Java " + java + ": it calls the system's OpenSSL libcrypto through the Foreign Function & "
                    + "Memory API. Run on Java " + MIN_JAVA + "+ with --enable-native-access=ALL-UNNAMED, "
                    + OTHER_PROVIDERS);
        }
        Class<?> implementation;
        try {
            implementation = Class.forName(IMPLEMENTATION, true, OpenSslSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Lookup(null, "the openssl signer provider's classes are missing although this is Java "
                    + java.feature() + ": they are in kalshi4j's jar under META-INF/versions/" + MIN_JAVA + " and "
                    + "load only from that multi-release jar. A jar repackaged without them, or without "
                    + "'Multi-Release: true' in its manifest (a shaded or fat jar), loses them: keep both, "
                    + OTHER_PROVIDERS);
        }
        try {
            Library lib = (Library) implementation.getDeclaredConstructor(String.class).newInstance(library);
            return new Lookup(lib, null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KalshiAuthException) {
                return new Lookup(null, cause.getMessage());
            }
            return new Lookup(null, "the openssl signer provider could not load OpenSSL ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + "); " + OTHER_PROVIDERS);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return new Lookup(null, "the openssl signer provider's classes do not match this kalshi4j version ("
                    + e.getClass().getSimpleName() + "): use one kalshi4j jar, unmodified; " + OTHER_PROVIDERS);
        }
    }
}
