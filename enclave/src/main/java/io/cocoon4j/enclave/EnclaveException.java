package io.cocoon4j.enclave;

/** An enclave operation failed: evidence could not be produced, or a sealed blob could not be opened. */
public class EnclaveException extends Exception {

    public EnclaveException(String message) {
        super(message);
    }

    public EnclaveException(String message, Throwable cause) {
        super(message, cause);
    }
}
