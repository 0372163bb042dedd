package io.github.kalshi4j.auth;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A few initialised signing objects of one signer, each used by one thread at a time: JCA {@code Signature}s, or
 * OpenSSL contexts for the openssl provider. A {@code Signature} returns to its initialised state after
 * {@code sign()}, so one that signed cleanly can sign again without another {@code initSign}; with a native provider
 * that call is where the key is set up, so skipping it is most of the gain.
 *
 * <p>Lock-free and bounded: {@link #take()} empties a slot or, when every slot is empty (more threads are signing
 * than the pool holds), makes a new object; {@link #give(Object)} fills an empty slot or drops the object. Nothing
 * is tied to a thread, so pooled and virtual threads never keep key-bearing objects alive after the signer is gone.
 *
 * @param <T> the pooled object
 */
final class SignaturePool<T> {

    private final AtomicReferenceArray<T> slots;
    private final Supplier<T> factory;

    /**
     * @param size how many objects to keep; more may exist while more threads than this sign at once
     * @param factory makes an initialised object; its exceptions reach the caller of {@link #take()}
     */
    SignaturePool(int size, Supplier<T> factory) {
        this.slots = new AtomicReferenceArray<>(size);
        this.factory = factory;
    }

    /** The pool size for this machine: two per core, so a signing burst from every worker thread finds one. */
    static int defaultSize() {
        return Math.max(2, Math.min(32, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** An initialised object for this thread's exclusive use until it is given back. */
    T take() {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            T s = slots.get(slot);
            // Read before the compare-and-set, so threads scanning empty slots do not write to them.
            if (s != null && slots.compareAndSet(slot, s, null)) {
                return s;
            }
        }
        return factory.get();
    }

    /**
     * Returns an object that completed its last signature normally; a failed one must not return.
     *
     * @return true when the pool kept it; false when it was dropped (the caller frees what the GC does not)
     */
    boolean give(T signature) {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, signature)) {
                return true;
            }
        }
        return false;
    }

    /** Empties every slot, handing each object to {@code release}; objects taken at the time stay with their takers. */
    void drain(Consumer<? super T> release) {
        for (int slot = 0; slot < slots.length(); slot++) {
            T s = slots.getAndSet(slot, null);
            if (s != null) {
                release.accept(s);
            }
        }
    }

    /** Fills one slot, so the first request does not pay for setting up the provider's objects. */
    void prime() {
        give(factory.get());
    }

    // Threads start scanning at different slots, so concurrent signers rarely contend for the same one.
    private static int start(int n) {
        return (int) ((Thread.currentThread().getId() * 0x9E3779B9L >>> 16) % n);
    }
}
