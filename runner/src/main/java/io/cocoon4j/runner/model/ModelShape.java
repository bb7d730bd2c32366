package io.cocoon4j.runner.model;

import java.util.Locale;

/**
 * The sizes of the generated llama-architecture models.
 *
 * @see ModelGenerator
 */
public enum ModelShape {
    /** 2 layers × 64, vocab 556, f32: about 0.6 MB, for unit tests. */
    TINY(2, 64, 4, 4, 128, 556, 2048, WeightType.F32),
    /** 8 layers × 512, vocab 8,056, f16: 35.5M parameters, about 71 MB, for benchmarks. */
    SMALL(8, 512, 8, 8, 1536, 8056, 2048, WeightType.F16),
    /** 12 layers × 1024, vocab 15,556, f16: 186M parameters, about 372 MB. */
    MEDIUM(12, 1024, 16, 16, 2816, 15556, 2048, WeightType.F16);

    public final int layers;
    public final int embedding;
    public final int heads;
    public final int kvHeads;
    public final int feedForward;
    public final int vocab;
    public final int contextLength;
    public final WeightType defaultType;

    ModelShape(int layers, int embedding, int heads, int kvHeads, int feedForward, int vocab,
               int contextLength, WeightType defaultType) {
        this.layers = layers;
        this.embedding = embedding;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.feedForward = feedForward;
        this.vocab = vocab;
        this.contextLength = contextLength;
        this.defaultType = defaultType;
    }

    /** Lower-case name as the CLI spells it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code tiny}, {@code small} or {@code medium}, any case. */
    public static ModelShape parse(String s) {
        for (ModelShape m : values()) {
            if (m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model shape '" + s + "' (expected tiny, small or medium)");
    }
}
