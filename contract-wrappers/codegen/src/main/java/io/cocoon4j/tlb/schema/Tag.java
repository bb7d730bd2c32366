package io.cocoon4j.tlb.schema;

/**
 * A constructor tag: {@code bits} bits holding {@code value} (most significant first); {@code bits == 0} is no tag.
 */
public record Tag(long value, int bits) {
    public static final Tag NONE = new Tag(0, 0);

    public Tag {
        if (bits < 0 || bits > 63) {
            throw new IllegalArgumentException("tag length " + bits);
        }
    }

    /** The tag as a string of '0'/'1'. */
    public String binary() {
        StringBuilder sb = new StringBuilder(bits);
        for (int i = bits - 1; i >= 0; i--) {
            sb.append((value >>> i) & 1);
        }
        return sb.toString();
    }

    /** {@code #0f8a7ea5} for whole hex digits, {@code $01} otherwise. */
    @Override
    public String toString() {
        if (bits == 0) {
            return "(none)";
        }
        if (bits % 4 == 0) {
            return String.format("#%0" + (bits / 4) + "x", value);
        }
        return "$" + binary();
    }
}
