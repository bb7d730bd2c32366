package io.cocoon4j.wrappers;

import io.cocoon4j.tlb.Gen;
import io.cocoon4j.tlb.RoundTrip;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.counter.Anycast;
import io.cocoon4j.wrappers.counter.CounterExtAction;
import io.cocoon4j.wrappers.counter.CounterExternal;
import io.cocoon4j.wrappers.counter.CounterMsg;
import io.cocoon4j.wrappers.counter.CounterReply;
import io.cocoon4j.wrappers.counter.CounterSigned;
import io.cocoon4j.wrappers.counter.CounterStorage;
import java.math.BigInteger;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ton.ton4j.cell.Cell;

/**
 * Every type generated from counter.tlb: {@code load(store(x)) == x}, {@code store(load(c))} is
 * {@code c} bit for bit, and a cell with one bit flipped decodes to a value that re-encodes to
 * exactly that cell or fails with a {@link TlbDecodeException}.
 */
class CounterTypesRoundTripTest {

    private static <T> void check(T value, Function<T, Cell> store, Function<Cell, T> fromCell, int flip) {
        RoundTrip.check(value, store, fromCell, flip);
    }

    private static Arbitrary<Long> uint32() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }

    /** Internal addresses in both forms, with and without anycast. */
    @Provide
    Arbitrary<MsgAddress> addresses() {
        return Gen.internalAddress();
    }

    @Provide
    Arbitrary<CounterStorage> storages() {
        return Combinators.combine(addresses(), Gen.bits(256), uint32(), uint32(), Gen.uint(64)).as(CounterStorage::new);
    }

    @Provide
    Arbitrary<CounterMsg> messages() {
        return Arbitraries.oneOf(
                Combinators.combine(Gen.uint(64), uint32()).as(CounterMsg.Increment::new),
                Gen.uint(64).map(CounterMsg.Reset::new),
                Combinators.combine(Gen.uint(64), uint32()).as(CounterMsg.BurnGas::new),
                Combinators.combine(Gen.uint(64), Gen.coins()).as(CounterMsg.Withdraw::new));
    }

    @Provide
    Arbitrary<CounterExternal> externals() {
        Arbitrary<CounterExtAction> action = Arbitraries.oneOf(uint32().map(CounterExtAction.ExtIncrement::new),
                Arbitraries.just(new CounterExtAction.ExtReset()));
        Arbitrary<CounterSigned> signed = Combinators.combine(addresses(), uint32(), uint32(), action)
                .as(CounterSigned::new);
        return Combinators.combine(Gen.bits(512), signed).as(CounterExternal::new);
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
