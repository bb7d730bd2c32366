package io.cocoon4j.chain;

import java.math.BigInteger;
import java.util.List;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * One value on the TVM stack, as get-methods take and return it. Slices are kept as the cell
 * holding exactly the slice's remaining bits and refs.
 */
public sealed interface TvmValue {

    /** A 257-bit signed integer. */
    record Int(BigInteger value) implements TvmValue {
        public Int {
            if (value == null) {
                throw new IllegalArgumentException("Int value must not be null");
            }
            if (value.bitLength() > 256) {
                throw new IllegalArgumentException("TVM integers are 257-bit signed; " + value + " does not fit");
            }
        }
    }

    /** A cell. */
    record CellValue(Cell cell) implements TvmValue {}

    /** A slice: the bits and refs of {@code cell}. */
    record SliceValue(Cell cell) implements TvmValue {
        /** A fresh reader over the slice. */
        public CellSlice reader() {
            return CellSlice.beginParse(cell);
        }
    }

    /** A builder, carried as the cell it would end into. */
    record BuilderValue(Cell cell) implements TvmValue {}

    /** A tuple (at most 255 items on a real TVM). */
    record Tuple(List<TvmValue> items) implements TvmValue {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** The null value (an absent {@code Maybe}, an empty dictionary). */
    record Null() implements TvmValue {}

    /** The result of an arithmetic overflow in non-quiet mode never reaches a stack; quiet ops leave NaN. */
    record NaN() implements TvmValue {}

    /** A continuation; opaque here, kept as its serialized cell. */
    record Continuation(Cell cell) implements TvmValue {}

    static TvmValue of(long v) {
        return new Int(BigInteger.valueOf(v));
    }

    static TvmValue of(BigInteger v) {
        return new Int(v);
    }

    static TvmValue cell(Cell c) {
        return new CellValue(c);
    }

    static TvmValue slice(Cell c) {
        return new SliceValue(c);
    }

    /** An address as a get-method argument: a slice holding {@code MsgAddressInt}. */
    static TvmValue address(Address a) {
        return new SliceValue(CellBuilder.beginCell().storeAddress(a).endCell());
    }

    static TvmValue nil() {
        return new Null();
    }

    /** This value as an integer, or an {@link IllegalStateException} naming what it is instead. */
    default BigInteger asInt() {
        if (this instanceof Int i) {
            return i.value();
        }
        throw new IllegalStateException("expected an int on the stack, found " + kind());
    }

    default long asLong() {
        return asInt().longValueExact();
    }

    /** The cell of a cell, slice or builder value. */
    default Cell asCell() {
        if (this instanceof CellValue c) {
            return c.cell();
        }
        if (this instanceof SliceValue s) {
            return s.cell();
        }
        if (this instanceof BuilderValue b) {
            return b.cell();
        }
        throw new IllegalStateException("expected a cell or slice on the stack, found " + kind());
    }

    /** The address held at the start of a slice (or cell) value. */
    default Address asAddress() {
        return CellSlice.beginParse(asCell()).loadAddress();
    }

    default List<TvmValue> asTuple() {
        if (this instanceof Tuple t) {
            return t.items();
        }
        throw new IllegalStateException("expected a tuple on the stack, found " + kind());
    }

    default boolean isNull() {
        return this instanceof Null;
    }

    /** A short name of the value's type for messages: int, cell, slice, builder, tuple, null, nan, cont. */
    default String kind() {
        if (this instanceof Int) return "int";
        if (this instanceof CellValue) return "cell";
        if (this instanceof SliceValue) return "slice";
        if (this instanceof BuilderValue) return "builder";
        if (this instanceof Tuple) return "tuple";
        if (this instanceof Null) return "null";
        if (this instanceof NaN) return "nan";
        return "cont";
    }
}
