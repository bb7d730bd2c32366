package io.cocoon4j.enclave.dcap.quote;

import java.util.Arrays;

/**
 * Little-endian reader over a window of a byte array. Every read checks the window first, so a
 * length field read from the quote can never make us allocate or index past the input: a lie
 * becomes a {@link QuoteFormatException} naming the field.
 */
final class BoundedReader {
    private final byte[] data;
    private final int end;
    private int pos;

    BoundedReader(byte[] data) {
        this(data, 0, data.length);
    }

    private BoundedReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    private void need(long n, String field) throws QuoteFormatException {
        if (n < 0 || n > remaining()) {
            throw new QuoteFormatException(field + ": needs " + n + " bytes but only " + remaining() + " remain");
        }
    }

    int u16(String field) throws QuoteFormatException {
        need(2, field);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    long u32(String field) throws QuoteFormatException {
        need(4, field);
        long v = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16
            | (data[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    byte[] bytes(long n, String field) throws QuoteFormatException {
        need(n, field);
        byte[] out = Arrays.copyOfRange(data, pos, pos + (int) n);
        pos += (int) n;
        return out;
    }

    /** A reader over the next {@code n} bytes; this reader skips past them. */
    BoundedReader window(long n, String field) throws QuoteFormatException {
        need(n, field);
        BoundedReader sub = new BoundedReader(data, pos, pos + (int) n);
        pos += (int) n;
        return sub;
    }
}
