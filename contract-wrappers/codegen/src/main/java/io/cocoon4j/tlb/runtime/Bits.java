package io.cocoon4j.tlb.runtime;

import java.util.Arrays;
import java.util.HexFormat;
import org.ton.ton4j.bitstring.BitString;

/**
 * An immutable string of bits with value equality: TL-B {@code bits N} and {@code bitsN} fields.
 * (ton4j's {@link BitString} is mutable and compares by identity, so records cannot hold it.)
 */
public final class Bits {
    private final byte[] data;
    private final int length;

    private Bits(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    /** The first {@code length} bits of {@code bytes}, most significant bit first. */
    public static Bits of(byte[] bytes, int length) {
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("length " + length + " does not fit in " + bytes.length + " bytes");
        }
        byte[] d = Arrays.copyOf(bytes, (length + 7) / 8);
        if (length % 8 != 0) {
            d[d.length - 1] &= (byte) (0xff << (8 - length % 8));
        }
        return new Bits(d, length);
    }

    /** All bits of {@code bytes}. */
    public static Bits of(byte[] bytes) {
        return of(bytes, bytes.length * 8);
    }

    /** From a string of '0' and '1'. */
    public static Bits ofBinary(String binary) {
        byte[] d = new byte[(binary.length() + 7) / 8];
        for (int i = 0; i < binary.length(); i++) {
            char c = binary.charAt(i);
            if (c == '1') {
                d[i / 8] |= (byte) (0x80 >>> (i % 8));
            } else if (c != '0') {
                throw new IllegalArgumentException("not a binary digit: " + c);
            }
        }
        return new Bits(d, binary.length());
    }

    static Bits of(BitString bits) {
        int n = bits.getUsedBits();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(bits.get(i) ? '1' : '0');
        }
        return ofBinary(sb.toString());
    }

    public int length() {
        return length;
    }

    public boolean get(int i) {
        if (i < 0 || i >= length) {
            throw new IllegalArgumentException("bit " + i + " of " + length);
        }
        return (data[i / 8] & (0x80 >>> (i % 8))) != 0;
    }

    /** The bits packed into bytes, the last byte padded with zeros. */
    public byte[] toByteArray() {
        return data.clone();
    }

    public String toBinary() {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(get(i) ? '1' : '0');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bits b && b.length == length && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(data);
    }

    /** Hex when the length is a whole number of bytes, binary otherwise. */
    @Override
    public String toString() {
        return length % 8 == 0 ? "x{" + HexFormat.of().formatHex(data) + "}" : "b{" + toBinary() + "}";
    }
}
