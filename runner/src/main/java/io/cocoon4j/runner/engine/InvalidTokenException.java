package io.cocoon4j.runner.engine;

/** A token id outside {@code [0, vocabSize)}, in a prompt, a claim or chosen by a {@link TokenChooser}. */
public final class InvalidTokenException extends EngineException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String where, int index, int token, int vocabSize) {
        super(where + " token #" + index + " = " + token + " is not in the vocabulary [0, " + vocabSize + ")", null);
    }
}
