package io.cocoon4j.enclave;

/** Evidence or an RA-TLS certificate was rejected; {@link #reason()} says which check failed. */
public class AttestationException extends Exception {

    private final RejectionReason reason;

    public AttestationException(RejectionReason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** The check that failed. */
    public RejectionReason reason() {
        return reason;
    }
}
