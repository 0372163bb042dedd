package io.github.kalshi4j.errors;

/**
 * Record/replay could not use its directory: {@code RecordingTransport} could not create it or write a recording,
 * or {@code ReplayTransport} could not read it. When a recording of a call could not be written, the request was
 * sent and answered (the message gives the status); the call fails rather than pretend nothing happened, and it is
 * not sent again. The underlying {@link java.io.IOException} is the cause.
 */
public final class KalshiRecordingException extends KalshiException {

    private static final long serialVersionUID = 1L;

    private final String operationId;

    /**
     * Creates the exception.
     *
     * @param operationId the operation whose exchange was being recorded, or null for a directory problem
     * @param message what could not be done, naming the file or directory
     * @param cause the I/O failure
     */
    public KalshiRecordingException(String operationId, String message, Throwable cause) {
        super(message, cause);
        this.operationId = operationId;
    }

    /** The operation whose exchange could not be recorded, or null when the directory itself was the problem. */
    public String operationId() {
        return operationId;
    }
}
