package io.cocoon4j.runner.engine;

/** Why generation stopped. */
public enum StopReason {
    /** The model produced an end-of-generation token (included in the output). */
    END_OF_GENERATION,
    /** The requested number of tokens was produced. */
    MAX_TOKENS,
    /** The context window is full. */
    CONTEXT_FULL
}
