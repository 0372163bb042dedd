package io.github.kalshi4j.testsupport;

import io.github.kalshi4j.auth.KalshiSigner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wraps a signer and remembers the name of every thread that asked for a signature. */
public final class ThreadRecordingSigner implements KalshiSigner {

    private final KalshiSigner delegate;
    private final List<String> threads = new CopyOnWriteArrayList<>();

    /** Wraps {@code delegate}. */
    public ThreadRecordingSigner(KalshiSigner delegate) {
        this.delegate = delegate;
    }

    @Override
    public String keyId() {
        return delegate.keyId();
    }

    @Override
    public String sign(byte[] message) {
        threads.add(Thread.currentThread().getName());
        return delegate.sign(message);
    }

    /** Names of the threads that signed, in order. */
    public List<String> threads() {
        return List.copyOf(threads);
    }

    @Override
    public String toString() {
        return "ThreadRecordingSigner[" + delegate + "]";
    }
}
