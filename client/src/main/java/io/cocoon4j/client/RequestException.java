package io.cocoon4j.client;

/**
 * A completion request that cannot be served as asked (unknown model, prompt too long for every
 * offer, no runner serving the model). {@link #kind()} says which, for the gateway's status code.
 */
public class RequestException extends RuntimeException {
    private final Kind kind;
    private final String param;

    public RequestException(Kind kind, String param, String message) {
        super(message);
        this.kind = kind;
        this.param = param;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null. */
    public String param() {
        return param;
    }

    /** What is wrong. */
    public enum Kind {
        /** The request is malformed or asks for something impossible (HTTP 400). */
        INVALID,
        /** No such model here (HTTP 404). */
        UNKNOWN_MODEL,
        /** No runner serves the model now (HTTP 503). */
        NO_RUNNER
    }
}
