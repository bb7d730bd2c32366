package io.cocoon4j.enclave.dcap.collateral;

/** Collateral is missing, malformed, or could not be fetched; the message says which and why. */
public final class CollateralException extends Exception {
    private static final long serialVersionUID = 1L;

    public CollateralException(String message) {
        super(message);
    }

    public CollateralException(String message, Throwable cause) {
        super(message, cause);
    }
}
