package io.cocoon4j.enclave.ratls;

import io.cocoon4j.enclave.RejectionReason;
import java.security.cert.CertificateException;

/**
 * A peer certificate failed RA-TLS verification. JSSE turns it into a failed handshake
 * ({@code SSLHandshakeException} with this as its cause).
 */
public class RaTlsRejectedException extends CertificateException {

    private final RejectionReason reason;

    public RaTlsRejectedException(RejectionReason reason, String detail) {
        super("RA-TLS rejected: " + reason + ": " + detail);
        this.reason = reason;
    }

    /** The check that failed. */
    public RejectionReason reason() {
        return reason;
    }
}
