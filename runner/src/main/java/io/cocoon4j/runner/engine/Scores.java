package io.cocoon4j.runner.engine;

import io.cocoon4j.protocol.sampling.Sampler;
import java.util.Arrays;

/**
 * Logits from one teacher-forced pass ({@link LlamaEngine#score}): row {@code i} is the model's
 * distribution over the vocabulary for claimed token {@code i}, i.e. computed after the prompt and
 * claimed tokens {@code 0..i-1}. Full rows are kept: memory is {@code rows × vocabSize × 4} bytes
 * (256 tokens of a 32k vocabulary: 32 MB), which a verifier checking one 32-token chunk never nears.
 */
public final class Scores {
    private final int[] claimed;
    private final int first;
    private final int vocab;
    private final float[] logits;
    private final long nanos;

    Scores(int[] claimed, int first, int vocab, float[] logits, long nanos) {
        if (vocab < 1 || logits.length != (long) claimed.length * vocab) {
            throw new IllegalArgumentException(claimed.length + " rows of " + vocab + " logits need "
                + (long) claimed.length * vocab + " values, got " + logits.length);
        }
        this.claimed = claimed.clone();
        this.first = first;
        this.vocab = vocab;
        this.logits = logits;
        this.nanos = nanos;
    }

    /**
     * Scores built from given rows (row-major, {@code claimed.length × vocab} values), for testing
     * code that consumes scores without running a model. The array is copied.
     */
    public static Scores of(int[] claimed, int vocab, float[] logits) {
        return new Scores(claimed, 0, vocab, logits.clone(), 0);
    }

    /** Index in the whole claim of the token row 0 scores (0 unless a range was scored). */
    public int firstIndex() {
        return first;
    }

    /** Number of rows: one per claimed token. */
    public int rows() {
        return claimed.length;
    }

    public int vocabSize() {
        return vocab;
    }

    /** The claimed token at row {@code i} (claim index {@code firstIndex() + i}). */
    public int claimed(int i) {
        return claimed[check(i)];
    }

    /** A copy of row {@code i}: the logits of every token at claimed position {@code i}. */
    public float[] row(int i) {
        int from = check(i) * vocab;
        return Arrays.copyOfRange(logits, from, from + vocab);
    }

    /** The logit of {@code token} at row {@code i}. */
    public float logit(int i, int token) {
        if (token < 0 || token >= vocab) {
            throw new IndexOutOfBoundsException("token " + token + " outside [0, " + vocab + ")");
        }
        return logits[check(i) * vocab + token];
    }

    /** The logit of the claimed token at row {@code i}. */
    public float claimedLogit(int i) {
        return logit(i, claimed[check(i)]);
    }

    /**
     * The protocol's greedy choice at row {@code i} ({@link Sampler#greedy}: highest logit, lowest id on ties).
     *
     * @throws IllegalArgumentException if a logit of the row is NaN or infinite
     */
    public int argmax(int i) {
        return Sampler.greedy(row(i));
    }

    public float maxLogit(int i) {
        return logit(i, argmax(i));
    }

    /** Highest minus second-highest logit at row {@code i}: how decisive the greedy choice is. */
    public float top2Gap(int i) {
        int base = check(i) * vocab;
        float first = Float.NEGATIVE_INFINITY;
        float second = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < vocab; t++) {
            float v = logits[base + t];
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return first - second;
    }

    /** Wall time of the scoring pass. */
    public long nanos() {
        return nanos;
    }

    private int check(int i) {
        if (i < 0 || i >= claimed.length) {
            throw new IndexOutOfBoundsException("row " + i + " outside [0, " + claimed.length + ")");
        }
        return i;
    }
}
