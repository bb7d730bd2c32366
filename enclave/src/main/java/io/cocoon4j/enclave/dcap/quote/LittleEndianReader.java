package io.cocoon4j.enclave.dcap.quote;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Little-endian reader over a window of a byte array, for the binary formats of attestation
 * (quotes, event logs). Every read checks the window first, so a length field read from the
 * input can never make us allocate or index past the input: a lie becomes the caller's
 * exception type {@code E}, naming the field.
 *
 * @param <E> the exception a malformed input raises
 */
public final class LittleEndianReader<E extends Exception> {
    private final byte[] data;
    private final int end;
    private final Function<String, E> error;
    private int pos;

    public LittleEndianReader(byte[] data, Function<String, E> error) {
        this(data, 0, data.length, error);
    }

    private LittleEndianReader(byte[] data, int start, int end, Function<String, E> error) {
        this.data = data;
        this.pos = start;
        this.end = end;
        this.error = error;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(long n, String field) throws E {
        if (n < 0 || n > remaining()) {
            throw error.apply(field + ": needs " + n + " bytes but only " + remaining() + " remain");
        }
    }

    public int u8(String field) throws E {
        need(1, field);
        return data[pos++] & 0xff;
    }

    public int u16(String field) throws E {
        need(2, field);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    public long u32(String field) throws E {
        need(4, field);
        long v = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16
            | (data[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    public long u64(String field) throws E {
        long lo = u32(field);
        return lo | u32(field) << 32;
    }

    public byte[] bytes(long n, String field) throws E {
        need(n, field);
        byte[] out = Arrays.copyOfRange(data, pos, pos + (int) n);
        pos += (int) n;
        return out;
    }

    /** A reader over the next {@code n} bytes; this reader skips past them. */
    public LittleEndianReader<E> window(long n, String field) throws E {
        need(n, field);
        LittleEndianReader<E> sub = new LittleEndianReader<>(data, pos, pos + (int) n, error);
        pos += (int) n;
        return sub;
    }

    /** Whether every remaining byte is {@code b} (the unused tail of a fixed-size area). */
    public boolean restIs(int b) {
        for (int i = pos; i < end; i++) {
            if ((data[i] & 0xff) != b) {
                return false;
            }
        }
        return true;
    }
}
