package io.cocoon4j.runner.engine;

/** The model file is missing, truncated, corrupt, of an unsupported architecture, or llama.cpp refused it. */
public final class InvalidModelException extends EngineException {
    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message, null);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
