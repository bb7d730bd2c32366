package io.cocoon4j.protocol;

/**
 * How output tokens are chosen from logits; fixed when the job is created.
 *
 * <p>Canonical encoding (25 bytes, big-endian), used inside the result hash:
 * <pre>
 *   u8  mode            0 = greedy, 1 = sampled
 *   u32 temperatureMilli   (0 for greedy)
 *   u32 topK               (0 = off)
 *   u32 topPMicro          (1_000_000 = off; greedy: 0)
 *   u32 minPMicro          (0 = off)
 *   u64 seed               (0 for greedy)
 * </pre>
 * Parameters are fixed-point integers so that the encoding is exact and chain-friendly; the
 * sampler turns them into doubles by one IEEE division ({@code temperatureMilli / 1000.0} etc.).
 */
public sealed interface SamplingSpec {

    /** The 25-byte canonical encoding described above. */
    byte[] encode();

    /** Greedy decoding: the token with the highest logit (ties: the lowest id). */
    record Greedy() implements SamplingSpec {
        @Override
        public byte[] encode() {
            return new CanonicalWriter().u8(0).u32(0).u32(0).u32(0).u32(0).u64(0).toByteArray();
        }
    }

    /**
     * Sampling with temperature, top-k, top-p and min-p, driven by one uniform draw per output
     * position from {@code SplitMix64Draws(seed)}; see {@code io.cocoon4j.protocol.sampling.Sampler}.
     *
     * @param temperatureMilli temperature × 1000, at least 1 (0.001)
     * @param topK keep the k highest logits; 0 keeps all
     * @param topPMicro nucleus mass × 10⁶, in 1..1_000_000; 1_000_000 keeps all
     * @param minPMicro minimum probability relative to the most likely token × 10⁶, in 0..1_000_000; 0 keeps all
     * @param seed the job's public seed, fixed at job creation
     */
    record Sampled(int temperatureMilli, int topK, int topPMicro, int minPMicro, long seed) implements SamplingSpec {
        /** The fixed-point scale of {@link #topPMicro} and {@link #minPMicro}. */
        public static final int MICRO = 1_000_000;

        public Sampled {
            if (temperatureMilli < 1) {
                throw new IllegalArgumentException("temperatureMilli must be at least 1, got " + temperatureMilli);
            }
            if (topK < 0) {
                throw new IllegalArgumentException("topK must not be negative, got " + topK);
            }
            if (topPMicro < 1 || topPMicro > MICRO) {
                throw new IllegalArgumentException("topPMicro must be in 1..1000000, got " + topPMicro);
            }
            if (minPMicro < 0 || minPMicro > MICRO) {
                throw new IllegalArgumentException("minPMicro must be in 0..1000000, got " + minPMicro);
            }
        }

        /** Plain temperature sampling with every filter off. */
        public static Sampled withTemperature(double temperature, long seed) {
            return new Sampled((int) Math.round(temperature * 1000), 0, MICRO, 0, seed);
        }

        /** {@code temperatureMilli / 1000.0}. */
        public double temperature() {
            return temperatureMilli / 1000.0;
        }

        /** {@code topPMicro / 1e6}. */
        public double topP() {
            return topPMicro / (double) MICRO;
        }

        /** {@code minPMicro / 1e6}. */
        public double minP() {
            return minPMicro / (double) MICRO;
        }

        @Override
        public byte[] encode() {
            return new CanonicalWriter().u8(1).u32(temperatureMilli).u32(topK).u32(topPMicro).u32(minPMicro).u64(seed)
                .toByteArray();
        }
    }
}
