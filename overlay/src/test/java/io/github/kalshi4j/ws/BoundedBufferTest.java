package io.github.kalshi4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kalshi4j.errors.KalshiBackpressureException;
import io.github.kalshi4j.errors.KalshiException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BoundedBufferTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private static <T> List<T> drainNow(BoundedBuffer<T> buf) throws InterruptedException {
        List<T> out = new ArrayList<>();
        for (T t = buf.poll(NO_WAIT); t != null; t = buf.poll(NO_WAIT)) {
            out.add(t);
        }
        return out;
    }

    @Test
    void offerThenPoll_preservesOrder() throws Exception {
        BoundedBuffer<String> buf = new BoundedBuffer<>(4, OverflowPolicy.FAIL);
        assertTrue(buf.offer("a"));
        assertTrue(buf.offer("b"));
        assertEquals(2, buf.size());
        assertEquals(List.of("a", "b"), drainNow(buf));
        assertEquals(0, buf.droppedCount());
    }

    @Test
    void poll_returnsNullOnTimeout() throws Exception {
        BoundedBuffer<String> buf = new BoundedBuffer<>(4, OverflowPolicy.FAIL);
        long start = System.nanoTime();
        assertNull(buf.poll(Duration.ofMillis(50)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(40).toNanos());
        assertFalse(buf.isDone());
    }

    @Test
    void poll_wakesWhenProducerOffers() throws Exception {
        BoundedBuffer<String> buf = new BoundedBuffer<>(4, OverflowPolicy.FAIL);
        Thread producer = new Thread(() -> {
            sleep(50);
            buf.offer("late");
        });
        producer.start();
        assertEquals("late", buf.poll(GENEROUS));
        producer.join();
    }

    @Test
    void dropOldest_keepsNewestAndCountsDrops() throws Exception {
        BoundedBuffer<Integer> buf = new BoundedBuffer<>(3, OverflowPolicy.DROP_OLDEST);
        for (int i = 1; i <= 7; i++) {
            assertTrue(buf.offer(i), "DROP_OLDEST always accepts the new element");
        }
        assertEquals(4, buf.droppedCount());
        assertEquals(List.of(5, 6, 7), drainNow(buf));
        assertTrue(buf.failure().isEmpty());
    }

    @Test
    void fail_surfacesBackpressureAfterBufferedElements() throws Exception {
        BoundedBuffer<String> buf = new BoundedBuffer<>(2, OverflowPolicy.FAIL);
        assertTrue(buf.offer("a"));
        assertTrue(buf.offer("b"));
        assertFalse(buf.offer("c"), "overflowing element is discarded");
        assertFalse(buf.offer("d"), "a failed buffer accepts nothing");
        assertEquals(1, buf.droppedCount());
        assertInstanceOf(KalshiBackpressureException.class, buf.failure().orElseThrow());

        assertEquals("a", buf.poll(NO_WAIT));
        assertEquals("b", buf.poll(NO_WAIT));
        KalshiBackpressureException first = assertThrows(KalshiBackpressureException.class, () -> buf.poll(NO_WAIT));
        KalshiBackpressureException again = assertThrows(KalshiBackpressureException.class, () -> buf.poll(GENEROUS));
        assertSame(first, again);
        assertInstanceOf(KalshiException.class, first);
        assertTrue(buf.isDone());
    }

    @Test
    void close_letsConsumerDrainThenEnds() throws Exception {
        BoundedBuffer<String> buf = new BoundedBuffer<>(4, OverflowPolicy.FAIL);
        buf.offer("a");
        assertTrue(buf.close());
        assertFalse(buf.offer("b"));
        assertFalse(buf.isDone());
        assertEquals("a", buf.poll(NO_WAIT));
        // Returns at once, not after the timeout: the stream is over.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertNull(buf.poll(Duration.ofDays(1))));
        assertTrue(buf.isDone());
        assertTrue(buf.failure().isEmpty());
    }

    @Test
    void explicitFail_rethrowsRuntimeCauseAsIs() throws Exception {
        BoundedBuffer<String> buf = new BoundedBuffer<>(4, OverflowPolicy.DROP_OLDEST);
        buf.offer("a");
        IllegalStateException cause = new IllegalStateException("socket closed: 1006");
        assertTrue(buf.fail(cause));
        assertEquals("a", buf.poll(NO_WAIT));
        assertSame(cause, assertThrows(IllegalStateException.class, () -> buf.poll(NO_WAIT)));
    }

    @Test
    void explicitFail_wrapsCheckedCauseInCompletionException() {
        BoundedBuffer<String> buf = new BoundedBuffer<>(4, OverflowPolicy.DROP_OLDEST);
        IOException cause = new IOException("connection reset");
        buf.fail(cause);
        CompletionException e = assertThrows(CompletionException.class, () -> buf.poll(NO_WAIT));
        assertSame(cause, e.getCause());
    }

    @Test
    void firstTerminalSignal_wins() throws Exception {
        BoundedBuffer<String> closedFirst = new BoundedBuffer<>(4, OverflowPolicy.FAIL);
        assertTrue(closedFirst.close());
        assertFalse(closedFirst.fail(new IllegalStateException("late")));
        assertNull(closedFirst.poll(NO_WAIT));

        BoundedBuffer<String> failedFirst = new BoundedBuffer<>(4, OverflowPolicy.FAIL);
        assertTrue(failedFirst.fail(new IllegalStateException("boom")));
        assertFalse(failedFirst.close());
        assertThrows(IllegalStateException.class, () -> failedFirst.poll(NO_WAIT));
    }

    @Test
    void iterator_endsOnClose_throwsOnFail() {
        BoundedBuffer<Integer> closing = new BoundedBuffer<>(8, OverflowPolicy.FAIL);
        closing.offer(1);
        closing.offer(2);
        closing.close();
        List<Integer> seen = new ArrayList<>();
        closing.iterator().forEachRemaining(seen::add);
        assertEquals(List.of(1, 2), seen);

        BoundedBuffer<Integer> failing = new BoundedBuffer<>(2, OverflowPolicy.FAIL);
        failing.offer(1);
        failing.offer(2);
        failing.offer(3);
        Iterator<Integer> it = failing.iterator();
        assertEquals(1, it.next());
        assertEquals(2, it.next());
        assertThrows(KalshiBackpressureException.class, it::hasNext);
        assertThrows(KalshiBackpressureException.class, it::next, "never a silent end after a failure");
    }

    @Test
    void iterator_nextAfterCleanEnd_throwsNoSuchElement() {
        BoundedBuffer<Integer> buf = new BoundedBuffer<>(2, OverflowPolicy.FAIL);
        buf.close();
        Iterator<Integer> it = buf.iterator();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void iterator_blocksUntilProducerDeliversOrCloses() throws Exception {
        BoundedBuffer<Integer> buf = new BoundedBuffer<>(2, OverflowPolicy.FAIL);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                sleep(5);
                // Capacity 2 with FAIL: pace offers so the consumer keeps up.
                while (buf.size() == buf.capacity()) {
                    Thread.onSpinWait();
                }
                buf.offer(i);
            }
            buf.close();
        });
        producer.start();
        List<Integer> seen = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> buf.iterator().forEachRemaining(seen::add));
        assertEquals(List.of(0, 1, 2, 3, 4), seen);
        producer.join();
    }

    @Test
    void iterator_interrupted_throwsAndKeepsInterruptFlag() throws Exception {
        BoundedBuffer<Integer> buf = new BoundedBuffer<>(2, OverflowPolicy.FAIL);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                buf.iterator().hasNext();
            } catch (RuntimeException e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        consumer.start();
        sleep(50);
        consumer.interrupt();
        consumer.join(10_000);
        assertInstanceOf(KalshiException.class, thrown.get());
        assertEquals(Boolean.TRUE, flag.get());
    }

    @Test
    void stream_endsOnCloseAndFailsOnFailure() {
        BoundedBuffer<String> ok = new BoundedBuffer<>(4, OverflowPolicy.FAIL);
        ok.offer("x");
        ok.offer("y");
        ok.close();
        assertEquals("x,y", ok.stream().collect(Collectors.joining(",")));

        BoundedBuffer<String> bad = new BoundedBuffer<>(1, OverflowPolicy.FAIL);
        bad.offer("x");
        bad.offer("overflow");
        List<String> seen = new ArrayList<>();
        assertThrows(KalshiBackpressureException.class, () -> bad.stream().forEach(seen::add));
        assertEquals(List.of("x"), seen);
    }

    @Test
    void closingTheStream_closesTheBuffer() {
        BoundedBuffer<String> buf = new BoundedBuffer<>(4, OverflowPolicy.FAIL);
        try (Stream<String> s = buf.stream()) {
            assertTrue(buf.offer("a"));
            assertEquals("a", s.findFirst().orElseThrow());
        }
        assertFalse(buf.offer("b"));
    }

    @Test
    void concurrentProducer_dropOldest_accountsForEveryElement() throws Exception {
        final int total = 100_000;
        BoundedBuffer<Integer> buf = new BoundedBuffer<>(16, OverflowPolicy.DROP_OLDEST);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                buf.offer(i);
            }
            buf.close();
        });
        producer.start();
        List<Integer> received = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> buf.iterator().forEachRemaining(received::add));
        producer.join();
        for (int i = 1; i < received.size(); i++) {
            assertTrue(received.get(i) > received.get(i - 1), "order kept");
        }
        assertEquals(total - 1, received.get(received.size() - 1), "newest element always survives");
        assertEquals(total, received.size() + buf.droppedCount());
    }

    @Test
    void invalidArguments_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedBuffer<String>(0, OverflowPolicy.FAIL));
        assertThrows(NullPointerException.class, () -> new BoundedBuffer<String>(1, null));
        BoundedBuffer<String> buf = new BoundedBuffer<>(1, OverflowPolicy.FAIL);
        assertThrows(NullPointerException.class, () -> buf.offer(null));
        assertThrows(NullPointerException.class, () -> buf.fail(null));
        assertEquals(OverflowPolicy.FAIL, buf.policy());
        assertEquals(1, buf.capacity());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
