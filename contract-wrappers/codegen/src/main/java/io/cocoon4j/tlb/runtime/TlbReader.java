package io.cocoon4j.tlb.runtime;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.ton.ton4j.bitstring.BitString;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.cell.TonHashMapE;

/**
 * Reads one constructor's fields from a {@link CellSlice} for generated code. Every read checks
 * that the bits or references are there first, so a short or malformed cell becomes a
 * {@link TlbDecodeException} naming type, constructor and field, never an index error.
 *
 * <p>Usage in generated code: {@code in.field("query_id").uint64()}; {@link #field} names what is
 * read next.
 */
public final class TlbReader {
    private final CellSlice slice;
    private final String type;
    private String constructor;
    private String field;

    private TlbReader(CellSlice slice, String type, String constructor) {
        this.slice = slice;
        this.type = type;
        this.constructor = constructor;
    }

    /** Starts reading a value of {@code type} built by {@code constructor} ({@code "?"} until the tag is known). */
    public static TlbReader begin(CellSlice slice, String type, String constructor) {
        return new TlbReader(slice, type, constructor);
    }

    /** The slice being read, positioned after what has been read. */
    public CellSlice slice() {
        return slice;
    }

    /** Names the field read next, for error messages. */
    public TlbReader field(String name) {
        this.field = name;
        return this;
    }

    /** Once dispatch chose the constructor. */
    public TlbReader constructor(String name) {
        this.constructor = name;
        this.field = null;
        return this;
    }

    public TlbDecodeException error(String problem) {
        return new TlbDecodeException(type, constructor, field, problem);
    }

    private void needBits(int n) {
        if (slice.getRestBits() < n) {
            throw error("too few bits: needs " + n + ", " + slice.getRestBits() + " left");
        }
    }

    private void needRef() {
        if (slice.getRefsCount() < 1) {
            throw error("missing cell reference");
        }
    }

    // ---- tags and dispatch

    /** Reads and checks a constructor tag. */
    public void tag(long expected, int bits) {
        needBits(bits);
        long got = slice.loadUint(bits).longValue();
        if (got != expected) {
            throw error(String.format("wrong tag: expected %s, found %s", tagText(expected, bits), tagText(got, bits)));
        }
    }

    /** Whether the next bits are {@code prefix} (as '0'/'1'), without consuming them. */
    public boolean peekIs(String prefix) {
        if (slice.getRestBits() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (slice.preloadBitAt(i + 1) != (prefix.charAt(i) == '1')) {
                return false;
            }
        }
        return true;
    }

    /** For a sum type whose next bits match none of its constructors. */
    public TlbDecodeException noConstructor() {
        int n = Math.min(32, slice.getRestBits());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(slice.preloadBitAt(i + 1) ? '1' : '0');
        }
        return error("no constructor matches the next bits b{" + sb + (slice.getRestBits() > n ? "...}" : "}"));
    }

    private static String tagText(long v, int bits) {
        if (bits % 4 == 0) {
            return String.format("#%0" + (bits / 4) + "x", v);
        }
        StringBuilder sb = new StringBuilder("$");
        for (int i = bits - 1; i >= 0; i--) {
            sb.append((v >>> i) & 1);
        }
        return sb.toString();
    }

    /** Checks a TL-B constraint such as {@code { depth >= 1 }}. */
    public void check(boolean holds, String constraint) {
        if (!holds) {
            throw error("constraint " + constraint + " does not hold");
        }
    }

    /** Decoding must have used every bit and reference of a whole cell. */
    public void end() {
        if (slice.getRestBits() != 0 || slice.getRefsCount() != 0) {
            throw error("trailing data: " + slice.getRestBits() + " bits and " + slice.getRefsCount()
                    + " references left over");
        }
    }

    // ---- numbers

    /** {@code uintN} with N &lt;= 63. */
    public long uint(int bits) {
        needBits(bits);
        return bits == 0 ? 0 : slice.loadUint(bits).longValue();
    }

    /** {@code uintN} of any width up to 256. */
    public BigInteger bigUint(int bits) {
        needBits(bits);
        return bits == 0 ? BigInteger.ZERO : slice.loadUint(bits);
    }

    /** {@code intN} with N &lt;= 64. */
    public long sint(int bits) {
        needBits(bits);
        return bits == 0 ? 0 : slice.loadInt(bits).longValue();
    }

    /** {@code intN} of any width up to 257. */
    public BigInteger bigInt(int bits) {
        needBits(bits);
        return bits == 0 ? BigInteger.ZERO : slice.loadInt(bits);
    }

    public boolean bool() {
        needBits(1);
        return slice.loadBit();
    }

    /** {@code #< n}: a natural below {@code n}, in the fewest bits that hold {@code n - 1}. */
    public long natLess(long n) {
        long v = uint(TlbWriter.bitsFor(n - 1));
        if (v >= n) {
            throw error(v + " is not below " + n);
        }
        return v;
    }

    /** {@code #<= n}: a natural at most {@code n}, in the fewest bits that hold {@code n}. */
    public long natLeq(long n) {
        long v = uint(TlbWriter.bitsFor(n));
        if (v > n) {
            throw error(v + " exceeds " + n);
        }
        return v;
    }

    /** {@code VarUInteger n}: a byte length in {@code #< n}, then that many bytes. */
    public BigInteger varUInt(int n) {
        int len = (int) natLess(n);
        BigInteger v = bigUint(len * 8);
        // only the shortest length re-encodes to the same bits, so a longer one is rejected
        if ((v.bitLength() + 7) / 8 != len) {
            throw error("non-canonical VarUInteger: " + len + " bytes for " + v);
        }
        return v;
    }

    /** {@code VarInteger n}. */
    public BigInteger varInt(int n) {
        int len = (int) natLess(n);
        BigInteger v = bigInt(len * 8);
        if ((v.signum() == 0 ? 0 : (v.bitLength() + 8) / 8) != len) {
            throw error("non-canonical VarInteger: " + len + " bytes for " + v);
        }
        return v;
    }

    /** {@code Coins} and {@code Grams}: {@code VarUInteger 16}. */
    public BigInteger coins() {
        return varUInt(16);
    }

    // ---- bits, addresses, cells

    public Bits bits(long n) {
        if (n < 0 || n > 1023) {
            throw error("bit length " + n + " outside 0..1023");
        }
        needBits((int) n);
        return n == 0 ? Bits.ofBinary("") : Bits.of(slice.loadBits((int) n));
    }

    /** {@code MsgAddress}: any of the four address forms, kept bit-exact. */
    public MsgAddress address() {
        StringBuilder raw = new StringBuilder();
        String tag = bitsText(2, raw);
        switch (tag) {
            case "00" -> { }
            case "01" -> bitsText((int) Long.parseLong(bitsText(9, raw), 2), raw);
            case "10" -> {
                anycast(raw);
                bitsText(8 + 256, raw);
            }
            default -> {
                anycast(raw);
                int len = (int) Long.parseLong(bitsText(9, raw), 2);
                bitsText(32 + len, raw);
            }
        }
        return MsgAddress.ofSerialized(Bits.ofBinary(raw.toString()));
    }

    /** {@code MsgAddressInt}: {@code addr_std} or {@code addr_var}. */
    public MsgAddress addressInt() {
        if (!peekIs("1")) {
            throw error("expected an internal address (addr_std or addr_var)");
        }
        return address();
    }

    private void anycast(StringBuilder raw) {
        if (bitsText(1, raw).equals("1")) {
            int depth = (int) Long.parseLong(bitsText(5, raw), 2);
            if (depth < 1 || depth > 30) {
                throw error("anycast depth " + depth + " outside 1..30");
            }
            bitsText(depth, raw);
        }
    }

    private String bitsText(int n, StringBuilder raw) {
        String s = n == 0 ? "" : bits(n).toBinary();
        raw.append(s);
        return s;
    }

    /** {@code ^Cell}: the next reference. */
    public Cell refCell() {
        needRef();
        return slice.loadRef();
    }

    /** {@code ^T}: the next reference, decoded whole as a {@code T}. */
    public <T> T ref(Function<CellSlice, T> load) {
        Cell cell = refCell();
        CellSlice inner = CellSlice.beginParse(cell);
        T value = nested(load, inner);
        if (inner.getRestBits() != 0 || inner.getRefsCount() != 0) {
            throw error("trailing data in the referenced cell: " + inner.getRestBits() + " bits and "
                    + inner.getRefsCount() + " references left over");
        }
        return value;
    }

    /** A value of another TL-B type stored inline. */
    public <T> T inline(Function<CellSlice, T> load) {
        return nested(load, slice);
    }

    private <T> T nested(Function<CellSlice, T> load, CellSlice from) {
        try {
            return load.apply(from);
        } catch (TlbDecodeException e) {
            throw e.within(type, constructor, field);
        }
    }

    /** {@code Cell} or {@code Any} as the last field: everything left, bits and references. */
    public Cell rest() {
        // rebuilt so that the cell has its hashes and compares equal to the same cell built elsewhere
        Cell rest = CellBuilder.beginCell().storeCell(slice.sliceToCell()).endCell();
        slice.skipBits(slice.getRestBits());
        slice.skipRefs(slice.getRefsCount());
        return rest;
    }

    // ---- combinators

    /** {@code Maybe X}: bit 0, or bit 1 then an X. */
    public <T> Optional<T> maybe(Function<TlbReader, T> value) {
        return bool() ? Optional.of(value.apply(this)) : Optional.empty();
    }

    /** {@code Either X Y}: bit 0 then an X, or bit 1 then a Y. */
    public <L, R> Either<L, R> either(Function<TlbReader, L> left, Function<TlbReader, R> right) {
        return bool() ? Either.right(right.apply(this)) : Either.left(left.apply(this));
    }

    /** {@code HashmapE n X} with unsigned {@code n}-bit keys, in key order. */
    public <V> Map<BigInteger, V> dict(int keyBits, Function<CellSlice, V> value) {
        if (!peekIs("0")) {
            needBits(1);
            needRef();
        }
        Cell root = peekIs("1") ? slice.preloadRef() : null;
        TonHashMapE raw;
        try {
            raw = slice.loadDictE(keyBits, k -> k.readUint(keyBits), v -> v);
        } catch (RuntimeException | Error e) { // ton4j reports a malformed dictionary with java.lang.Error
            throw error("malformed dictionary: " + e.getMessage());
        }
        if (root != null) {
            // labels have one shortest encoding; any other would not re-encode to the same cell
            Cell canonical = raw.serialize(k -> {
                BitString b = new BitString(keyBits);
                b.writeUint((BigInteger) k, keyBits);
                return b;
            }, v -> (Cell) v);
            if (canonical == null || !Arrays.equals(canonical.getHash(), root.getHash())) {
                throw error("non-canonical dictionary encoding");
            }
        }
        Map<BigInteger, V> out = new TreeMap<>();
        raw.elements.forEach((k, v) -> out.put((BigInteger) k, nested(value, CellSlice.beginParse((Cell) v))));
        return Collections.unmodifiableMap(out);
    }
}
