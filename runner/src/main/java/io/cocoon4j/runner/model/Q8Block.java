package io.cocoon4j.runner.model;

import java.nio.ByteBuffer;

/**
 * ggml's Q8_0 block: 32 values stored as one f16 scale {@code d = max|x| / 127} followed by 32
 * signed bytes {@code round(x / d)}.
 */
final class Q8Block {
    static final int SIZE = 32;

    private Q8Block() {}

    /** Quantises {@code n} values (a multiple of 32) into {@code out}. */
    static void quantize(float[] values, int n, ByteBuffer out) {
        if (n % SIZE != 0) {
            throw new IllegalArgumentException("Q8_0 needs whole blocks of 32, got " + n);
        }
        for (int b = 0; b < n; b += SIZE) {
            float amax = 0;
            for (int i = 0; i < SIZE; i++) {
                amax = Math.max(amax, Math.abs(values[b + i]));
            }
            float d = amax / 127f;
            float inv = d != 0 ? 1f / d : 0f;
            out.putShort(HalfFloat.fromFloat(d));
            for (int i = 0; i < SIZE; i++) {
                float v = values[b + i] * inv;
                out.put((byte) (v < 0 ? -Math.round(-v) : Math.round(v)));
            }
        }
    }

    /** Reads back value {@code i} of a block starting at {@code block[off]}. */
    static float dequantize(byte[] block, int off, int i) {
        short d = (short) ((block[off] & 0xff) | (block[off + 1] << 8));
        return HalfFloat.toFloat(d) * block[off + 2 + i];
    }
}
