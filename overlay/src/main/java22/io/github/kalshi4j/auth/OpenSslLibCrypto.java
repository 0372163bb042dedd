package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * OpenSSL 3's {@code libcrypto}, loaded through the Foreign Function &amp; Memory API, with the few functions the
 * OpenSSL signer calls: key import ({@code d2i_AutoPrivateKey}), one {@code EVP_PKEY_CTX} per concurrent signer set
 * up for RSA-PSS, {@code EVP_PKEY_sign}, and the error queue. Java 22 code: it lives in the jar's
 * {@code META-INF/versions/22} and {@link OpenSslSupport} finds it by name.
 *
 * <p>Every C {@code long} is seen as a Java {@code long} whatever its size on the platform; {@code size_t} must be
 * 64 bits (a 64-bit JVM).
 */
// Linker and SymbolLookup calls are restricted methods: the JVM warns about them unless the application passes
// --enable-native-access, which the README asks users of this provider to do.
@SuppressWarnings("restricted")
final class OpenSslLibCrypto implements OpenSslSupport.Library {

    /** OpenSSL 3.0.0 in {@code OpenSSL_version_num()} form. */
    private static final long MIN_VERSION = 0x3000_0000L;
    /** {@code RSA_PKCS1_PSS_PADDING} in rsa.h. */
    private static final int RSA_PKCS1_PSS_PADDING = 6;
    /** {@code OPENSSL_VERSION} for {@code OpenSSL_version}. */
    private static final int OPENSSL_VERSION = 0;
    /** OpenSSL writes at most this many bytes of text per error code. */
    private static final int ERROR_TEXT_BYTES = 256;

    private final String source;
    private final String version;

    // C signatures are in OpenSSL 3.0's headers; a long there is a Java long here (see callHandle).
    private final MethodHandle errGetError;
    private final MethodHandle errErrorStringN;
    private final MethodHandle errClearError;
    private final MethodHandle d2iAutoPrivateKey;
    private final MethodHandle pkeyFree;
    private final MethodHandle pkeyGetSize;
    private final MethodHandle ctxNewFromPkey;
    private final MethodHandle ctxFree;
    private final MethodHandle signInit;
    private final MethodHandle setRsaPadding;
    private final MethodHandle setSignatureMd;
    private final MethodHandle setRsaMgf1Md;
    private final MethodHandle setRsaPssSaltLen;
    private final MethodHandle sign;
    /** {@code EVP_sha256()}: a static object in libcrypto, never freed. */
    private final MemorySegment sha256;

    /**
     * Loads libcrypto and looks up its functions.
     *
     * @param configured a path or library name, or null for the usual names of OpenSSL 3's libcrypto here
     * @throws KalshiAuthException when no usable OpenSSL 3 libcrypto loads, or native access is denied
     */
    OpenSslLibCrypto(String configured) {
        Linker linker = Linker.nativeLinker();
        if (linker.canonicalLayouts().get("size_t").byteSize() != 8) {
            throw new KalshiAuthException("the openssl signer provider needs a 64-bit JVM; "
                    + OpenSslSupport.OTHER_PROVIDERS);
        }
        String[] loaded = new String[1];
        SymbolLookup lib = open(configured, loaded);
        this.source = loaded[0];
        Symbols s = new Symbols(linker, lib, source);

        MethodHandle versionNum = s.handle("OpenSSL_version_num", "long", "()J");
        MethodHandle versionText = s.handle("OpenSSL_version", "void*", "(I)A", "int");
        this.version = text((MemorySegment) invoke(versionText, OPENSSL_VERSION));
        long number = (long) invoke(versionNum);
        if (number < MIN_VERSION) {
            throw new KalshiAuthException("the openssl signer provider needs OpenSSL 3.0 or later, and " + source
                    + " is " + version + "; install OpenSSL 3 or point " + OpenSslSupport.LIBRARY_ENV + " at its "
                    + "libcrypto, " + OpenSslSupport.OTHER_PROVIDERS);
        }
        this.errGetError = s.handle("ERR_get_error", "long", "()J");
        this.errErrorStringN = s.handle("ERR_error_string_n", null, "(JAJ)V", "long", "void*", "size_t");
        this.errClearError = s.handle("ERR_clear_error", null, "()V");
        this.d2iAutoPrivateKey = s.handle("d2i_AutoPrivateKey", "void*", "(AAJ)A", "void*", "void*", "long");
        this.pkeyFree = s.handle("EVP_PKEY_free", null, "(A)V", "void*");
        this.pkeyGetSize = s.handle("EVP_PKEY_get_size", "int", "(A)I", "void*");
        this.ctxNewFromPkey = s.handle("EVP_PKEY_CTX_new_from_pkey", "void*", "(AAA)A", "void*", "void*", "void*");
        this.ctxFree = s.handle("EVP_PKEY_CTX_free", null, "(A)V", "void*");
        this.signInit = s.handle("EVP_PKEY_sign_init", "int", "(A)I", "void*");
        this.setRsaPadding = s.handle("EVP_PKEY_CTX_set_rsa_padding", "int", "(AI)I", "void*", "int");
        this.setSignatureMd = s.handle("EVP_PKEY_CTX_set_signature_md", "int", "(AA)I", "void*", "void*");
        this.setRsaMgf1Md = s.handle("EVP_PKEY_CTX_set_rsa_mgf1_md", "int", "(AA)I", "void*", "void*");
        this.setRsaPssSaltLen = s.handle("EVP_PKEY_CTX_set_rsa_pss_saltlen", "int", "(AI)I", "void*", "int");
        this.sign = s.handle("EVP_PKEY_sign", "int", "(AAAAJ)I", "void*", "void*", "void*", "void*", "size_t");
        this.sha256 = (MemorySegment) invoke(s.handle("EVP_sha256", "void*", "()A"));
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public OpenSslSupport.NativeKey importKey(byte[] pkcs8, String keyId) {
        MemorySegment pkey;
        clearErrors();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment der = arena.allocate(pkcs8.length);
            try {
                der.copyFrom(MemorySegment.ofArray(pkcs8));
                // d2i advances the pointer it is given, so it gets a pointer to a pointer to the DER bytes.
                MemorySegment cursor = arena.allocateFrom(ADDRESS, der);
                pkey = (MemorySegment) invoke(d2iAutoPrivateKey, MemorySegment.NULL, cursor, (long) pkcs8.length);
            } finally {
                der.fill((byte) 0);
            }
        }
        if (pkey.equals(MemorySegment.NULL)) {
            throw new KalshiAuthException("OpenSSL could not import the private key of key id " + keyId
                    + " (d2i_AutoPrivateKey: " + errors() + ")");
        }
        int size = (int) invoke(pkeyGetSize, pkey);
        if (size <= 0) {
            freeKey(pkey);
            throw new KalshiAuthException("OpenSSL imported the private key of key id " + keyId + " but reports no "
                    + "signature size for it (" + errors() + ")");
        }
        return new OpenSslKey(this, pkey, size, keyId);
    }

    /**
     * A new {@code EVP_PKEY_CTX} for {@code pkey}, initialised for signing with Kalshi's RSA-PSS parameters: the
     * message digest SHA-256, MGF1 with SHA-256, a 32-byte salt. It holds its own reference to the key.
     */
    MemorySegment newSigningContext(MemorySegment pkey, String keyId) {
        clearErrors();
        MemorySegment ctx = (MemorySegment) invoke(ctxNewFromPkey, MemorySegment.NULL, pkey, MemorySegment.NULL);
        if (ctx.equals(MemorySegment.NULL)) {
            throw new KalshiAuthException("OpenSSL could not make a signing context for key id " + keyId
                    + " (EVP_PKEY_CTX_new_from_pkey: " + errors() + ")");
        }
        String step = null;
        if ((int) invoke(signInit, ctx) <= 0) {
            step = "EVP_PKEY_sign_init";
        } else if ((int) invoke(setRsaPadding, ctx, RSA_PKCS1_PSS_PADDING) <= 0) {
            step = "EVP_PKEY_CTX_set_rsa_padding(PSS)";
        } else if ((int) invoke(setSignatureMd, ctx, sha256) <= 0) {
            step = "EVP_PKEY_CTX_set_signature_md(SHA-256)";
        } else if ((int) invoke(setRsaMgf1Md, ctx, sha256) <= 0) {
            step = "EVP_PKEY_CTX_set_rsa_mgf1_md(SHA-256)";
        } else if ((int) invoke(setRsaPssSaltLen, ctx, Pss.PARAMETERS.getSaltLength()) <= 0) {
            step = "EVP_PKEY_CTX_set_rsa_pss_saltlen(32)";
        }
        if (step != null) {
            String errors = errors();
            freeContext(ctx);
            throw new KalshiAuthException("OpenSSL cannot sign RSA-PSS with the key of key id " + keyId + " ("
                    + step + ": " + errors + ")");
        }
        return ctx;
    }

    /**
     * Signs a SHA-256 digest with a context from {@link #newSigningContext}.
     *
     * @return the signature's length in {@code signature}, or -1 when OpenSSL failed (its errors are still queued)
     */
    long signDigest(MemorySegment ctx, MemorySegment signature, MemorySegment signatureLength, MemorySegment digest) {
        signatureLength.set(JAVA_LONG, 0, signature.byteSize());
        int ok;
        try {
            // The one call per request: invokeExact, with no boxing or argument conversion.
            ok = (int) sign.invokeExact(ctx, signature, signatureLength, digest, digest.byteSize());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("EVP_PKEY_sign failed to run", t);
        }
        return ok > 0 ? signatureLength.get(JAVA_LONG, 0) : -1;
    }

    void freeContext(MemorySegment ctx) {
        invoke(ctxFree, ctx);
    }

    void freeKey(MemorySegment pkey) {
        invoke(pkeyFree, pkey);
    }

    /**
     * This thread's queued OpenSSL errors as OpenSSL's own texts ({@code error:CODE:library::reason}), which name
     * the failing step, never key data; the queue is left empty.
     */
    String errors() {
        // OpenSSL's decoders each queue the same error as they give up in turn: each text is reported once.
        Set<String> texts = new LinkedHashSet<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(ERROR_TEXT_BYTES);
            // The queue holds at most 16 entries; the oldest is the first cause.
            for (int i = 0; i < 16; i++) {
                long code = (long) invoke(errGetError);
                if (code == 0) {
                    break;
                }
                invoke(errErrorStringN, code, buffer, (long) ERROR_TEXT_BYTES);
                texts.add(buffer.getString(0));
            }
        }
        clearErrors();
        return texts.isEmpty() ? "OpenSSL queued no error" : String.join("; ", texts);
    }

    /** Empties this thread's error queue, so what a failure reports is that failure's. */
    void clearErrors() {
        invoke(errClearError);
    }

    // ---------------------------------------------------------------------------------------------- loading

    private static SymbolLookup open(String configured, String[] loaded) {
        List<String> candidates = configured != null ? List.of(configured) : defaultNames();
        for (String candidate : candidates) {
            try {
                // A name with a separator is a file; a bare name goes to the system's loader (LD_LIBRARY_PATH,
                // the ld.so cache, and so on), like the libraries a program links against.
                SymbolLookup lookup = candidate.indexOf('/') >= 0 || candidate.indexOf('\\') >= 0
                        ? SymbolLookup.libraryLookup(Path.of(candidate), Arena.global())
                        : SymbolLookup.libraryLookup(candidate, Arena.global());
                loaded[0] = candidate;
                return lookup;
            } catch (IllegalArgumentException e) {
                // Not loadable under this name: try the next one.
            } catch (IllegalCallerException e) {
                throw nativeAccessDenied();
            }
        }
        if (configured != null) {
            throw new KalshiAuthException("the openssl signer provider cannot load the library " + configured
                    + ", which " + OpenSslSupport.LIBRARY_ENV + " (or -D" + OpenSslSupport.LIBRARY_PROPERTY
                    + ") names: give the path of OpenSSL 3's libcrypto, " + OpenSslSupport.OTHER_PROVIDERS);
        }
        throw new KalshiAuthException("the openssl signer provider needs OpenSSL 3's libcrypto, which is not "
                + "installed where this system's loader looks (tried " + String.join(", ", candidates) + "): "
                + "install OpenSSL 3 (on Debian and Ubuntu the libssl3 package), or set "
                + OpenSslSupport.LIBRARY_ENV + " (or -D" + OpenSslSupport.LIBRARY_PROPERTY + ") to the path of its "
                + "libcrypto, " + OpenSslSupport.OTHER_PROVIDERS);
    }

    /** Where OpenSSL 3's libcrypto is on each family of systems: its soname first, then common install paths. */
    private static List<String> defaultNames() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            // macOS's own /usr/lib/libcrypto is LibreSSL and refuses to be loaded; Homebrew's OpenSSL 3 is keg-only.
            return List.of("libcrypto.3.dylib", "/opt/homebrew/opt/openssl@3/lib/libcrypto.3.dylib",
                    "/usr/local/opt/openssl@3/lib/libcrypto.3.dylib");
        }
        if (os.contains("windows")) {
            return List.of("libcrypto-3-x64.dll", "libcrypto-3.dll");
        }
        return List.of("libcrypto.so.3");
    }

    private static KalshiAuthException nativeAccessDenied() {
        Module module = OpenSslLibCrypto.class.getModule();
        String flag = "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
        return new KalshiAuthException("the openssl signer provider calls OpenSSL through the Foreign Function & "
                + "Memory API, and this JVM denies kalshi4j native access: start java with " + flag + ", "
                + OpenSslSupport.OTHER_PROVIDERS);
    }

    /** Looks up functions and makes their downcall handles, with a clear error for a missing one. */
    private record Symbols(Linker linker, SymbolLookup lib, String source) {

        /**
         * A handle for {@code name}, declared with C types (canonical layout names, or {@code null} for a
         * {@code void} result) and seen from Java as {@code javaType} ({@code J} long, {@code I} int, {@code A}
         * address, {@code V} void), so a C {@code long} is a Java {@code long} on every platform.
         */
        MethodHandle handle(String name, String result, String javaType, String... parameters) {
            MemorySegment address = lib.find(name).orElseThrow(() -> new KalshiAuthException(source + " is not "
                    + "OpenSSL 3's libcrypto: it has no function " + name + "; install OpenSSL 3 or point "
                    + OpenSslSupport.LIBRARY_ENV + " at its libcrypto, " + OpenSslSupport.OTHER_PROVIDERS));
            MemoryLayout[] args = new MemoryLayout[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                args[i] = layout(parameters[i]);
            }
            FunctionDescriptor descriptor = result == null ? FunctionDescriptor.ofVoid(args)
                    : FunctionDescriptor.of(layout(result), args);
            MethodHandle raw = linker.downcallHandle(address, descriptor);
            return MethodHandles.explicitCastArguments(raw, javaType(javaType));
        }

        private MemoryLayout layout(String cType) {
            return cType.equals("void*") ? ADDRESS : linker.canonicalLayouts().get(cType);
        }

        private static MethodType javaType(String signature) {
            int close = signature.indexOf(')');
            List<Class<?>> parameters = new ArrayList<>();
            for (int i = 1; i < close; i++) {
                parameters.add(javaClass(signature.charAt(i)));
            }
            return MethodType.methodType(javaClass(signature.charAt(close + 1)), parameters);
        }

        private static Class<?> javaClass(char code) {
            return switch (code) {
                case 'J' -> long.class;
                case 'I' -> int.class;
                case 'A' -> MemorySegment.class;
                case 'V' -> void.class;
                default -> throw new IllegalArgumentException("type code " + code);
            };
        }
    }

    /**
     * Calls a downcall handle outside the signing path (setup, errors, frees), where boxing costs nothing that
     * matters; a native call throws nothing checked.
     */
    private static Object invoke(MethodHandle handle, Object... arguments) {
        try {
            return handle.invokeWithArguments(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call failed", t);
        }
    }

    private static String text(MemorySegment cString) {
        // A NUL-terminated string of unknown length, which getString reads up to its NUL.
        return cString.equals(MemorySegment.NULL) ? "unknown version"
                : cString.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
