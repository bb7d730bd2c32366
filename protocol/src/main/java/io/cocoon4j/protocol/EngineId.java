package io.cocoon4j.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Names the inference engine and its determinism profile, e.g.
 * {@code "llama.cpp b4916 cpu f32 ubatch=512"}: build, backend and whatever else changes logits
 * beyond the calibrated tolerance. Results are only compared between runs of the same engine id.
 *
 * @param value a non-blank UTF-8 string of at most 256 bytes
 */
public record EngineId(String value) {
    /** The longest accepted id, in UTF-8 bytes. */
    public static final int MAX_BYTES = 256;

    public EngineId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an engine id must not be blank");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("an engine id must be at most " + MAX_BYTES + " UTF-8 bytes");
        }
    }

    /** {@code SHA-256(0x04 || UTF-8 bytes of value)}: the fixed-width form that enters the result hash. */
    public Hash32 hash() {
        return HashDomain.ENGINE.hash(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value;
    }
}
