package io.github.kalshi4j.http;

import java.time.Duration;

/** Waits between retries; injectable so tests can check exact waits without waiting. */
@FunctionalInterface
public interface Sleeper {

    /** The real sleeper: {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    /** Blocks for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
