package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * Finds Conscrypt ({@code org.conscrypt:conscrypt-openjdk-uber}) on the classpath by reflection, so the SDK jar
 * neither needs it to compile nor to run. The outcome is computed once per class loader: whether the provider is
 * usable, or the reason it is not (absent, or present with a native library that does not load here).
 */
final class ConscryptSupport {

    /** Maven coordinates users add, as every message here names them. */
    static final String COORDINATES = "org.conscrypt:conscrypt-openjdk-uber:2.5.2";

    private static final String ENTRY_CLASS = "org.conscrypt.Conscrypt";

    private ConscryptSupport() {
    }

    /** The outcome of the lookup: a provider, or why there is none. */
    private record Lookup(java.security.Provider provider, boolean present, String problem) {
    }

    // Initialised on first use: a JVM that never asks for Conscrypt never touches the class or its native code.
    private static final class Holder {
        static final Lookup LOOKUP = lookup();
    }

    /** True when Conscrypt is on the classpath and its native library loaded. */
    static boolean usable() {
        return Holder.LOOKUP.provider != null;
    }

    /** True when the Conscrypt classes are on the classpath, whether or not the native library loads. */
    static boolean present() {
        return Holder.LOOKUP.present;
    }

    /** Why Conscrypt cannot be used, or null when it can. */
    static String problem() {
        return Holder.LOOKUP.problem;
    }

    /**
     * This JVM's private Conscrypt provider instance (never registered with {@code Security}).
     *
     * @throws KalshiAuthException when Conscrypt is absent or its native library cannot load, saying which
     */
    static java.security.Provider require() {
        Lookup lookup = Holder.LOOKUP;
        if (lookup.provider == null) {
            throw new KalshiAuthException(lookup.problem);
        }
        return lookup.provider;
    }

    private static Lookup lookup() {
        Class<?> entry;
        try {
            entry = Class.forName(ENTRY_CLASS, true, ConscryptSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Lookup(null, false, "the conscrypt signer provider was requested but Conscrypt is not on the "
                    + "classpath: add the dependency " + COORDINATES + ", or choose the jdk, bouncycastle or auto "
                    + "provider (KALSHI_SIGNER_PROVIDER)");
        }
        try {
            // checkAvailability() rethrows the error that stopped the native library from loading, which
            // isAvailable() would swallow; that error is what tells the user why.
            entry.getMethod("checkAvailability").invoke(null);
            Object provider = entry.getMethod("newProvider").invoke(null);
            return new Lookup((java.security.Provider) provider, true, null);
        } catch (InvocationTargetException e) {
            return new Lookup(null, true, nativeProblem(e.getCause()));
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return new Lookup(null, true, "Conscrypt is on the classpath but is not a version kalshi4j can use ("
                    + e.getClass().getSimpleName() + "); use " + COORDINATES);
        }
    }

    private static String nativeProblem(Throwable cause) {
        String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        String reason = cause == null ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return "Conscrypt is on the classpath but its native library cannot load on this platform ("
                + platform.toLowerCase(Locale.ROOT) + "): " + reason + ". The " + COORDINATES + " jar carries "
                + "native code for Linux and macOS on x86_64 and Windows on x86 and x86_64 only; choose the jdk or "
                + "auto signer provider (KALSHI_SIGNER_PROVIDER) on this machine";
    }
}
