package io.cocoon4j.chain;

/**
 * Why a chain call failed. Every subtype carries a message a user can act on; the chain is left
 * as it was before the call.
 */
public sealed class ChainException extends RuntimeException
        permits MalformedMessageException, AccountNotFoundException, GetMethodException,
                MessageRejectedException, EmulatorFailureException, ChainUnavailableException {

    protected ChainException(String message) {
        super(message);
    }

    protected ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
