package io.cocoon4j.runner.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a GGUF header without trusting it: every count, length and offset is checked
 * against the file size before use, so a truncated or corrupted file gives a
 * {@link GgufFormatException} instead of a huge allocation or, later, a native abort.
 */
public final class GgufReader {
    private static final int MAX_KEY = 65_535;
    private static final int MAX_STRING = 16 << 20;
    private static final long MAX_ENTRIES = 1 << 20;
    private static final int MAX_DIMS = 4;

    private final FileChannel ch;
    private final long size;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long bufStart;

    private GgufReader(FileChannel ch, long size) {
        this.ch = ch;
        this.size = size;
        buf.limit(0);
    }

    /** Parses and checks the header of {@code path}. */
    public static GgufFile read(Path path) throws IOException, GgufFormatException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return new GgufReader(ch, ch.size()).parse();
        }
    }

    private GgufFile parse() throws IOException, GgufFormatException {
        if (size < 24) {
            throw new GgufFormatException("not a GGUF file: only " + size + " bytes");
        }
        if (i32() != GgufWriter.MAGIC) {
            throw new GgufFormatException("not a GGUF file: bad magic");
        }
        int version = i32();
        if (version != 2 && version != 3) {
            throw new GgufFormatException("unsupported GGUF version " + version);
        }
        long tensorCount = count(i64(), "tensor count");
        long kvCount = count(i64(), "metadata count");
        Map<String, Object> meta = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = string(MAX_KEY);
            if (meta.containsKey(key)) {
                throw new GgufFormatException("duplicate metadata key " + key);
            }
            meta.put(key, value(type(i32())));
        }
        int alignment = 32;
        if (meta.containsKey("general.alignment")) {
            if (!(meta.get("general.alignment") instanceof Long a) || a <= 0 || a > 1 << 20 || Long.bitCount(a) != 1) {
                throw new GgufFormatException("bad general.alignment " + meta.get("general.alignment"));
            }
            alignment = (int) (long) a;
        }
        List<GgufTensorInfo> tensors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            String name = string(MAX_KEY);
            if (!names.add(name)) {
                throw new GgufFormatException("duplicate tensor " + name);
            }
            int nDims = i32();
            if (nDims < 1 || nDims > MAX_DIMS) {
                throw new GgufFormatException(name + ": bad dimension count " + nDims);
            }
            long[] dims = new long[nDims];
            long elements = 1;
            for (int d = 0; d < nDims; d++) {
                dims[d] = i64();
                if (dims[d] <= 0 || dims[d] > size * 8) {
                    throw new GgufFormatException(name + ": bad extent " + dims[d]);
                }
                elements = multiply(elements, dims[d], name);
            }
            int typeId = i32();
            GgmlType type = GgmlType.byId(typeId)
                .orElseThrow(() -> new GgufFormatException(name + ": unsupported tensor type " + typeId));
            if (dims[0] % type.blockSize() != 0) {
                throw new GgufFormatException(name + ": first extent not a multiple of " + type.blockSize());
            }
            long offset = i64();
            if (offset < 0 || offset % alignment != 0) {
                throw new GgufFormatException(name + ": misaligned offset " + offset);
            }
            tensors.add(new GgufTensorInfo(name, dims, type, offset));
        }
        long dataOffset = (position() + alignment - 1) / alignment * alignment;
        for (GgufTensorInfo t : tensors) {
            long end = dataOffset + t.offset() + t.byteSize();
            if (end > size || end < 0) {
                throw new GgufFormatException("truncated: tensor " + t.name() + " ends at byte " + end
                    + " but the file has " + size);
            }
        }
        return new GgufFile(version, meta, tensors, alignment, dataOffset, size);
    }

    private Object value(GgufValueType type) throws IOException, GgufFormatException {
        switch (type) {
            case UINT8: return (long) (u8() & 0xff);
            case INT8: return (long) (byte) u8();
            case UINT16: return (long) (i16() & 0xffff);
            case INT16: return (long) (short) i16();
            case UINT32: return i32() & 0xffffffffL;
            case INT32: return (long) i32();
            case UINT64: case INT64: return i64();
            case FLOAT32: return (double) Float.intBitsToFloat(i32());
            case FLOAT64: return Double.longBitsToDouble(i64());
            case BOOL: {
                int b = u8();
                if (b > 1) {
                    throw new GgufFormatException("bad boolean " + b);
                }
                return b == 1;
            }
            case STRING: return string(MAX_STRING);
            case ARRAY: {
                GgufValueType element = type(i32());
                if (element == GgufValueType.ARRAY) {
                    throw new GgufFormatException("nested arrays are not supported");
                }
                long n = count(i64(), "array length");
                long minBytes = element == GgufValueType.STRING ? 8 : element.fixedSize();
                if (n * minBytes > size - position()) {
                    throw new GgufFormatException("truncated: array of " + n + " " + element + " values");
                }
                List<Object> list = new ArrayList<>((int) n);
                for (long i = 0; i < n; i++) {
                    list.add(value(element));
                }
                return new GgufArray(element, list);
            }
            default: throw new AssertionError(type);
        }
    }

    private GgufValueType type(int id) throws GgufFormatException {
        return GgufValueType.byId(id).orElseThrow(() -> new GgufFormatException("unknown metadata type " + id));
    }

    private long count(long n, String what) throws GgufFormatException {
        if (n < 0 || n > MAX_ENTRIES * 64) {
            throw new GgufFormatException("implausible " + what + " " + n);
        }
        return n;
    }

    private static long multiply(long a, long b, String name) throws GgufFormatException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new GgufFormatException(name + ": element count overflows");
        }
    }

    private String string(int max) throws IOException, GgufFormatException {
        long len = i64();
        if (len < 0 || len > max || len > size - position()) {
            throw new GgufFormatException("bad or truncated string of length " + len + " at byte " + position());
        }
        byte[] b = new byte[(int) len];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) u8();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new GgufFormatException("string at byte " + position() + " is not UTF-8");
        }
    }

    private long position() {
        return bufStart + buf.position();
    }

    private void need(int n) throws IOException, GgufFormatException {
        if (buf.remaining() >= n) {
            return;
        }
        if (position() + n > size) {
            throw new GgufFormatException("truncated header at byte " + position());
        }
        long pos = position();
        buf.compact();
        bufStart = pos;
        while (buf.position() < n && buf.hasRemaining()) {
            if (ch.read(buf, bufStart + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        if (buf.remaining() < n) {
            throw new GgufFormatException("truncated header at byte " + position());
        }
    }

    private int u8() throws IOException, GgufFormatException {
        need(1);
        return buf.get() & 0xff;
    }

    private int i16() throws IOException, GgufFormatException {
        need(2);
        return buf.getShort();
    }

    private int i32() throws IOException, GgufFormatException {
        need(4);
        return buf.getInt();
    }

    private long i64() throws IOException, GgufFormatException {
        need(8);
        return buf.getLong();
    }
}
