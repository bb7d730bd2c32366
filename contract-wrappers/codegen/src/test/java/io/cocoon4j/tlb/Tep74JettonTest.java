package io.cocoon4j.tlb;

import static io.cocoon4j.tlb.Cells.assertSameCell;
import static io.cocoon4j.tlb.Cells.hexBoc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.tlb.runtime.Either;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.tlb.runtime.TlbDecodeException;
import io.cocoon4j.tlb.std.tep74.InternalMsgBody;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * Real jetton messages from mainnet, decoded with the code generated from TEP-74's TL-B
 * (src/test/resources/tlb/tep74-jetton.tlb) and re-encoded bit for bit.
 */
class Tep74JettonTest {

    /** supadupadao/tonstruct, tests (test_de_jetton_transfer_message): a jetton transfer with a comment. */
    static final String TONSTRUCT_TRANSFER = "b5ee9c720101020100700001ae0f8a7ea51801125d220e2dd467fba097f920080146df30c28c"
            + "100449854efcf8863cb79a60c5b74239a6c01e2e8157be74d069e70028dbe6185182008930a9df9f10c796f34c18b6e84734d803"
            + "c5d02af7ce9a0d3cc203010028000000004a6574746f6e7320756e7374616b6564";

    /** tonkeeper/tongo, abi-tolk tests (TestDecodeAndEncodeDedustSwapPayloadWithContractIfaces): transfer to DeDust. */
    static final String TONGO_DEDUST_TRANSFER = "b5ee9c72010206010001d40001ae0f8a7ea5a9d57b6fda293e0932191c080031551c5dd"
            + "aa2e8fb5c06780f3727107b28395b1eca8b3e5dd39ae8e96d71dabb0029af18b3e5aaa14e6fd77d47290de6f1a8bd6078d4d6eb3"
            + "eca9f0dc1f8dd96b0c82160ec01010155e3a0d4828007cbff951bbf9e6d86d93fe8de62ac5556a37322908b5ad84d97bcc93ab14a"
            + "b1044a0ec2a44002024b00000000801384bfb142ca3fb8918eeee76e56e38a22c9b94832508c035fcfe938a41dac3ba7030401d1"
            + "1a3c2fc38014d78c59f2d550a737ebbea39486f378d45eb03c6a6b759f654f86e0fc6ecb5870029af18b3e5aaa14e6fd77d47290"
            + "de6f1a8bd6078d4d6eb3eca9f0dc1f8dd96b0e00535e3167cb55429cdfaefa8e521bcde3517ac0f1a9add67d953e1b83f1bb2d61"
            + "c005008d3c37d7e98014d78c59f2d550a737ebbea39486f378d45eb03c6a6b759f654f86e0fc6ecb5870029af18b3e5aaa14e6fd"
            + "77d47290de6f1a8bd6078d4d6eb3eca9f0dc1f8dd96b0e00d58012bd3391b8d4870a4dbe92c326dfea2413e60f45186f8d8f0621"
            + "9c28156f156ca00150000000000000000000000000000000000000000000000000000000000000000000000200000000000000000"
            + "0000000000000000000000000000000000000000000000000000040";

    /** tonkeeper/tongo, abi-tolk tests (TestDecodeAndEncodeStonfiSwapPayload): internal_transfer towards STON.fi. */
    static final String TONGO_STONFI_INTERNAL_TRANSFER = "b5ee9c720101030100fd0001b1178d4519ca4d2d8911062e4253087a4"
            + "ad408017ff5ba4e14e70a63b4f627751f880704d84b0c2e7f3dbd3862df56a778b3590d0018cafe48d8e51fc3a324d17dfd74f55cc"
            + "5ad294a1420bf80e39620cb7212f09c905cbead030101e16664de2a800c597b2db76f2c8617ac5f9802ab6d934b9d61ef13b9ab84b"
            + "a05cae018fdd4a550023cb6103b0174463e61166815ec7f2ad4d715ee4dc488af85599ffba4cb3abd4e004796c207602e88c7cc22"
            + "cd02bd8fe55a9ae2bdc9b89115f0ab33ff74996757a9800000007fffffffc0020055533ba4e6ad58011e5b081d80ba231f308b340"
            + "af63f956a6b8af726e24457c2accffdd2659d5ea600000010";

    /** PadTON/ton-backend-example, src/scripts/decode-message.ts: the in_msg body of a mainnet transaction. */
    static final String PADTON_TRANSFER_NOTIFICATION_B64 = "te6cckEBAgEAfAABZnNi0JxUbeTvGBztUlAlQL5ACAE3rguB3isCygz0E"
            + "F+XZpSA3S6+j//9kYxUkhdOmeFpsQEAiAAAAAA3YWRlNDQ3OGViZTI3ZTQyNzJkZTI5NTk1MmIzMDdmMWIxYWZmZTZhMDcwZmE4YWNjZj"
            + "U5NGMxNGQ3NWYxZGY0/wo19A==";

    @Test
    void decodesAMainnetTransferWithTheValuesItsPublisherAsserts() {
        Cell cell = hexBoc(TONSTRUCT_TRANSFER);
        InternalMsgBody body = InternalMsgBody.fromCell(cell);

        assertThat(body).isInstanceOf(InternalMsgBody.Transfer.class);
        InternalMsgBody.Transfer t = (InternalMsgBody.Transfer) body;
        assertThat(t.queryId()).isEqualTo(new BigInteger("1729683923099594196"));
        assertThat(t.amount()).isEqualTo(new BigInteger("140437000000000"));
        Address expected = Address.of("UQCjb5hhRggCJMKnfnxDHlvNMGLboRzTYA8XQKvfOmg08wNo");
        assertThat(t.destination().toAddress()).map(Address::toRaw).contains(expected.toRaw());
        assertThat(t.responseDestination()).isEqualTo(MsgAddress.of(expected));
        assertThat(t.customPayload()).isEmpty();
        assertThat(t.forwardTonAmount()).isEqualTo(BigInteger.ONE);
        // the forward payload is a reference to a text comment: op 0 and "Jettons unstaked"
        assertThat(t.forwardPayload()).isInstanceOf(Either.Right.class);
        CellSlice comment = CellSlice.beginParse(((Either.Right<Cell, Cell>) t.forwardPayload()).value());
        assertThat(comment.loadUint(32)).isZero();
        assertThat(new String(comment.loadBytes(comment.getRestBits()))).isEqualTo("Jettons unstaked");

        assertSameCell(t.toCell(), cell);
    }

    @Test
    void decodesAndReencodesOtherMainnetJettonMessagesBitExactly() {
        Cell dedust = hexBoc(TONGO_DEDUST_TRANSFER);
        InternalMsgBody d = InternalMsgBody.fromCell(dedust);
        assertThat(d).isInstanceOf(InternalMsgBody.Transfer.class);
        assertSameCell(d.toCell(), dedust);

        Cell stonfi = hexBoc(TONGO_STONFI_INTERNAL_TRANSFER);
        InternalMsgBody s = InternalMsgBody.fromCell(stonfi);
        assertThat(s).isInstanceOf(InternalMsgBody.InternalTransfer.class);
        assertSameCell(s.toCell(), stonfi);

        Cell notification = Cells.base64Boc(PADTON_TRANSFER_NOTIFICATION_B64);
        InternalMsgBody n = InternalMsgBody.fromCell(notification);
        assertThat(n).isInstanceOf(InternalMsgBody.TransferNotification.class);
        assertSameCell(n.toCell(), notification);
    }

    @Test
    void buildsWhatAWalletSendsAndReadsItBack() {
        Address to = Address.of("0:" + "ab".repeat(32));
        InternalMsgBody.Transfer transfer = new InternalMsgBody.Transfer(BigInteger.valueOf(7),
                new BigInteger("1000000000"), MsgAddress.of(to), MsgAddress.none(), Optional.empty(),
                BigInteger.valueOf(10_000_000), Either.left(CellBuilder.beginCell().endCell()));
        Cell cell = transfer.toCell();
        // the layout TEP-74 prescribes, written by hand with ton4j
        Cell expected = CellBuilder.beginCell().storeUint(0x0f8a7ea5L, 32).storeUint(7, 64)
                .storeCoins(new BigInteger("1000000000")).storeAddress(to).storeUint(0, 2).storeBit(false)
                .storeCoins(BigInteger.valueOf(10_000_000)).storeBit(false).endCell();
        assertSameCell(cell, expected);
        assertThat(InternalMsgBody.fromCell(cell)).isEqualTo(transfer);
    }

    @Test
    void badCellsFailWithTypedErrorsNamingTypeConstructorAndField() {
        Cell good = hexBoc(TONSTRUCT_TRANSFER);
        String bits = good.toBitString();

        // wrong tag: flip the first bit of the op code
        Cell wrongTag = CellBuilder.beginCell().storeBits("1" + bits.substring(1)).storeRefs(good.getRefs()).endCell();
        assertThatThrownBy(() -> InternalMsgBody.fromCell(wrongTag))
                .isInstanceOf(TlbDecodeException.class)
                .hasMessageContaining("InternalMsgBody")
                .hasMessageContaining("no constructor matches");
        assertThatThrownBy(() -> InternalMsgBody.Transfer.load(CellSlice.beginParse(wrongTag)))
                .isInstanceOfSatisfying(TlbDecodeException.class, e -> {
                    assertThat(e.type()).isEqualTo("InternalMsgBody");
                    assertThat(e.constructor()).isEqualTo("transfer");
                    assertThat(e.problem()).contains("wrong tag: expected #0f8a7ea5");
                });

        // too few bits: cut inside the amount
        Cell truncated = CellBuilder.beginCell().storeBits(bits.substring(0, 32 + 64 + 10)).endCell();
        assertThatThrownBy(() -> InternalMsgBody.fromCell(truncated))
                .isInstanceOfSatisfying(TlbDecodeException.class, e -> {
                    assertThat(e.constructor()).isEqualTo("transfer");
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.problem()).startsWith("too few bits");
                });

        // missing reference: the forward payload says "in a reference" but there is none
        Cell noRef = CellBuilder.beginCell().storeBits(bits).endCell();
        assertThatThrownBy(() -> InternalMsgBody.fromCell(noRef))
                .isInstanceOfSatisfying(TlbDecodeException.class, e -> {
                    assertThat(e.field()).isEqualTo("forward_payload");
                    assertThat(e.problem()).isEqualTo("missing cell reference");
                });

        // trailing data where the schema allows none
        Cell excesses = CellBuilder.beginCell().storeUint(0xd53276dbL, 32).storeUint(1, 64).storeUint(5, 3).endCell();
        assertThatThrownBy(() -> InternalMsgBody.fromCell(excesses))
                .isInstanceOfSatisfying(TlbDecodeException.class,
                        e -> assertThat(e.problem()).isEqualTo("trailing data: 3 bits and 0 references left over"));
    }
}
