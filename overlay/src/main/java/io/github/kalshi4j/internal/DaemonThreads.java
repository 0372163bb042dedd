package io.github.kalshi4j.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads: kalshi4j's threads never keep an application's JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory naming threads {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
