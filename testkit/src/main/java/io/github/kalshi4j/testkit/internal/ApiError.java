package io.github.kalshi4j.testkit.internal;

/** An error answer in Kalshi's shape: {@code {"code", "message", "details", "service"}} with an HTTP status. */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String details;

    /** Creates an error answer. */
    public ApiError(int status, String code, String message, String details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    /** 400 with a code. */
    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message, null);
    }

    /** 401. */
    public static ApiError unauthorized(String message) {
        return new ApiError(401, "authentication_error", message, null);
    }

    /** 404. */
    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message, null);
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Kalshi error code. */
    public String code() {
        return code;
    }

    /** Optional details. */
    public String details() {
        return details;
    }
}
