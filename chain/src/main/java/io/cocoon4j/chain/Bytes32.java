package io.cocoon4j.chain;

import java.util.Arrays;
import java.util.HexFormat;

/** A 256-bit value (cell hash, transaction hash, public key) with value equality and hex form. */
public record Bytes32(byte[] bytes) {
    public static final Bytes32 ZERO = new Bytes32(new byte[32]);

    public Bytes32 {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("expected 32 bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public static Bytes32 fromHex(String hex) {
        return new Bytes32(HexFormat.of().parseHex(hex));
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes32 other && Arrays.equals(bytes, other.bytes);
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
