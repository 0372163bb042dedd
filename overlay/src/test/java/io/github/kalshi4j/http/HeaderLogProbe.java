package io.github.kalshi4j.http;

import io.github.kalshi4j.client.KalshiAsyncClient;
import io.github.kalshi4j.client.KalshiClient;
import io.github.kalshi4j.testsupport.LoopbackServer;
import io.github.kalshi4j.testsupport.LoopbackServer.Reply;
import io.github.kalshi4j.testsupport.Samples;

/**
 * Run in a JVM of its own by {@link HttpClientHeaderLogTest}, with HttpClient's header logger at DEBUG (loggers
 * are configured once per JVM): makes one blocking and one async signed call, then prints every signature the
 * server received, one per line after a marker, so the test can look for them in the log.
 */
public final class HeaderLogProbe {

    /** The line after which the received signatures follow. */
    static final String MARKER = "--- signatures received ---";

    private HeaderLogProbe() {
    }

    /** Makes the calls and prints the signatures. */
    public static void main(String[] args) {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.respond("GET", "/portfolio/balance", Reply.ok(Samples.balance()));
            try (KalshiClient client = Samples.client(server).build()) {
                client.portfolio().getBalance();
            }
            try (KalshiAsyncClient client = Samples.client(server).buildAsync()) {
                client.portfolio().getBalance().join();
            }
            System.out.println(MARKER);
            server.requests().forEach(r -> System.out.println(r.header("KALSHI-ACCESS-SIGNATURE").orElse("")));
        }
    }
}
