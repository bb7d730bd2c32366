package io.cocoon4j.enclave.dcap.ccel;

import java.util.Arrays;

/** Bounds-checked little-endian reads over an event log buffer. */
final class LeReader {
    private final byte[] data;
    private int pos;

    LeReader(byte[] data) {
        this.data = data;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return data.length - pos;
    }

    private void need(long n, String field) throws EventLogFormatException {
        if (n < 0 || n > remaining()) {
            throw new EventLogFormatException(field + " at offset " + pos + ": needs " + n + " bytes, " + remaining() + " remain");
        }
    }

    int u8(String field) throws EventLogFormatException {
        need(1, field);
        return data[pos++] & 0xff;
    }

    int u16(String field) throws EventLogFormatException {
        need(2, field);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    long u32(String field) throws EventLogFormatException {
        need(4, field);
        long v = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16 | (data[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    long u64(String field) throws EventLogFormatException {
        long lo = u32(field);
        long hi = u32(field);
        return lo | hi << 32;
    }

    byte[] bytes(long n, String field) throws EventLogFormatException {
        need(n, field);
        byte[] out = Arrays.copyOfRange(data, pos, pos + (int) n);
        pos += (int) n;
        return out;
    }

    /** Whether every remaining byte is {@code b} (the unused tail of a log area). */
    boolean restIs(int b) {
        for (int i = pos; i < data.length; i++) {
            if ((data[i] & 0xff) != b) {
                return false;
            }
        }
        return true;
    }
}
