package io.cocoon4j.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * The TL-B {@code VmStack} encoding of a list of {@link TvmValue}s, as get-methods take and
 * return them (and as the reference tooling writes them: integers that fit 64 bits as tiny ints).
 * The list is bottom first: element 0 is pushed first, the last one ends on top.
 */
public final class TvmStack {
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private TvmStack() {}

    /** {@code vm_stack#_ depth:(## 24) stack:(VmStackList depth)}. */
    public static Cell serialize(List<TvmValue> values) {
        CellBuilder b = CellBuilder.beginCell().storeUint(values.size(), 24);
        appendList(values, values.size(), b);
        return b.endCell();
    }

    private static void appendList(List<TvmValue> values, int n, CellBuilder b) {
        if (n == 0) {
            return;
        }
        CellBuilder rest = CellBuilder.beginCell();
        appendList(values, n - 1, rest);
        b.storeRef(rest.endCell());
        appendValue(values.get(n - 1), b);
    }

    private static void appendValue(TvmValue v, CellBuilder b) {
        if (v instanceof TvmValue.Null) {
            b.storeUint(0, 8);
        } else if (v instanceof TvmValue.Int i) {
            if (i.value().compareTo(INT64_MAX) <= 0 && i.value().compareTo(INT64_MIN) >= 0) {
                b.storeUint(1, 8).storeUint(twosComplement(i.value(), 64), 64);
            } else {
                b.storeUint(0x0100, 15).storeUint(twosComplement(i.value(), 257), 257);
            }
        } else if (v instanceof TvmValue.NaN) {
            b.storeUint(0x02ff, 16);
        } else if (v instanceof TvmValue.CellValue c) {
            b.storeUint(3, 8).storeRef(c.cell());
        } else if (v instanceof TvmValue.SliceValue s) {
            b.storeUint(4, 8)
                    .storeUint(0, 10).storeUint(s.cell().getBitLength(), 10)
                    .storeUint(0, 3).storeUint(s.cell().getRefs().size(), 3)
                    .storeRef(s.cell());
        } else if (v instanceof TvmValue.BuilderValue bv) {
            b.storeUint(5, 8).storeRef(bv.cell());
        } else if (v instanceof TvmValue.Continuation c) {
            b.storeCell(c.cell());
        } else if (v instanceof TvmValue.Tuple t) {
            appendTuple(t.items(), b);
        }
    }

    /** ton4j's signed stores reject some negative values; store the two's complement as unsigned instead. */
    private static BigInteger twosComplement(BigInteger v, int bits) {
        return v.signum() >= 0 ? v : v.add(BigInteger.ONE.shiftLeft(bits));
    }

    private static Cell valueCell(TvmValue v) {
        CellBuilder b = CellBuilder.beginCell();
        appendValue(v, b);
        return b.endCell();
    }

    /** {@code vm_stk_tuple#07 len:(## 16) data:(VmTuple len)}. */
    private static void appendTuple(List<TvmValue> items, CellBuilder b) {
        b.storeUint(7, 8).storeUint(items.size(), 16);
        if (items.size() == 1) {
            b.storeRef(valueCell(items.get(0)));
        } else if (items.size() > 1) {
            b.storeRef(tupleRef(items, items.size() - 1));
            b.storeRef(valueCell(items.get(items.size() - 1)));
        }
    }

    /** {@code VmTupleRef n} for n ≥ 1 as the referenced cell: the single value, or a {@code VmTuple n}. */
    private static Cell tupleRef(List<TvmValue> items, int n) {
        if (n == 1) {
            return valueCell(items.get(0));
        }
        return CellBuilder.beginCell()
                .storeRef(tupleRef(items, n - 1))
                .storeRef(valueCell(items.get(n - 1)))
                .endCell();
    }

    /**
     * Parses a {@code VmStack} cell.
     *
     * @throws MalformedMessageException when the cell is not a valid stack
     */
    public static List<TvmValue> parse(Cell stack) {
        return CellErrors.parsing("not a TVM stack", () -> {
            CellSlice cs = CellSlice.beginParse(stack);
            int depth = cs.loadUint(24).intValueExact();
            List<TvmValue> out = new ArrayList<>(depth);
            for (int i = 0; i < depth; i++) {
                Cell rest = cs.loadRef();
                out.add(0, parseValue(cs));
                cs = CellSlice.beginParse(rest);
            }
            return out;
        });
    }

    private static TvmValue parseValue(CellSlice cs) {
        int tag = cs.loadUint(8).intValue();
        switch (tag) {
            case 0:
                return new TvmValue.Null();
            case 1:
                return new TvmValue.Int(cs.loadInt(64));
            case 2:
                if (cs.loadUint(7).intValue() == 0) {
                    return new TvmValue.Int(cs.loadInt(257));
                }
                cs.loadBit();
                return new TvmValue.NaN();
            case 3:
                return new TvmValue.CellValue(cs.loadRef());
            case 4:
                return new TvmValue.SliceValue(parseSlice(cs));
            case 5:
                return new TvmValue.BuilderValue(cs.loadRef());
            case 6:
                // Continuations are opaque to callers; keep the remaining encoding as a cell.
                return new TvmValue.Continuation(CellBuilder.beginCell().storeUint(6, 8).storeSlice(cs).endCell());
            case 7:
                return new TvmValue.Tuple(parseTuple(cs));
            default:
                throw new MalformedMessageException("unknown TVM stack value tag " + tag);
        }
    }

    private static Cell parseSlice(CellSlice cs) {
        int stBits = cs.loadUint(10).intValue();
        int endBits = cs.loadUint(10).intValue();
        int stRef = cs.loadUint(3).intValue();
        int endRef = cs.loadUint(3).intValue();
        CellSlice rs = CellSlice.beginParse(cs.loadRef());
        if (endBits < stBits || endRef < stRef) {
            throw new MalformedMessageException("slice bounds out of order");
        }
        rs.skipBits(stBits);
        CellBuilder b = CellBuilder.beginCell().storeBitString(rs.loadBits(endBits - stBits));
        rs.skipRefs(stRef);
        for (int i = stRef; i < endRef; i++) {
            b.storeRef(rs.loadRef());
        }
        return b.endCell();
    }

    private static List<TvmValue> parseTuple(CellSlice cs) {
        int len = cs.loadUint(16).intValue();
        List<TvmValue> items = new ArrayList<>(len);
        if (len == 1) {
            items.add(parseValue(CellSlice.beginParse(cs.loadRef())));
        } else if (len > 1) {
            Cell head = cs.loadRef();
            Cell tail = cs.loadRef();
            items.add(0, parseValue(CellSlice.beginParse(tail)));
            for (int i = 0; i < len - 2; i++) {
                CellSlice h = CellSlice.beginParse(head);
                head = h.loadRef();
                items.add(0, parseValue(CellSlice.beginParse(h.loadRef())));
            }
            items.add(0, parseValue(CellSlice.beginParse(head)));
        }
        return items;
    }
}
