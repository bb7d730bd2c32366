package io.cocoon4j.runner.engine;

/** Prompt (plus claimed tokens) does not fit the context window the engine was opened with. */
public final class ContextOverflowException extends EngineException {
    private static final long serialVersionUID = 1L;

    public ContextOverflowException(int tokens, int contextLength) {
        super(tokens + " tokens do not fit the context of " + contextLength + " tokens", null);
    }
}
