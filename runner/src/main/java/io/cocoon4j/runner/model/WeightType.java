package io.cocoon4j.runner.model;

import io.cocoon4j.runner.gguf.GgmlType;

/**
 * Storage precision of a generated model's matrices (norm vectors always stay f32). The same shape
 * and seed give the same underlying weights at every precision, which is what a verifier needs to
 * model a runner that cheats by serving "the same weights, quantised".
 */
public enum WeightType {
    F32(GgmlType.F32, 0),
    F16(GgmlType.F16, 1),
    Q8_0(GgmlType.Q8_0, 7);

    private final GgmlType ggml;
    private final int fileType;

    WeightType(GgmlType ggml, int fileType) {
        this.ggml = ggml;
        this.fileType = fileType;
    }

    /** The tensor type matrices are stored as. */
    public GgmlType ggmlType() {
        return ggml;
    }

    /** The value of {@code general.file_type} (llama.cpp's {@code llama_ftype}). */
    int fileType() {
        return fileType;
    }

    /** Parses {@code f32}, {@code f16} or {@code q8_0}, any case. */
    public static WeightType parse(String s) {
        for (WeightType t : values()) {
            if (t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown weight type '" + s + "' (expected f32, f16 or q8_0)");
    }
}
