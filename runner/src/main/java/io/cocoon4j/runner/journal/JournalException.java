package io.cocoon4j.runner.journal;

/**
 * The journal cannot be opened or written (disk, permissions, a corrupt file), or a call would
 * change what was already journaled (an intent's details, a recorded fact). Nothing is changed.
 */
public class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
