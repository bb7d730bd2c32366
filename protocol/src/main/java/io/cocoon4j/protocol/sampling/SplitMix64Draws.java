package io.cocoon4j.protocol.sampling;

/**
 * The protocol's PRNG: SplitMix64 (Steele, Lea and Flood, 2014) read as a counter-based generator.
 * For output position {@code i} (0-based) and public seed {@code s}, with all arithmetic modulo 2⁶⁴:
 * <pre>
 *   z = s + (i + 1) * 0x9E3779B97F4A7C15
 *   z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 *   z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 *   z =  z ^ (z >>> 31)
 *   u = (z >>> 11) * 2⁻⁵³          // the top 53 bits as a double in [0, 1), exact
 * </pre>
 * This is exactly the {@code (i+1)}-th output of a SplitMix64 generator seeded with {@code s}.
 * Draws are public (the seed is on-chain); they only make the sampled output a deterministic
 * function of the logits, which is what lets a verifier replay them.
 */
public final class SplitMix64Draws implements DrawSource {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final long seed;

    /** Draws for the job whose public seed is {@code seed}. */
    public SplitMix64Draws(long seed) {
        this.seed = seed;
    }

    /**
     * The raw 64-bit output for position {@code position}: the {@code (position+1)}-th output of
     * the generator. Positions beyond an int serve other users of the same generator (the seeded
     * weights of generated test models).
     */
    public long next64(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a position must not be negative, got " + position);
        }
        long z = seed + (position + 1) * GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public double uniform(int position) {
        return (next64(position) >>> 11) * TWO_POW_MINUS_53;
    }
}
