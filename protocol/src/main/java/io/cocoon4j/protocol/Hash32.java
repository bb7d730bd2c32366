package io.cocoon4j.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte value: a SHA-256 digest, a job id or a salt. Immutable; {@link #equals} compares the
 * bytes. The text form is 64 lowercase hexadecimal digits.
 */
public final class Hash32 {
    /** The length in bytes. */
    public static final int LENGTH = 32;
    /** Thirty-two zero bytes: the padding leaf of {@link io.cocoon4j.protocol.merkle.MerkleTree}. */
    public static final Hash32 ZERO = new Hash32(new byte[LENGTH]);

    private final byte[] bytes;

    private Hash32(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of {@code bytes}.
     *
     * @throws IllegalArgumentException if {@code bytes} is not exactly 32 bytes long
     */
    public static Hash32 of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a 32-byte value is needed, got "
                + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        return new Hash32(bytes.clone());
    }

    /**
     * Parses 64 hexadecimal digits (either case).
     *
     * @throws IllegalArgumentException if {@code hex} is not 64 hexadecimal digits
     */
    public static Hash32 fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("64 hexadecimal digits are needed, got "
                + (hex == null ? "null" : hex.length() + " characters"));
        }
        try {
            return new Hash32(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hexadecimal: " + hex, e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 64 lowercase hexadecimal digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash32 h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
