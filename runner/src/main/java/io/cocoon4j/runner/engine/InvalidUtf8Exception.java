package io.cocoon4j.runner.engine;

/** Tokens detokenize to bytes that are not valid UTF-8 (possible with byte-fallback tokens). */
public final class InvalidUtf8Exception extends EngineException {
    private static final long serialVersionUID = 1L;

    public InvalidUtf8Exception(String message) {
        super(message, null);
    }
}
