package io.cocoon4j.runner.job;

/**
 * The chain could not be reached, or did not confirm a message in time. Nothing journaled is lost:
 * the job stays open and is resumed on the next attempt.
 */
public class ChainUnavailableException extends RuntimeException {
    public ChainUnavailableException(String message) {
        super(message);
    }

    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
