package io.cocoon4j.enclave.dcap.ccel;

/** A CCEL table or event log is malformed; the message names the field. */
public final class EventLogFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public EventLogFormatException(String message) {
        super(message);
    }
}
