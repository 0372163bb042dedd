package io.github.kalshi4j.ws;

/**
 * The connection as the engine's collaborators see it: whether one is open, which one it is, and sending text on it.
 * {@link Connection} is the real one; a test stands in a wire that records what is sent, so a collaborator can be
 * checked without a socket. Used on the actor thread only.
 */
interface Wire {

    /** True while a connection is open (handshake done, not yet lost or closed). */
    boolean isOpen();

    /**
     * The current connection's number. It changes when a connection is lost or the socket ends, so a timer or a
     * callback that captured it can tell that what it was set for is gone.
     */
    long generation();

    /** Sends one text frame on the open connection; never blocks on the network. Only when {@link #isOpen()}. */
    void send(String text);
}
