package io.github.kalshi4j.auth;

import io.github.kalshi4j.errors.KalshiAuthException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * An RSA private key imported once into OpenSSL ({@code EVP_PKEY}), signing through a small pool of signing contexts
 * ({@code EVP_PKEY_CTX}, set up once for RSA-PSS), each used by one thread at a time. The SHA-256 of the message is
 * computed in Java (a few hundred nanoseconds for a request line) and OpenSSL signs that digest: the same RSA-PSS
 * signature as OpenSSL's one-shot digest-and-sign, without setting up a digest context per call.
 *
 * <p>Native memory: the key and every context are freed by {@link #close()}, or by a {@link Cleaner} once they are
 * unreachable. A context dropped by a full pool, or one whose signature failed, is freed at once. OpenSSL counts
 * references to the key, and each context holds one, so the order of these frees does not matter.
 */
final class OpenSslKey implements OpenSslSupport.NativeKey {

    // One daemon thread for every OpenSSL key and context of this class loader.
    private static final Cleaner CLEANER = Cleaner.create();
    /** {@link #state} bit: closed; the rest counts signatures in progress. */
    private static final int CLOSED = 1 << 30;

    private final OpenSslLibCrypto lib;
    private final MemorySegment pkey;
    private final Cleaner.Cleanable pkeyFree;
    private final int signatureSize;
    private final String keyId;
    private final SignaturePool<Context> pool;
    private final AtomicInteger state = new AtomicInteger();

    OpenSslKey(OpenSslLibCrypto lib, MemorySegment pkey, int signatureSize, String keyId) {
        this.lib = lib;
        this.pkey = pkey;
        this.signatureSize = signatureSize;
        this.keyId = keyId;
        this.pkeyFree = CLEANER.register(this, new FreeKey(lib, pkey));
        this.pool = new SignaturePool<>(SignaturePool.defaultSize(), this::newContext);
        // Fail at construction, not on the first request, if OpenSSL cannot sign RSA-PSS with this key.
        try {
            pool.prime();
        } catch (RuntimeException e) {
            pkeyFree.clean();
            throw e;
        }
    }

    @Override
    public byte[] sign(byte[] message) {
        if (!enter()) {
            throw new KalshiAuthException("the signer of key id " + keyId + " is closed");
        }
        try {
            Context context = pool.take();
            byte[] signature = context.sign(message);
            if (!pool.give(context)) {
                context.free();
            }
            return signature;
        } finally {
            exit();
            // The key must stay reachable, so its Cleaner waits, while a context is made from it above.
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void close() {
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    release();
                }
                return;
            }
        }
    }

    /** Counts a signature in, unless closed: a closing key waits for the count to reach zero before freeing. */
    private boolean enter() {
        for (;;) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    private void exit() {
        // Only the last signature out of a closed key sees exactly CLOSED, so release runs once.
        if (state.decrementAndGet() == CLOSED) {
            release();
        }
    }

    private void release() {
        pool.drain(Context::free);
        pkeyFree.clean();
    }

    private Context newContext() {
        try {
            return new Context(lib, lib.newSigningContext(pkey, keyId), signatureSize, keyId);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** One thread's signing context and SHA-256 digest. */
    private static final class Context {

        private final OpenSslLibCrypto lib;
        private final MemorySegment ctx;
        private final Cleaner.Cleanable ctxFree;
        private final MessageDigest sha256;
        private final int signatureSize;
        private final String keyId;

        Context(OpenSslLibCrypto lib, MemorySegment ctx, int signatureSize, String keyId) {
            this.lib = lib;
            this.ctx = ctx;
            this.ctxFree = CLEANER.register(this, new FreeContext(lib, ctx));
            this.signatureSize = signatureSize;
            this.keyId = keyId;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                ctxFree.clean();
                throw new KalshiAuthException("SHA-256 is unavailable in this JVM", e);
            }
        }

        byte[] sign(byte[] message) {
            byte[] digest = sha256.digest(message);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment signature = arena.allocate(signatureSize);
                MemorySegment length = arena.allocate(JAVA_LONG);
                long n = lib.signDigest(ctx, signature, length, arena.allocateFrom(JAVA_BYTE, digest));
                if (n <= 0 || n > signatureSize) {
                    String errors = lib.errors();
                    // The context's state after a failure is unknown: it is freed, never pooled again.
                    free();
                    throw new KalshiAuthException("OpenSSL could not sign with the key of key id " + keyId
                            + " (EVP_PKEY_sign: " + errors + ")");
                }
                return signature.asSlice(0, n).toArray(JAVA_BYTE);
            } finally {
                // ctx is only an address: this object (and so its Cleaner) must outlive the native call.
                Reference.reachabilityFence(this);
            }
        }

        void free() {
            ctxFree.clean();
        }
    }

    // Cleaner actions hold the addresses, never the objects they clean, or those would never become unreachable.

    private record FreeKey(OpenSslLibCrypto lib, MemorySegment pkey) implements Runnable {
        @Override
        public void run() {
            lib.freeKey(pkey);
        }
    }

    private record FreeContext(OpenSslLibCrypto lib, MemorySegment ctx) implements Runnable {
        @Override
        public void run() {
            lib.freeContext(ctx);
        }
    }
}
