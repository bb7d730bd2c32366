package io.cocoon4j.chain;

/** The chain cannot be reached (a network chain's endpoint is down) or was closed. */
public final class ChainUnavailableException extends ChainException {
    public ChainUnavailableException(String message) {
        super(message);
    }

    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
