package io.cocoon4j.wrappers;

import io.cocoon4j.chain.GetMethodResult;
import io.cocoon4j.chain.TvmValue;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.tlb.runtime.TlbDecodeException;
import io.cocoon4j.tlb.runtime.TlbReader;
import java.math.BigInteger;
import java.util.function.Function;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * The result stack of one get-method, read as the declaration next to the schema says. A stack
 * that does not match (too few items, an item of another kind, a slice that does not decode) is a
 * {@link TlbDecodeException} naming the get-method (as constructor) and the result (as field).
 */
public final class GetMethodStack {
    private final String method;
    private final GetMethodResult result;

    private GetMethodStack(String method, GetMethodResult result) {
        this.method = method;
        this.result = result;
    }

    /** Wraps a result that must hold at least {@code expected} items. */
    public static GetMethodStack of(String method, GetMethodResult result, int expected) {
        GetMethodStack s = new GetMethodStack(method, result);
        if (result.stack().size() < expected) {
            throw s.error(null, "returned " + result.stack().size() + " stack items, " + expected + " declared");
        }
        return s;
    }

    /** A slice argument holding exactly these bits (an address, for instance). */
    public static TvmValue slice(Bits bits) {
        return TvmValue.slice(CellBuilder.beginCell().storeBits(bits.toBinary()).endCell());
    }

    private TlbDecodeException error(String name, String problem) {
        return new TlbDecodeException("get-method", method, name, problem);
    }

    private TvmValue at(int i) {
        return result.stack().get(i);
    }

    public BigInteger intAt(int i, String name) {
        if (at(i) instanceof TvmValue.Int v) {
            return v.value();
        }
        throw error(name, "expected an integer, found " + at(i).getClass().getSimpleName());
    }

    public long longAt(int i, String name) {
        BigInteger v = intAt(i, name);
        if (v.bitLength() > 63) {
            throw error(name, v + " does not fit in a long");
        }
        return v.longValue();
    }

    public boolean boolAt(int i, String name) {
        return intAt(i, name).signum() != 0;
    }

    public Cell cellAt(int i, String name) {
        if (at(i) instanceof TvmValue.CellValue c) {
            return c.cell();
        }
        if (at(i) instanceof TvmValue.SliceValue s) {
            return s.cell();
        }
        throw error(name, "expected a cell, found " + at(i).getClass().getSimpleName());
    }

    /** A slice holding exactly one address. */
    public MsgAddress addressAt(int i, String name) {
        CellSlice slice = CellSlice.beginParse(cellAt(i, name));
        TlbReader in = TlbReader.begin(slice, "get-method", method).field(name);
        MsgAddress a = in.address();
        in.end();
        return a;
    }

    /** A slice or cell decoded whole with a generated type's {@code load}. */
    public <T> T decodeAt(int i, String name, Function<CellSlice, T> load) {
        CellSlice slice = CellSlice.beginParse(cellAt(i, name));
        TlbReader in = TlbReader.begin(slice, "get-method", method).field(name);
        T value = in.inline(load);
        in.end();
        return value;
    }
}
