package io.cocoon4j.chain;

/**
 * The emulator itself failed (a trap inside it, an error it reported that is not a contract's
 * decision). The call changed nothing; the chain stays usable.
 */
public final class EmulatorFailureException extends ChainException {
    public EmulatorFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    public EmulatorFailureException(String message) {
        super(message);
    }
}
