package io.cocoon4j.runner.engine;

/**
 * Output of {@link LlamaEngine#generate}: token ids, the result a runner commits to.
 *
 * @param tokens  generated token ids, in order (an end-of-generation token, if any, is the last)
 * @param stop    why generation ended
 * @param nanos   wall time spent, prompt processing included
 */
public record Generation(int[] tokens, StopReason stop, long nanos) {
    public Generation {
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    public int size() {
        return tokens.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Generation g && java.util.Arrays.equals(tokens, g.tokens) && stop == g.stop;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(tokens) * 31 + stop.hashCode();
    }

    @Override
    public String toString() {
        return "Generation" + java.util.Arrays.toString(tokens) + " " + stop;
    }
}
