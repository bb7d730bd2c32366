package io.cocoon4j.protocol;

/** Checks on token id arrays shared by the commitments. */
final class Tokens {
    private Tokens() {}

    /**
     * Token ids are encoded as unsigned 32-bit integers; a negative Java int would alias a large
     * id, so it is refused. Vocabulary bounds are the verifier's business (they depend on the model).
     */
    static void requireValid(int[] tokens, String what) {
        if (tokens == null) {
            throw new IllegalArgumentException(what + " tokens must not be null");
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0) {
                throw new IllegalArgumentException(what + " token " + i + " has a negative id " + tokens[i]);
            }
        }
    }
}
