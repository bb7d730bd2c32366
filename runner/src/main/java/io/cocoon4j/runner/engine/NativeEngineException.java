package io.cocoon4j.runner.engine;

/** The native library could not be loaded, or a native call reported failure. */
public final class NativeEngineException extends EngineException {
    private static final long serialVersionUID = 1L;

    public NativeEngineException(String message) {
        super(message, null);
    }

    public NativeEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
