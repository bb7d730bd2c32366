package io.cocoon4j.enclave.dcap.quote;

/** The bytes are not a well-formed TDX quote; the message says which field is wrong and why. */
public final class QuoteFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public QuoteFormatException(String message) {
        super(message);
    }
}
