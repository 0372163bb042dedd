package io.github.kalshi4j.testsupport;

import io.github.kalshi4j.http.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A {@link Sleeper} that returns at once and remembers every wait, so retry tests can assert exact backoff
 * without the suite ever sleeping. An optional hook runs on each wait (for instance to start a server that was
 * down), receiving the 1-based number of the wait.
 */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();
    private final IntConsumer onWait;

    /** A sleeper that only records. */
    public RecordingSleeper() {
        this(n -> { });
    }

    /** A sleeper that records and then runs {@code onWait}. */
    public RecordingSleeper(IntConsumer onWait) {
        this.onWait = onWait;
    }

    @Override
    public void sleep(Duration duration) {
        int n;
        synchronized (waits) {
            waits.add(duration);
            n = waits.size();
        }
        onWait.accept(n);
    }

    /** Every wait so far, in order. */
    public List<Duration> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }
}
