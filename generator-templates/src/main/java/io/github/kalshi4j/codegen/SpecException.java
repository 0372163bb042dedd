package io.github.kalshi4j.codegen;

/** A build-stopping problem with the pinned specs; its message is shown to the person running the build. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message meant for people. */
    public SpecException(String message) {
        super(message);
    }
}
