package io.cocoon4j.enclave.gpu;

/** A GPU attestation token was rejected; {@link #reason()} names the failed check. */
public class GpuAttestationException extends Exception {

    private final GpuRejection reason;

    public GpuAttestationException(GpuRejection reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** The check that failed. */
    public GpuRejection reason() {
        return reason;
    }
}
