package io.cocoon4j.wrappers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.tlb.runtime.TlbDecodeException;
import io.cocoon4j.tlb.runtime.TlbReader;
import io.cocoon4j.wrappers.counter.Anycast;
import io.cocoon4j.wrappers.counter.CounterExtAction;
import io.cocoon4j.wrappers.counter.CounterExternal;
import io.cocoon4j.wrappers.counter.CounterMsg;
import io.cocoon4j.wrappers.counter.CounterReply;
import io.cocoon4j.wrappers.counter.CounterSigned;
import io.cocoon4j.wrappers.counter.CounterStorage;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * Every type generated from counter.tlb: {@code load(store(x)) == x}, {@code store(load(c))} is
 * {@code c} bit for bit, and a cell with one bit flipped decodes to a value that re-encodes to
 * exactly that cell or fails with a {@link TlbDecodeException}.
 */
class CounterTypesRoundTripTest {

    private static <T> void check(T value, Function<T, Cell> store, Function<Cell, T> fromCell, int flip) {
        Cell cell = store.apply(value);
        T back = fromCell.apply(cell);
        assertThat(back).isEqualTo(value);
        assertThat(hex(store.apply(back))).isEqualTo(hex(cell));
        String bits = cell.toBitString();
        if (bits.isEmpty()) {
            return;
        }
        int i = flip % bits.length();
        String flipped = bits.substring(0, i) + (bits.charAt(i) == '0' ? '1' : '0') + bits.substring(i + 1);
        Cell mutated = CellBuilder.beginCell().storeBits(flipped).storeRefs(cell.getRefs()).endCell();
        try {
            assertThat(hex(store.apply(fromCell.apply(mutated)))).isEqualTo(hex(mutated));
        } catch (TlbDecodeException expected) {
            assertThat(expected.type()).isNotBlank();
        }
    }

    private static String hex(Cell c) {
        return HexFormat.of().formatHex(c.getHash());
    }

    private static Arbitrary<Bits> bits(int n) {
        return Arbitraries.strings().withChars('0', '1').ofLength(n).map(Bits::ofBinary);
    }

    private static Arbitrary<BigInteger> uint(int n) {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE));
    }

    private static Arbitrary<Long> uint32() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }

    /** Internal addresses in both forms, with and without anycast. */
    @Provide
    Arbitrary<MsgAddress> addresses() {
        Arbitrary<String> anycast = Arbitraries.oneOf(Arbitraries.just("0"), Arbitraries.integers().between(1, 30)
                .flatMap(d -> bits(d).map(p -> "1" + pad(d, 5) + p.toBinary())));
        Arbitrary<String> std = Combinators.combine(anycast, Arbitraries.integers().between(0, 255), bits(256))
                .as((a, wc, h) -> "10" + a + pad(wc, 8) + h.toBinary());
        Arbitrary<String> var = Combinators.combine(anycast, Arbitraries.integers().between(0, 80), uint32())
                .flatAs((a, n, wc) -> bits(n).map(h -> "11" + a + pad(n, 9) + pad(wc, 32) + h.toBinary()));
        return Arbitraries.oneOf(std, std, var).map(b -> TlbReader.begin(
                CellSlice.beginParse(CellBuilder.beginCell().storeBits(b).endCell()), "MsgAddress", "_").address());
    }

    private static String pad(long v, int n) {
        String s = Long.toBinaryString(v);
        return "0".repeat(n - s.length()) + s;
    }

    @Provide
    Arbitrary<CounterStorage> storages() {
        return Combinators.combine(addresses(), bits(256), uint32(), uint32(), uint(64)).as(CounterStorage::new);
    }

    @Provide
    Arbitrary<CounterMsg> messages() {
        return Arbitraries.oneOf(
                Combinators.combine(uint(64), uint32()).as(CounterMsg.Increment::new),
                uint(64).map(CounterMsg.Reset::new),
                Combinators.combine(uint(64), uint32()).as(CounterMsg.BurnGas::new),
                Combinators.combine(uint(64), uint(120)).as(CounterMsg.Withdraw::new));
    }

    @Provide
    Arbitrary<CounterExternal> externals() {
        Arbitrary<CounterExtAction> action = Arbitraries.oneOf(uint32().map(CounterExtAction.ExtIncrement::new),
                Arbitraries.just(new CounterExtAction.ExtReset()));
        Arbitrary<CounterSigned> signed = Combinators.combine(addresses(), uint32(), uint32(), action)
                .as(CounterSigned::new);
        return Combinators.combine(bits(512), signed).as(CounterExternal::new);
    }

    @Property(tries = 150)
    void storage(@ForAll("storages") CounterStorage x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, CounterStorage::toCell, CounterStorage::fromCell, flip);
    }

    @Property(tries = 150)
    void inboundMessagesAndReply(@ForAll("messages") CounterMsg x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, CounterMsg::toCell, CounterMsg::fromCell, flip);
        CounterReply reply = new CounterReply(BigInteger.valueOf(flip));
        check(reply, CounterReply::toCell, CounterReply::fromCell, flip);
    }

    @Property(tries = 150)
    void externalSignedAndActions(@ForAll("externals") CounterExternal x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, CounterExternal::toCell, CounterExternal::fromCell, flip);
        check(x.signed(), CounterSigned::toCell, CounterSigned::fromCell, flip);
        check(x.signed().action(), CounterExtAction::toCell, CounterExtAction::fromCell, flip);
    }

    @Property(tries = 60)
    void anycast(@ForAll @IntRange(min = 1, max = 30) int depth, @ForAll @IntRange(max = 1022) int flip) {
        Anycast a = new Anycast(depth, Bits.ofBinary("1".repeat(depth)));
        check(a, Anycast::toCell, Anycast::fromCell, flip);
    }
}
