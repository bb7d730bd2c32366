package io.cocoon4j.runner.model;

import io.cocoon4j.protocol.sampling.SplitMix64Draws;

/**
 * The random weights of one tensor: consecutive outputs of the protocol's SplitMix64
 * ({@link SplitMix64Draws}, specified to the bit), so that generated models are the same on every
 * JVM. Not for cryptography.
 */
final class WeightStream {
    private final SplitMix64Draws generator;
    private long drawn;

    /** The stream of tensor {@code index} of the model generated from {@code seed}. */
    WeightStream(long seed, long index) {
        // One draw of a generator keyed by both decorrelates the streams of neighbouring indices.
        this.generator = new SplitMix64Draws(new SplitMix64Draws(seed ^ (index * 0xD1B54A32D192ED03L)).next64(0));
    }

    /** Uniform in [-1, 1), with 24 random bits (exact in a float). */
    float nextSymmetric() {
        return (generator.next64(drawn++) >>> 40) * 0x1.0p-23f - 1f;
    }
}
