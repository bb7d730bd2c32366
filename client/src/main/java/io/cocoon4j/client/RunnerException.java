package io.cocoon4j.client;

/**
 * A runner refused a job's input, failed while serving it, or could not be reached or attested.
 * {@link #code()} is the runner's error code ({@code INPUT_MISMATCH}, {@code CHAIN_UNAVAILABLE}, …)
 * or one of {@code UNREACHABLE}, {@code NOT_ATTESTED}, {@code PROTOCOL}.
 */
public class RunnerException extends RuntimeException {
    private final String code;

    public RunnerException(String code, String message) {
        super(message);
        this.code = code;
    }

    public RunnerException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The error code. */
    public String code() {
        return code;
    }
}
