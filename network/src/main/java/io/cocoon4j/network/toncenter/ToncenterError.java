package io.cocoon4j.network.toncenter;

/**
 * A request the endpoint answers with {@code {"ok": false, "error": message, "code": code}} and the
 * same HTTP status, as toncenter does (400 bad parameters, 401 bad API key, 404 unknown method or
 * transaction, 500 a message the chain would not accept).
 */
public final class ToncenterError extends RuntimeException {
    private final int code;

    public ToncenterError(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
