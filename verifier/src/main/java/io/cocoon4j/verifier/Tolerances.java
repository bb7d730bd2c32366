package io.cocoon4j.verifier;

import io.cocoon4j.protocol.sampling.Tolerance;

/**
 * Calibrated τ per generated model shape; the measurements and the reasoning are in
 * verifier/TOLERANCE.md. τ belongs to a model (drift grows with depth, width and logit scale), so a
 * network registers it with each allowed model.
 */
public final class Tolerances {
    /** The tiny model (2 × 64, f32). */
    public static final Tolerance TINY = new Tolerance(5e-5);
    /** The small model (8 × 512, f16). */
    public static final Tolerance SMALL = new Tolerance(0.05);
    /** The medium model (12 × 1024, f16). */
    public static final Tolerance MEDIUM = new Tolerance(0.05);

    private Tolerances() {}

    /** τ for a generated model shape named {@code tiny}, {@code small} or {@code medium}. */
    public static Tolerance forShape(String shape) {
        return switch (shape) {
            case "tiny" -> TINY;
            case "small" -> SMALL;
            case "medium" -> MEDIUM;
            default -> throw new IllegalArgumentException("no calibrated tolerance for model shape '" + shape + "'");
        };
    }
}
