package io.cocoon4j.tlb;

import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.Either;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.tlb.runtime.TlbReader;
import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/** Arbitraries for the TL-B building blocks, shared by the round-trip properties. */
public final class Gen {
    private Gen() {}

    public static Arbitrary<Bits> bits(int length) {
        return Arbitraries.strings().withChars('0', '1').ofLength(length).map(Bits::ofBinary);
    }

    public static Arbitrary<BigInteger> uint(int bits) {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    /** VarUInteger 16: up to 15 bytes. */
    public static Arbitrary<BigInteger> coins() {
        return uint(120);
    }

    /** A leaf cell with up to {@code maxBits} random bits. */
    public static Arbitrary<Cell> leaf(int maxBits) {
        return Arbitraries.strings().withChars('0', '1').ofMaxLength(maxBits)
                .map(b -> CellBuilder.beginCell().storeBits(b).endCell());
    }

    /** A cell with up to 64 bits and up to one reference to a leaf. */
    public static Arbitrary<Cell> cell() {
        return Combinators.combine(leaf(64), leaf(64).optional()).as((c, ref) -> {
            CellBuilder b = CellBuilder.beginCell().storeCell(c);
            ref.ifPresent(b::storeRef);
            return b.endCell();
        });
    }

    public static <L, R> Arbitrary<Either<L, R>> either(Arbitrary<L> left, Arbitrary<R> right) {
        return Arbitraries.oneOf(left.map(Either::<L, R>left), right.map(Either::<L, R>right));
    }

    public static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> inner) {
        return inner.optional(0.5);
    }

    /** Every form of address: none, extern, std with and without anycast, var; built as bits and read back. */
    public static Arbitrary<MsgAddress> address() {
        Arbitrary<String> anycast = Arbitraries.integers().between(1, 30)
                .flatMap(d -> bits(d).map(p -> "1" + pad(d, 5) + p.toBinary()));
        Arbitrary<String> maybeAnycast = Arbitraries.oneOf(Arbitraries.just("0"), anycast);
        Arbitrary<String> none = Arbitraries.just("00");
        Arbitrary<String> extern = Arbitraries.integers().between(0, 64)
                .flatMap(n -> bits(n).map(b -> "01" + pad(n, 9) + b.toBinary()));
        Arbitrary<String> std = Combinators.combine(maybeAnycast, Arbitraries.integers().between(-128, 127), bits(256))
                .as((a, wc, h) -> "10" + a + pad(wc & 0xff, 8) + h.toBinary());
        Arbitrary<String> var = Combinators.combine(maybeAnycast, Arbitraries.integers().between(0, 64),
                Arbitraries.integers()).flatAs((a, n, wc) -> bits(n).map(
                        h -> "11" + a + pad(n, 9) + pad(wc & 0xffffffffL, 32) + h.toBinary()));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, none), net.jqwik.api.Tuple.of(1, extern),
                net.jqwik.api.Tuple.of(4, std), net.jqwik.api.Tuple.of(1, var))
                .map(b -> TlbReader.begin(CellSlice.beginParse(CellBuilder.beginCell().storeBits(b).endCell()),
                        "MsgAddress", "_").address());
    }

    public static Arbitrary<MsgAddress> internalAddress() {
        return address().filter(a -> a.kind() == MsgAddress.Kind.STD || a.kind() == MsgAddress.Kind.VAR);
    }

    public static String pad(long value, int bits) {
        String s = Long.toBinaryString(value);
        return "0".repeat(bits - s.length()) + s;
    }
}
