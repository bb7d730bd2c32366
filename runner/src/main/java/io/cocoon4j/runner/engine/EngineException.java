package io.cocoon4j.runner.engine;

/**
 * Everything the engine refuses or fails at, as a typed, unchecked exception. Inputs are checked
 * in Java before any native call, so bad input surfaces as one of these and never as a JVM abort.
 */
public abstract sealed class EngineException extends RuntimeException
    permits InvalidModelException, ContextOverflowException, InvalidTokenException, InvalidUtf8Exception,
            NativeEngineException {
    private static final long serialVersionUID = 1L;

    EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
