package io.cocoon4j.tlb;

import static io.cocoon4j.tlb.Cells.assertSameCell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.tlb.runtime.Either;
import io.cocoon4j.tlb.runtime.TlbCodec;
import io.cocoon4j.tlb.runtime.TlbDecodeException;
import io.cocoon4j.tlb.std.block.CommonMsgInfo;
import io.cocoon4j.tlb.std.block.Message;
import io.cocoon4j.tlb.std.block.MsgAddress;
import io.cocoon4j.tlb.std.block.MsgAddressExt;
import io.cocoon4j.tlb.std.block.MsgAddressInt;
import io.cocoon4j.tlb.std.block.StateInit;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * Messages decoded with the code generated from the message and address part of block.tlb
 * (src/test/resources/tlb/block-messages.tlb), and re-encoded bit for bit.
 */
class BlockMessageTest {

    /** toncenter/tonweb, src/contract/wallet/wallet-contract.test.ts, simpleR1 deployQueryBoc64: external message with StateInit. */
    static final String TONWEB_DEPLOY = "te6ccsEBAwEA1gAAbLACz4gBP/Yrrqhl+dmATGGizYqqXUQsENLvloxoLs+BZ0/rUcARn3bNU4Q/mhrTKnSqnFxIWZsURohA3ihI"
            + "Wz+G6v1uKsO89GIQyRkZIy+4CkcnDRDa22n46i4hap6cAOLvYk1yQaAAAAAQAQIAhP8AIN2k8mCBAgDXGCDXCx/tRNDTH9P/0VESuvKhIvkB"
            + "VBBE+RDyovgAAdMfMSDXSpbTB9QC+wDe0aTIyx/L/8ntVABIAAAAAG5AXvxlGuRgwrnNVWg8wi8YXjToEUGaV7zwhwEe7pgH3yMd+g==";

    /** toncenter/tonweb, same test, simpleR1 transferQueryBoc64.seqno1: a signed external transfer. */
    static final String TONWEB_TRANSFER = "te6ccsEBAgEAnwAAawHPiAE/9iuuqGX52YBMYaLNiqpdRCwQ0u+WjGguz4FnT+tRwAcpNOW9OSOmxgtOakct2YtWaqz8Hh"
            + "ox9KDokvHeQ5EfAs82Jp5rdwyH0CLQV16mUJtBTsTdQz9NrMh13SjKFcAAAAAACBwBAGRCADCV54cF5hNtqa3MluJLjSTVk2kgOyb4K6usQk"
            + "qf4ks9ECDQAAAAAAAAAAAAAAAAAA+T8YM=";

    /** serge-medvedev/tonos-client-lua, boc/test.lua: an internal message whose value the test asserts (0x13c9e2af662000). */
    static final String TONOS_INTERNAL = "te6ccgEBAQEAXgAAt0gB/PsFspR1bdPkaI977UhHxBvawyoDizKfgwSkeV23aPsAHhm5eTtxAY5MxF"
            + "AgH0qLcfUvFMAW7NNcUKM3SUMkbQEcTyeKvZiAAAYUWGAAAAmASvR6yL7WlMRA";

    /** move-ton/ton-client-py, tonclient/test/test_abi.py (test_decode_message): an external outbound message (event). */
    static final String TONCLIENT_EXT_OUT = "te6ccgEBAQEAVQAApeACvg5/pmQpY4m61HmJ0ne+zjHJu3MNG8rJxUDLbHKBu/AAAAAAAAAMJL6z6ro48"
            + "sYvAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABA";

    private static final TlbCodec<Cell> ANY = TlbCodec.remainder();

    @Test
    void decodesAWalletDeployMessageWithItsStateInit() {
        Cell cell = Cells.base64Boc(TONWEB_DEPLOY);
        Message<Cell> msg = Message.fromCell(cell, ANY);

        CommonMsgInfo.ExtInMsgInfo info = (CommonMsgInfo.ExtInMsgInfo) msg.info();
        assertThat(info.src()).isInstanceOf(MsgAddressExt.AddrNone.class);
        MsgAddressInt.AddrStd dest = (MsgAddressInt.AddrStd) info.dest();
        assertThat(dest.workchainId()).isZero();
        // the address tonweb's test derives for this wallet (getSeqNo.publicKey.address)
        assertThat(HexFormat.of().formatHex(dest.address().toByteArray()))
                .isEqualTo("9ffb15d75432fcecc02630d166c5552ea216086977cb46341767c0b3a7f5a8e0");
        assertThat(info.importFee().amount()).isZero();
        assertThat(msg.init()).isPresent();
        StateInit init = msg.init().get() instanceof Either.Right<StateInit, StateInit> r ? r.value()
                : ((Either.Left<StateInit, StateInit>) msg.init().get()).value();
        assertThat(init.code()).isPresent();
        assertThat(init.data()).isPresent();
        assertThat(init.library()).isEmpty();

        assertSameCell(msg.toCell(ANY), cell);
    }

    @Test
    void decodesAndReencodesPublishedMessagesOfEveryKind() {
        Cell transfer = Cells.base64Boc(TONWEB_TRANSFER);
        Message<Cell> t = Message.fromCell(transfer, ANY);
        assertThat(t.info()).isInstanceOf(CommonMsgInfo.ExtInMsgInfo.class);
        assertThat(t.init()).isEmpty();
        assertSameCell(t.toCell(ANY), transfer);

        Cell internal = Cells.base64Boc(TONOS_INTERNAL);
        Message<Cell> i = Message.fromCell(internal, ANY);
        CommonMsgInfo.IntMsgInfo info = (CommonMsgInfo.IntMsgInfo) i.info();
        assertThat(info.value().grams().amount()).isEqualTo(new BigInteger("13c9e2af662000", 16));
        assertThat(info.ihrDisabled()).isTrue();
        assertSameCell(i.toCell(ANY), internal);

        Cell event = Cells.base64Boc(TONCLIENT_EXT_OUT);
        Message<Cell> e = Message.fromCell(event, ANY);
        assertThat(e.info()).isInstanceOf(CommonMsgInfo.ExtOutMsgInfo.class);
        assertSameCell(e.toCell(ANY), event);
    }

    /** No published BoC had these, so they are built with ton4j bit by bit as block.tlb lays them out. */
    @Test
    void decodesRareAddressFormsAndExtraCurrenciesBuiltWithTon4j() {
        // addr_var$11 anycast:(Maybe Anycast) addr_len:(## 9) workchain_id:int32 address:(bits addr_len)
        Cell var = CellBuilder.beginCell().storeUint(3, 2).storeBit(false).storeUint(40, 9).storeInt(-7, 32)
                .storeUint(0x1234567890L, 40).endCell();
        MsgAddress a = MsgAddress.fromCell(var);
        MsgAddressInt.AddrVar v = (MsgAddressInt.AddrVar) ((MsgAddress.OfMsgAddressInt) a).msgAddressInt();
        assertThat(v.workchainId()).isEqualTo(-7);
        assertThat(v.addrLen()).isEqualTo(40);
        assertSameCell(a.toCell(), var);
        // the runtime address keeps the same bits
        io.cocoon4j.tlb.runtime.MsgAddress raw = io.cocoon4j.tlb.runtime.TlbReader
                .begin(CellSlice.beginParse(var), "MsgAddress", "_").address();
        assertThat(raw.kind()).isEqualTo(io.cocoon4j.tlb.runtime.MsgAddress.Kind.VAR);
        assertThat(raw.toAddress()).isEmpty();

        // addr_std with anycast depth 3; anycast_info requires depth >= 1
        Cell anycast = CellBuilder.beginCell().storeUint(2, 2).storeBit(true).storeUint(3, 5).storeUint(5, 3)
                .storeInt(0, 8).storeBytes(new byte[32]).endCell();
        MsgAddressInt.AddrStd std = (MsgAddressInt.AddrStd) MsgAddressInt.fromCell(anycast);
        assertThat(std.anycast()).hasValueSatisfying(any -> assertThat(any.depth()).isEqualTo(3));
        assertSameCell(std.toCell(), anycast);
        Cell zeroDepth = CellBuilder.beginCell().storeUint(2, 2).storeBit(true).storeUint(0, 5)
                .storeInt(0, 8).storeBytes(new byte[32]).endCell();
        assertThatThrownBy(() -> MsgAddressInt.fromCell(zeroDepth))
                .isInstanceOfSatisfying(TlbDecodeException.class, e -> {
                    assertThat(e.type()).isEqualTo("Anycast");
                    assertThat(e.problem()).isEqualTo("constraint depth >= 1 does not hold");
                    assertThat(e.path()).startsWith("MsgAddressInt.addr_std.anycast > Anycast.anycast_info");
                });

        // an internal message carrying extra currencies: HashmapE 32 (VarUInteger 32)
        Address src = Address.of("0:" + "11".repeat(32));
        Address dst = Address.of("-1:" + "22".repeat(32));
        org.ton.ton4j.cell.TonHashMapE extra = new org.ton.ton4j.cell.TonHashMapE(32);
        extra.elements.put(BigInteger.valueOf(7), BigInteger.valueOf(1000));
        extra.elements.put(BigInteger.valueOf(239), new BigInteger("123456789012345678901234567890"));
        Cell extraDict = extra.serialize(
                k -> CellBuilder.beginCell().storeUint((BigInteger) k, 32).endCell().getBits(),
                val -> CellBuilder.beginCell().storeVarUint((BigInteger) val, 32).endCell());
        Cell msg = CellBuilder.beginCell().storeBit(false).storeBit(true).storeBit(true).storeBit(false)
                .storeAddress(src).storeAddress(dst).storeCoins(BigInteger.valueOf(5_000_000_000L))
                .storeDict(extraDict).storeCoins(BigInteger.ZERO).storeCoins(BigInteger.valueOf(1000))
                .storeUint(42, 64).storeUint(1_700_000_000L, 32).storeBit(false).storeBit(false)
                .storeUint(0, 32).endCell();
        Message<Cell> m = Message.fromCell(msg, ANY);
        CommonMsgInfo.IntMsgInfo info = (CommonMsgInfo.IntMsgInfo) m.info();
        assertThat(info.value().other().dict()).isEqualTo(Map.of(BigInteger.valueOf(7), BigInteger.valueOf(1000),
                BigInteger.valueOf(239), new BigInteger("123456789012345678901234567890")));
        assertThat(info.createdLt()).isEqualTo(BigInteger.valueOf(42));
        assertSameCell(m.toCell(ANY), msg);
    }
}
