package io.github.kalshi4j.http;

import io.github.kalshi4j.internal.Durations;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; injectable so tests can check exact waits without waiting. */
@FunctionalInterface
public interface Sleeper {

    /** The real sleeper: {@link Thread#sleep}; a duration beyond the nanosecond range sleeps "forever". */
    Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(Durations.saturatedNanos(d));

    /** Blocks for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
