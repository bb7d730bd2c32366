package io.cocoon4j.runner.model;

/**
 * The splitmix64 generator: tiny, fast and specified to the bit, so that generated weights are the
 * same on every JVM. Not for cryptography.
 */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [-1, 1), with 24 random bits (exact in a float). */
    float nextSymmetric() {
        return (nextLong() >>> 40) * 0x1.0p-23f - 1f;
    }

    /** A seed for an independent stream, derived from a parent seed and an index. */
    static long derive(long seed, long index) {
        return new SplitMix64(seed ^ (index * 0xD1B54A32D192ED03L)).nextLong();
    }
}
