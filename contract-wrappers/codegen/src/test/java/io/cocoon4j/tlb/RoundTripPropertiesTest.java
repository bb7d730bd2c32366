package io.cocoon4j.tlb;

import io.cocoon4j.tlb.runtime.TlbCodec;
import io.cocoon4j.tlb.std.block.Anycast;
import io.cocoon4j.tlb.std.block.Coins;
import io.cocoon4j.tlb.std.block.CommonMsgInfo;
import io.cocoon4j.tlb.std.block.CurrencyCollection;
import io.cocoon4j.tlb.std.block.ExtraCurrencyCollection;
import io.cocoon4j.tlb.std.block.Grams;
import io.cocoon4j.tlb.std.block.Message;
import io.cocoon4j.tlb.std.block.MsgAddress;
import io.cocoon4j.tlb.std.block.MsgAddressExt;
import io.cocoon4j.tlb.std.block.MsgAddressInt;
import io.cocoon4j.tlb.std.block.SimpleLib;
import io.cocoon4j.tlb.std.block.StateInit;
import io.cocoon4j.tlb.std.block.TickTock;
import io.cocoon4j.tlb.std.sample.Box;
import io.cocoon4j.tlb.std.sample.Holder;
import io.cocoon4j.tlb.std.sample.Inventory;
import io.cocoon4j.tlb.std.sample.Label;
import io.cocoon4j.tlb.std.sample.Point;
import io.cocoon4j.tlb.std.sample.Shape;
import io.cocoon4j.tlb.std.tep74.InternalMsgBody;
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
 * For every generated type: {@code load(store(x)) == x}; {@code store(load(c))} re-serialises
 * {@code c} bit-exactly; and a cell with one bit flipped either decodes and re-serialises to
 * exactly itself, or fails with a {@link TlbDecodeException} (never another exception).
 */
class RoundTripPropertiesTest {

    private static final TlbCodec<Cell> ANY = TlbCodec.remainder();
    private static final TlbCodec<Point> POINT = TlbCodec.of(Point::load);

    private static <T> void check(T value, Function<T, Cell> store, Function<Cell, T> fromCell, int flip) {
        RoundTrip.check(value, store, fromCell, flip);
    }

    // ---------------------------------------------------------------- TEP-74

    @Property(tries = 300)
    void internalMsgBody(@ForAll("internalMsgBodies") InternalMsgBody x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, InternalMsgBody::toCell, InternalMsgBody::fromCell, flip);
    }

    @Provide
    Arbitrary<InternalMsgBody> internalMsgBodies() {
        Arbitrary<BigInteger> q = Gen.uint(64);
        Arbitrary<BigInteger> c = Gen.coins();
        var a = Gen.address();
        var payload = Gen.either(Gen.leaf(64), Gen.cell());
        return Arbitraries.oneOf(
                Combinators.combine(q, c, a, a, Gen.maybe(Gen.cell()), c, payload)
                        .as(InternalMsgBody.Transfer::new),
                Combinators.combine(q, c, a, payload).as(InternalMsgBody.TransferNotification::new),
                q.map(InternalMsgBody.Excesses::new),
                Combinators.combine(q, c, a, Gen.maybe(Gen.cell())).as(InternalMsgBody.Burn::new),
                Combinators.combine(q, c, a, a).as(InternalMsgBody.BurnNotification::new),
                Combinators.combine(q, c, a, a, c, payload).as(InternalMsgBody.InternalTransfer::new));
    }

    // ---------------------------------------------------------------- block.tlb

    @Provide
    Arbitrary<Anycast> anycasts() {
        return Arbitraries.integers().between(1, 30).flatMap(d -> Gen.bits(d).map(p -> new Anycast(d, p)));
    }

    @Provide
    Arbitrary<MsgAddressInt> internalAddresses() {
        return Arbitraries.oneOf(
                Combinators.combine(Gen.maybe(anycasts()), Arbitraries.longs().between(-128, 127), Gen.bits(256))
                        .as(MsgAddressInt.AddrStd::new),
                Combinators.combine(Gen.maybe(anycasts()), Arbitraries.integers().between(0, 64),
                        Arbitraries.longs().between(Integer.MIN_VALUE, Integer.MAX_VALUE))
                        .flatAs((any, len, wc) -> Gen.bits(len).map(b -> new MsgAddressInt.AddrVar(any, len, wc, b))));
    }

    @Provide
    Arbitrary<MsgAddressExt> externalAddresses() {
        return Arbitraries.oneOf(Arbitraries.just(new MsgAddressExt.AddrNone()),
                Arbitraries.integers().between(0, 64).flatMap(n -> Gen.bits(n).map(b -> new MsgAddressExt.AddrExtern(n, b))));
    }

    @Provide
    Arbitrary<MsgAddress> addresses() {
        return Arbitraries.oneOf(internalAddresses().map(MsgAddress.OfMsgAddressInt::new),
                externalAddresses().map(MsgAddress.OfMsgAddressExt::new));
    }

    @Provide
    Arbitrary<Grams> grams() {
        return Gen.coins().map(Grams::new);
    }

    @Provide
    Arbitrary<ExtraCurrencyCollection> extraCurrencies() {
        return Arbitraries.maps(Gen.uint(32), Gen.uint(248)).ofMaxSize(3).map(ExtraCurrencyCollection::new);
    }

    @Provide
    Arbitrary<CurrencyCollection> currencies() {
        return Combinators.combine(grams(), extraCurrencies()).as(CurrencyCollection::new);
    }

    @Provide
    Arbitrary<CommonMsgInfo> msgInfos() {
        var b = Arbitraries.of(true, false);
        var lt = Gen.uint(64);
        var at = Arbitraries.longs().between(0, 0xffffffffL);
        Arbitrary<CommonMsgInfo> internal = Combinators.combine(b, b, b, internalAddresses(), internalAddresses(),
                currencies(), grams(), grams()).flatAs((ihr, bounce, bounced, src, dest, value, ihrFee, fwdFee) ->
                Combinators.combine(lt, at).as((l, t) -> new CommonMsgInfo.IntMsgInfo(ihr, bounce, bounced, src, dest,
                        value, ihrFee, fwdFee, l, t)));
        Arbitrary<CommonMsgInfo> extIn = Combinators.combine(externalAddresses(), internalAddresses(), grams())
                .as(CommonMsgInfo.ExtInMsgInfo::new);
        Arbitrary<CommonMsgInfo> extOut = Combinators.combine(internalAddresses(), externalAddresses(), lt, at)
                .as(CommonMsgInfo.ExtOutMsgInfo::new);
        return Arbitraries.oneOf(internal, extIn, extOut);
    }

    @Provide
    Arbitrary<TickTock> tickTocks() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false)).as(TickTock::new);
    }

    @Provide
    Arbitrary<SimpleLib> simpleLibs() {
        return Combinators.combine(Arbitraries.of(true, false), Gen.cell()).as(SimpleLib::new);
    }

    @Provide
    Arbitrary<StateInit> stateInits() {
        return Combinators.combine(Gen.maybe(Arbitraries.longs().between(0, 31)), Gen.maybe(tickTocks()),
                Gen.maybe(Gen.cell()), Gen.maybe(Gen.cell()), Arbitraries.maps(Gen.uint(256), simpleLibs()).ofMaxSize(2))
                .as(StateInit::new);
    }

    @Provide
    Arbitrary<Message<Cell>> messages() {
        // the StateInit travels by reference here: inline, its three references and the
        // extra-currency dictionary's would not fit next to a body reference
        var init = Gen.maybe(stateInits().map(io.cocoon4j.tlb.runtime.Either::<StateInit, StateInit>right));
        return Combinators.combine(msgInfos(), init, Gen.either(Gen.leaf(32), Gen.cell())).as(Message::new);
    }

    @Property(tries = 150)
    void anycast(@ForAll("anycasts") Anycast x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, Anycast::toCell, Anycast::fromCell, flip);
    }

    @Property(tries = 150)
    void msgAddressInt(@ForAll("internalAddresses") MsgAddressInt x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, MsgAddressInt::toCell, MsgAddressInt::fromCell, flip);
    }

    @Property(tries = 100)
    void msgAddressExt(@ForAll("externalAddresses") MsgAddressExt x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, MsgAddressExt::toCell, MsgAddressExt::fromCell, flip);
    }

    @Property(tries = 150)
    void msgAddress(@ForAll("addresses") MsgAddress x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, MsgAddress::toCell, MsgAddress::fromCell, flip);
    }

    @Property(tries = 100)
    void gramsAndCoins(@ForAll("grams") Grams x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, Grams::toCell, Grams::fromCell, flip);
        check(new Coins(x), Coins::toCell, Coins::fromCell, flip);
    }

    @Property(tries = 100)
    void currencyCollection(@ForAll("currencies") CurrencyCollection x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, CurrencyCollection::toCell, CurrencyCollection::fromCell, flip);
        check(x.other(), ExtraCurrencyCollection::toCell, ExtraCurrencyCollection::fromCell, flip);
    }

    @Property(tries = 200)
    void commonMsgInfo(@ForAll("msgInfos") CommonMsgInfo x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, CommonMsgInfo::toCell, CommonMsgInfo::fromCell, flip);
    }

    @Property(tries = 100)
    void stateInitTickTockSimpleLib(@ForAll("stateInits") StateInit x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, StateInit::toCell, StateInit::fromCell, flip);
        x.special().ifPresent(t -> check(t, TickTock::toCell, TickTock::fromCell, flip));
        x.library().values().forEach(l -> check(l, SimpleLib::toCell, SimpleLib::fromCell, flip));
    }

    @Property(tries = 150)
    void message(@ForAll("messages") Message<Cell> x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, m -> m.toCell(ANY), c -> Message.fromCell(c, ANY), flip);
    }

    // ---------------------------------------------------------------- the sample schema

    @Provide
    Arbitrary<Point> points() {
        var i = Arbitraries.longs().between(Integer.MIN_VALUE, Integer.MAX_VALUE);
        return Combinators.combine(i, i).as(Point::new);
    }

    @Provide
    Arbitrary<Label> labels() {
        return Arbitraries.integers().between(1, 15).flatMap(n -> Gen.bits(n * 8).map(b -> new Label(n, b)));
    }

    @Provide
    Arbitrary<Inventory> inventories() {
        return Combinators.combine(Gen.address(), Arbitraries.maps(Gen.uint(16), points()).ofMaxSize(4), Gen.coins(),
                Gen.maybe(labels())).as(Inventory::new);
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xffff).map(Shape.ShapeCircle::new),
                Combinators.combine(Gen.maybe(points()), Gen.either(Arbitraries.longs().between(0, 255), points()))
                        .as(Shape.ShapePoly::new));
    }

    @Property(tries = 100)
    void point(@ForAll("points") Point x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, Point::toCell, Point::fromCell, flip);
    }

    @Property(tries = 100)
    void label(@ForAll("labels") Label x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, Label::toCell, Label::fromCell, flip);
    }

    @Property(tries = 100)
    void boxAndHolder(@ForAll("points") Point a, @ForAll("points") Point b, @ForAll @IntRange(max = 1022) int flip) {
        Box<Point> box = new Box<>(a, b);
        check(box, x -> x.toCell(POINT), c -> Box.fromCell(c, POINT), flip);
        check(new Holder(box), Holder::toCell, Holder::fromCell, flip);
    }

    @Property(tries = 150)
    void inventory(@ForAll("inventories") Inventory x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, Inventory::toCell, Inventory::fromCell, flip);
    }

    @Property(tries = 100)
    void shape(@ForAll("shapes") Shape x, @ForAll @IntRange(max = 1022) int flip) {
        check(x, Shape::toCell, Shape::fromCell, flip);
    }
}
