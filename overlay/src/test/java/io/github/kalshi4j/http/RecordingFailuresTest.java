package io.github.kalshi4j.http;

import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.errors.KalshiException;
import io.github.kalshi4j.errors.KalshiRecordingException;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.RecordingSleeper;
import io.github.kalshi4j.testsupport.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording that cannot be written is a {@link KalshiException} like every other failure of a call, blocking
 * or async: callers who catch {@code KalshiException} are not surprised by a {@code java.io} exception, and the
 * request (which the server did answer) is not sent again.
 */
final class RecordingFailuresTest {

    @TempDir
    Path dir;

    private LoopbackServer server;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        server.respond("GET", "/exchange/status", Reply.ok(Samples.exchangeStatus()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A recorder whose directory is replaced by a plain file once it exists, so no recording can be written. */
    private RecordingTransport brokenRecorder() throws Exception {
        Path target = dir.resolve("recordings");
        RecordingTransport recorder = new RecordingTransport(
                new ApacheHttpExchange(Duration.ofSeconds(5), 4, false, "kalshi4j-test"), target);
        Files.delete(target);
        Files.writeString(target, "now a file");
        return recorder;
    }

    @Test
    void aBlockingCallWhoseRecordingCannotBeWrittenThrowsAKalshiExceptionAndIsNotResent() throws Exception {
        try (KalshiClient client = Samples.client(server).httpExchange(brokenRecorder())
                .sleeper(new RecordingSleeper()).build()) {
            KalshiRecordingException e = assertThrows(KalshiRecordingException.class,
                    () -> client.exchange().getExchangeStatus());
            assertTrue(e.getMessage().contains("GetExchangeStatus") && e.getMessage().contains("200"), e.getMessage());
            assertEquals("GetExchangeStatus", e.operationId());
        }
        assertEquals(1, server.count("GET", "/exchange/status"), "answered once, so never sent again");
    }

    @Test
    void anAsyncCallWhoseRecordingCannotBeWrittenFailsWithAKalshiExceptionAndIsNotResent() throws Exception {
        try (KalshiAsyncClient client = Samples.client(server).httpExchange(brokenRecorder())
                .sleeper(new RecordingSleeper()).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.exchange().getExchangeStatus().join());
            assertInstanceOf(KalshiRecordingException.class, e.getCause());
        }
        assertEquals(1, server.count("GET", "/exchange/status"));
    }

    @Test
    void aRecordingDirectoryThatCannotBeCreatedIsAKalshiException() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        KalshiRecordingException e = assertThrows(KalshiRecordingException.class,
                () -> new RecordingTransport(new JdkHttpExchange(), notADirectory));
        assertTrue(e.getMessage().contains("plain-file"), e.getMessage());
    }

    @Test
    void aReplayDirectoryThatCannotBeReadIsAKalshiException() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        assertThrows(KalshiRecordingException.class, () -> new ReplayTransport(notADirectory));
    }

    /** An exchange of the user's own that throws an unchecked non-SDK exception. */
    private static final class ThrowingExchange implements HttpExchange {
        @Override
        public RawResponse send(RawRequest request) {
            throw new IllegalStateException("my exchange is broken");
        }

        @Override
        public java.util.concurrent.CompletableFuture<RawResponse> sendAsync(RawRequest request) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("my exchange is broken"));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anyUncheckedFailureOfAnExchangeReachesTheCallerAsAKalshiException() {
        try (KalshiClient client = Samples.client(server).httpExchange(new ThrowingExchange())
                .sleeper(new RecordingSleeper()).build()) {
            KalshiException e = assertThrows(KalshiException.class, () -> client.exchange().getExchangeStatus());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
        try (KalshiAsyncClient client = Samples.client(server).httpExchange(new ThrowingExchange())
                .sleeper(new RecordingSleeper()).buildAsync()) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> client.exchange().getExchangeStatus().join());
            assertInstanceOf(KalshiException.class, e.getCause());
        }
    }
}
