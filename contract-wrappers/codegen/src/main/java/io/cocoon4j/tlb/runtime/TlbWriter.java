package io.cocoon4j.tlb.runtime;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.ton.ton4j.bitstring.BitString;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.TonHashMapE;

/**
 * Writes one constructor's fields into a {@link CellBuilder} for generated code; checks ranges
 * and lengths first, so a bad value is a {@link TlbEncodeException} naming type, constructor and field.
 */
public final class TlbWriter {
    private final CellBuilder builder;
    private final String type;
    private final String constructor;
    private String field;

    private TlbWriter(CellBuilder builder, String type, String constructor) {
        this.builder = builder;
        this.type = type;
        this.constructor = constructor;
    }

    public static TlbWriter begin(CellBuilder builder, String type, String constructor) {
        return new TlbWriter(builder, type, constructor);
    }

    public CellBuilder builder() {
        return builder;
    }

    /** Names the field written next, for error messages. */
    public TlbWriter field(String name) {
        this.field = name;
        return this;
    }

    public TlbEncodeException error(String problem) {
        return new TlbEncodeException(type, constructor, field, problem);
    }

    /** The fewest bits that hold {@code n} (0 for 0). */
    public static int bitsFor(long n) {
        return n <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(n);
    }

    private void room(int bits, int refs) {
        if (builder.getFreeBits() < bits || builder.getFreeRefs() < refs) {
            throw error("cell overflow: needs " + bits + " bits and " + refs + " references, "
                    + builder.getFreeBits() + " bits and " + builder.getFreeRefs() + " references free");
        }
    }

    public void tag(long value, int bits) {
        if (bits > 0) {
            room(bits, 0);
            builder.storeUint(BigInteger.valueOf(value), bits);
        }
    }

    public void check(boolean holds, String constraint) {
        if (!holds) {
            throw error("constraint " + constraint + " does not hold");
        }
    }

    // ---- numbers

    public void uint(long value, int bits) {
        bigUint(BigInteger.valueOf(value), bits);
    }

    public void bigUint(BigInteger value, int bits) {
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw error(value + " does not fit in uint" + bits);
        }
        room(bits, 0);
        if (bits > 0) {
            builder.storeUint(value, bits);
        }
    }

    public void sint(long value, int bits) {
        bigInt(BigInteger.valueOf(value), bits);
    }

    public void bigInt(BigInteger value, int bits) {
        if (bits == 0 ? value.signum() != 0 : value.bitLength() > bits - 1) {
            throw error(value + " does not fit in int" + bits);
        }
        room(bits, 0);
        if (bits > 0) {
            builder.storeInt(value, bits);
        }
    }

    public void bool(boolean value) {
        room(1, 0);
        builder.storeBit(value);
    }

    public void natLess(long value, long n) {
        if (value < 0 || value >= n) {
            throw error(value + " is not in #< " + n);
        }
        uint(value, bitsFor(n - 1));
    }

    public void natLeq(long value, long n) {
        if (value < 0 || value > n) {
            throw error(value + " is not in #<= " + n);
        }
        uint(value, bitsFor(n));
    }

    public void varUInt(BigInteger value, int n) {
        if (value.signum() < 0) {
            throw error("negative value " + value + " for VarUInteger " + n);
        }
        int len = (value.bitLength() + 7) / 8;
        natLess(len, n);
        bigUint(value, len * 8);
    }

    public void varInt(BigInteger value, int n) {
        int len = (value.bitLength() + 8) / 8;
        if (value.signum() == 0) {
            len = 0;
        }
        natLess(len, n);
        bigInt(value, len * 8);
    }

    public void coins(BigInteger value) {
        varUInt(value, 16);
    }

    // ---- bits, addresses, cells

    public void bits(Bits value, long n) {
        if (value.length() != n) {
            throw error("expected " + n + " bits, the value has " + value.length());
        }
        room(value.length(), 0);
        if (value.length() > 0) {
            builder.storeBits(value.toBinary());
        }
    }

    public void address(MsgAddress value) {
        room(value.bits().length(), 0);
        builder.storeBits(value.bits().toBinary());
    }

    public void addressInt(MsgAddress value) {
        if (value.kind() != MsgAddress.Kind.STD && value.kind() != MsgAddress.Kind.VAR) {
            throw error("expected an internal address, got " + value);
        }
        address(value);
    }

    public void refCell(Cell cell) {
        room(0, 1);
        builder.storeRef(cell);
    }

    /** {@code ^T}: the value in a new cell, stored as a reference. */
    public <T> void ref(T value, BiConsumer<CellBuilder, T> store) {
        CellBuilder inner = CellBuilder.beginCell();
        store.accept(inner, value);
        refCell(inner.endCell());
    }

    /** A value of another TL-B type stored inline. */
    public void inline(TlbValue value) {
        value.store(builder);
    }

    /** {@code Cell}/{@code Any} remainder: the cell's bits and references appended. */
    public void rest(Cell cell) {
        room(cell.getBits().getUsedBits(), cell.getRefs().size());
        builder.storeCell(cell);
    }

    // ---- combinators

    public <T> void maybe(Optional<T> value, BiConsumer<TlbWriter, T> store) {
        bool(value.isPresent());
        value.ifPresent(v -> store.accept(this, v));
    }

    public <L, R> void either(Either<L, R> value, BiConsumer<TlbWriter, L> left, BiConsumer<TlbWriter, R> right) {
        if (value instanceof Either.Left<L, R> l) {
            bool(false);
            left.accept(this, l.value());
        } else {
            bool(true);
            right.accept(this, ((Either.Right<L, R>) value).value());
        }
    }

    /** {@code HashmapE n X}: empty is bit 0; otherwise bit 1 and the dictionary's root cell. */
    public <V> void dict(Map<BigInteger, V> value, int keyBits, BiConsumer<CellBuilder, V> store) {
        if (value.isEmpty()) {
            bool(false);
            return;
        }
        TonHashMapE dict = new TonHashMapE(keyBits);
        value.forEach((k, v) -> {
            if (k.signum() < 0 || k.bitLength() > keyBits) {
                throw error("dictionary key " + k + " does not fit in " + keyBits + " bits");
            }
            dict.elements.put(k, v);
        });
        Cell root = dict.serialize(
                k -> {
                    BitString b = new BitString(keyBits);
                    b.writeUint((BigInteger) k, keyBits);
                    return b;
                },
                v -> {
                    CellBuilder b = CellBuilder.beginCell();
                    @SuppressWarnings("unchecked")
                    V typed = (V) v;
                    store.accept(b, typed);
                    return b.endCell();
                });
        room(1, 1);
        builder.storeBit(true);
        builder.storeRef(root);
    }
}
