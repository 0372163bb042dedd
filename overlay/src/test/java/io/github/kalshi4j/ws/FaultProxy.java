package io.github.kalshi4j.ws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback between the client and the test server, for faults a WebSocket server
 * cannot produce itself: {@link #silence()} turns current connections into black holes (bytes are
 * read and discarded both ways, so the server's automatic pongs never arrive), {@link #cut()} drops
 * them without a close frame. New connections relay normally.
 */
final class FaultProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean refusing;

    private static final class Pair {
        final Socket client;
        final Socket upstream;
        volatile boolean silent;

        Pair(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void close() {
            try {
                // Linger 0: a reset, not an orderly FIN, like a network failure.
                client.setSoLinger(true, 0);
                client.close();
            } catch (IOException ignored) {
                // Already closed.
            }
            try {
                upstream.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + KalshiWsTestServer.PATH);
    }

    int acceptedConnections() {
        return accepted.get();
    }

    /** Current connections stop carrying bytes in either direction but stay open. */
    void silence() {
        pairs.forEach(p -> p.silent = true);
    }

    /** Current connections are reset. */
    void cut() {
        pairs.forEach(Pair::close);
        pairs.clear();
    }

    /** New connections are reset at once (the server looks down); current ones are untouched. */
    void refuseNew(boolean refuse) {
        this.refusing = refuse;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                if (refusing) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Pair pair = new Pair(client, upstream);
                pairs.add(pair);
                pump(pair, client, upstream, "up");
                pump(pair, upstream, client, "down");
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void pump(Pair pair, Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (!pair.silent) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // One side went away.
            } finally {
                pair.close();
            }
        }, "fault-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
