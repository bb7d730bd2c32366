package io.cocoon4j.chain;

/** A BoC that does not parse, or a cell that is not the message kind the call expects. */
public final class MalformedMessageException extends ChainException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
