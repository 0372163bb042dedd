package io.github.kalshi4j.auth;

import java.security.Signature;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few initialised {@link Signature} objects of one signer, each used by one thread at a time. A {@code Signature}
 * returns to its initialised state after {@code sign()}, so one that signed cleanly can sign again without another
 * {@code initSign}; with a native provider that call is where the key is set up, so skipping it is most of the gain.
 *
 * <p>Lock-free and bounded: {@link #take()} empties a slot or, when every slot is empty (more threads are signing
 * than the pool holds), makes a new object; {@link #give(Signature)} fills an empty slot or drops the object. Nothing
 * is tied to a thread, so pooled and virtual threads never keep key-bearing objects alive after the signer is gone.
 */
final class SignaturePool {

    private final AtomicReferenceArray<Signature> slots;
    private final Supplier<Signature> factory;

    /**
     * @param size how many objects to keep; more may exist while more threads than this sign at once
     * @param factory makes an initialised {@code Signature}; its exceptions reach the caller of {@link #take()}
     */
    SignaturePool(int size, Supplier<Signature> factory) {
        this.slots = new AtomicReferenceArray<>(size);
        this.factory = factory;
    }

    /** The pool size for this machine: two per core, so a signing burst from every worker thread finds one. */
    static int defaultSize() {
        return Math.max(2, Math.min(32, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** An initialised {@code Signature} for this thread's exclusive use until it is given back. */
    Signature take() {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            Signature s = slots.get(slot);
            // Read before the compare-and-set, so threads scanning empty slots do not write to them.
            if (s != null && slots.compareAndSet(slot, s, null)) {
                return s;
            }
        }
        return factory.get();
    }

    /** Returns a {@code Signature} that completed its last {@code sign()} normally; a failed one must not return. */
    void give(Signature signature) {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, signature)) {
                return;
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
