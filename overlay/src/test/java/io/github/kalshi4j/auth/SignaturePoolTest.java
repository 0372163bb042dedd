package io.github.kalshi4j.auth;

import org.junit.jupiter.api.Test;

import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool of initialised {@code Signature} objects behind every {@link RsaPssSigner}. */
class SignaturePoolTest {

    private final AtomicInteger made = new AtomicInteger();

    private SignaturePool<Signature> pool(int size) {
        return new SignaturePool<>(size, () -> {
            made.incrementAndGet();
            try {
                return Signature.getInstance("RSASSA-PSS");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aSignatureGivenBack_isTheOneTheNextCallerTakes() {
        SignaturePool<Signature> pool = pool(4);
        Signature first = pool.take();
        pool.give(first);
        assertSame(first, pool.take());
        assertEquals(1, made.get(), "reused, not made again");
    }

    @Test
    void anEmptyPool_makesANewSignatureForEachConcurrentCaller() {
        SignaturePool<Signature> pool = pool(2);
        Signature a = pool.take();
        Signature b = pool.take();
        Signature c = pool.take();
        assertNotSame(a, b);
        assertNotSame(b, c);
        assertEquals(3, made.get());
    }

    @Test
    void aFullPool_dropsWhatItCannotHold() {
        SignaturePool<Signature> pool = pool(2);
        List<Signature> taken = new ArrayList<>(List.of(pool.take(), pool.take(), pool.take()));
        taken.forEach(pool::give);
        Signature x = pool.take();
        Signature y = pool.take();
        assertTrue(taken.contains(x) && taken.contains(y));
        pool.take();
        assertEquals(4, made.get(), "the third object given back was dropped, so a third taker gets a new one");
    }

    @Test
    void give_saysWhetherThePoolKeptTheObject_soANativeOneCanBeFreed() {
        SignaturePool<Signature> pool = pool(1);
        Signature a = pool.take();
        Signature b = pool.take();
        assertTrue(pool.give(a));
        assertFalse(pool.give(b), "one slot, already full");
    }

    @Test
    void drain_handsOverEveryPooledObject_once() {
        SignaturePool<Signature> pool = pool(3);
        List<Signature> taken = List.of(pool.take(), pool.take());
        taken.forEach(pool::give);
        List<Signature> drained = new ArrayList<>();
        pool.drain(drained::add);
        assertEquals(2, drained.size());
        assertTrue(drained.containsAll(taken));
        pool.drain(drained::add);
        assertEquals(2, drained.size(), "a drained pool is empty");
    }

    @Test
    void prime_fillsASlotAhead_ofTheFirstTake() {
        SignaturePool<Signature> pool = pool(2);
        pool.prime();
        assertEquals(1, made.get());
        pool.take();
        assertEquals(1, made.get());
    }
}
