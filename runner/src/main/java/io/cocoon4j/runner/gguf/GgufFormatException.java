package io.cocoon4j.runner.gguf;

/** A file is not a well-formed GGUF model: bad magic, truncated, inconsistent offsets or sizes. */
public final class GgufFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public GgufFormatException(String message) {
        super(message);
    }
}
