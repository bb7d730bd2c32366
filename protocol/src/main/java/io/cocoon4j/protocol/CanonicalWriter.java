package io.cocoon4j.protocol;

import java.io.ByteArrayOutputStream;

/**
 * Appends fixed-width big-endian fields: the canonical encoding every protocol hash is taken
 * over. No lengths are implied: each message's Javadoc lists its fields in order.
 */
final class CanonicalWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    CanonicalWriter u8(int v) {
        out.write(v);
        return this;
    }

    CanonicalWriter u32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    CanonicalWriter u64(long v) {
        return u32((int) (v >>> 32)).u32((int) v);
    }

    CanonicalWriter bytes32(Hash32 h) {
        out.writeBytes(h.bytes());
        return this;
    }

    CanonicalWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    CanonicalWriter tokens(int[] tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            u32(tokens[i]);
        }
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
