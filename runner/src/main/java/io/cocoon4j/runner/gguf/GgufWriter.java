package io.cocoon4j.runner.gguf;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a GGUF version 3 file: metadata, tensor table, then the aligned tensor data, byte for byte
 * deterministic for the same calls. Metadata and tensors are declared first; {@link #write} then
 * streams the data through a {@link TensorData} callback, so large models never sit in memory.
 */
public final class GgufWriter {
    /** Streams one tensor's data; must write exactly {@link GgufTensorInfo#byteSize()} bytes. */
    @FunctionalInterface
    public interface TensorData {
        void write(GgufTensorInfo tensor, OutputStream out) throws IOException;
    }

    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
    static final int VERSION = 3;

    private final int alignment;
    private final ByteArrayOutputStream kv = new ByteArrayOutputStream();
    private int kvCount;
    private final List<GgufTensorInfo> tensors = new ArrayList<>();
    private long dataSize;

    /** A writer aligning tensor data to {@code alignment} bytes (GGUF's default is 32). */
    public GgufWriter(int alignment) {
        if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two: " + alignment);
        }
        this.alignment = alignment;
        if (alignment != 32) {
            putUint32("general.alignment", alignment);
        }
    }

    public GgufWriter putString(String key, String value) {
        key(key, GgufValueType.STRING);
        string(kv, value);
        return this;
    }

    public GgufWriter putUint32(String key, long value) {
        key(key, GgufValueType.UINT32);
        int32(kv, (int) value);
        return this;
    }

    public GgufWriter putFloat32(String key, float value) {
        key(key, GgufValueType.FLOAT32);
        int32(kv, Float.floatToIntBits(value));
        return this;
    }

    public GgufWriter putBool(String key, boolean value) {
        key(key, GgufValueType.BOOL);
        kv.write(value ? 1 : 0);
        return this;
    }

    public GgufWriter putStringArray(String key, List<String> values) {
        arrayHeader(key, GgufValueType.STRING, values.size());
        values.forEach(v -> string(kv, v));
        return this;
    }

    public GgufWriter putFloat32Array(String key, float[] values) {
        arrayHeader(key, GgufValueType.FLOAT32, values.length);
        for (float v : values) {
            int32(kv, Float.floatToIntBits(v));
        }
        return this;
    }

    public GgufWriter putInt32Array(String key, int[] values) {
        arrayHeader(key, GgufValueType.INT32, values.length);
        for (int v : values) {
            int32(kv, v);
        }
        return this;
    }

    /** Declares a tensor; its data offset follows the previous tensor's, aligned. */
    public GgufTensorInfo addTensor(String name, long[] dims, GgmlType type) {
        GgufTensorInfo t = new GgufTensorInfo(name, dims, type, dataSize);
        dataSize = align(dataSize + t.byteSize());
        tensors.add(t);
        return t;
    }

    /** Writes the whole file to {@code out} (not closed) and returns the number of bytes written. */
    public long write(OutputStream out, TensorData data) throws IOException {
        Counting c = new Counting(out);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int32(head, MAGIC);
        int32(head, VERSION);
        int64(head, tensors.size());
        int64(head, kvCount);
        kv.writeTo(head);
        for (GgufTensorInfo t : tensors) {
            string(head, t.name());
            long[] dims = t.dims();
            int32(head, dims.length);
            for (long d : dims) {
                int64(head, d);
            }
            int32(head, t.type().id());
            int64(head, t.offset());
        }
        head.writeTo(c);
        pad(c);
        long dataStart = c.count;
        for (GgufTensorInfo t : tensors) {
            long before = c.count;
            data.write(t, c);
            long written = c.count - before;
            if (written != t.byteSize()) {
                throw new IllegalStateException(t.name() + ": wrote " + written + " bytes, expected " + t.byteSize());
            }
            if (c.count - dataStart != t.offset() + t.byteSize()) {
                throw new IllegalStateException("offset drift at " + t.name());
            }
            pad(c);
        }
        c.flush();
        return c.count;
    }

    private void pad(Counting c) throws IOException {
        while (c.count % alignment != 0) {
            c.write(0);
        }
    }

    private long align(long n) {
        return (n + alignment - 1) / alignment * alignment;
    }

    private void key(String key, GgufValueType type) {
        string(kv, key);
        int32(kv, type.id());
        kvCount++;
    }

    private void arrayHeader(String key, GgufValueType elementType, int count) {
        key(key, GgufValueType.ARRAY);
        int32(kv, elementType.id());
        int64(kv, count);
    }

    private static void string(ByteArrayOutputStream o, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int64(o, b.length);
        o.writeBytes(b);
    }

    static void int32(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >>> 8);
        o.write(v >>> 16);
        o.write(v >>> 24);
    }

    private static void int64(ByteArrayOutputStream o, long v) {
        int32(o, (int) v);
        int32(o, (int) (v >>> 32));
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
