package io.cocoon4j.chain;

import io.cocoon4j.protocol.Hash32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;

/**
 * The codecs against data the reference (@ton/sandbox + @ton/core) produced: transactions of the
 * parity scenario (reference-scenario.json, written by contract-wrappers/clients/src/test/node/parity-scenario.mjs) and
 * layouts of shard accounts, stacks and wallet messages.
 */
class CodecTest {
    private static final Address ALICE =
            Address.of("0:72f3ec99d8ff96284996aa6e763d39566252a4e3792a3ef3bfe79a08e0b41f69");

    static JsonNode reference() throws IOException {
        try (InputStream in = CodecTest.class.getResourceAsStream("reference-scenario.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Cell boc(String base64) {
        return Cell.fromBoc(Base64.getDecoder().decode(base64));
    }

    @Test
    void emptyShardAccountMatchesTheSandboxEncoding() {
        String sandbox = "b5ee9c7241010201005d0001500000000000000000000000000000000000000000000000000000000000000000"
                + "000000000000000001005fc0072f3ec99d8ff96284996aa6e763d39566252a4e3792a3ef3bfe79a08e0b41f6900000000000"
                + "000000000000000004080f3b71";
        Cell expected = Cell.fromBoc(HexFormat.of().parseHex(sandbox));
        assertThat(ShardAccounts.empty(ALICE).getHash()).isEqualTo(expected.getHash());
        AccountState read = ShardAccounts.read(ALICE, expected);
        assertThat(read.status()).isEqualTo(AccountState.Status.UNINIT);
        assertThat(read.balance()).isZero();
    }

    @Test
    void walletAddressesMatchTheReference() throws IOException {
        JsonNode ref = reference();
        assertThat(ShardAccounts.key(new WalletV4(null, Ed25519Keys.fromName("alice")).address()))
                .isEqualTo(ref.at("/accounts/alice/address").asText());
        assertThat(ShardAccounts.key(new WalletV4(null, Ed25519Keys.fromName("bob")).address()))
                .isEqualTo(ref.at("/accounts/bob/address").asText());
        assertThat(Hash32.of(WalletV4.code().getHash()).hex())
                .isEqualTo("feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0");
    }

    @Test
    void parsesEveryReferenceTransactionWithItsPhases() throws IOException {
        List<ChainTransaction> all = new ArrayList<>();
        for (JsonNode step : reference().get("steps")) {
            for (JsonNode tx : step.path("transactions")) {
                ChainTransaction t = TransactionParser.parse(boc(tx.get("boc").asText()), 0);
                assertThat(t.hash().hex()).isEqualTo(tx.get("hash").asText());
                assertThat(t.lt().toString()).isEqualTo(tx.get("lt").asText());
                assertThat(ShardAccounts.key(t.account())).isEqualTo(tx.get("account").asText());
                assertThat(t.outMessages()).hasSize(tx.get("outMessages").asInt());
                if (tx.get("exitCode").isNull()) {
                    assertThat(t.compute()).isInstanceOf(ChainTransaction.ComputePhase.Skipped.class);
                } else {
                    assertThat(t.exitCode()).contains(tx.get("exitCode").asInt());
                }
                all.add(t);
            }
        }
        // The stranger's reset: the counter throws 1001 and bounces the value back to bob.
        ChainTransaction reset = all.stream().filter(t -> t.exitCode().orElse(0) == 1001).findFirst().orElseThrow();
        assertThat(reset.succeeded()).isFalse();
        assertThat(reset.bounced()).isTrue();
        ChainMessage bounce = reset.outMessages().get(0);
        assertThat(bounce.bounced()).isTrue();
        assertThat(bounce.kind()).isEqualTo(ChainMessage.Kind.INTERNAL);
        assertThat(bounce.opCode()).contains(0xb4f2c4d3L);
        // Out of gas: exit -14, nothing sent.
        ChainTransaction burn = all.stream().filter(t -> t.exitCode().orElse(0) == -14).findFirst().orElseThrow();
        assertThat(burn.outMessages()).isEmpty();
        assertThat(burn.gasUsed()).isPositive();
        // The first funding: an internal message from the zero address deploys alice's wallet.
        ChainTransaction fund = all.get(0);
        assertThat(fund.origStatus()).isEqualTo(AccountState.Status.UNINIT);
        assertThat(fund.endStatus()).isEqualTo(AccountState.Status.ACTIVE);
        assertThat(fund.inMessage().orElseThrow().value()).isEqualTo(Transfer.ton("1000"));
        assertThat(fund.inMessage().orElseThrow().init()).isPresent();
        // The message a transaction sent is, byte for byte, the one the next transaction received.
        ChainTransaction deploy = all.get(2);
        assertThat(deploy.outMessages().get(0).hash()).isEqualTo(all.get(3).inMessage().orElseThrow().hash());
    }

    @Test
    void stacksRoundTripInTheReferenceLayout() throws IOException {
        for (JsonNode get : reference().get("gets")) {
            if (get.has("stack")) {
                Cell ref = boc(get.get("stack").asText());
                List<TvmValue> parsed = TvmStack.parse(ref);
                assertThat(TvmStack.serialize(parsed).getHash()).as(get.get("name").asText()).isEqualTo(ref.getHash());
            }
        }
        List<TvmValue> values = List.of(
                TvmValue.of(-1),
                TvmValue.of(BigInteger.TWO.pow(200).negate()),
                TvmValue.nil(),
                TvmValue.address(ALICE),
                TvmValue.cell(CellBuilder.beginCell().storeUint(7, 8).endCell()),
                new TvmValue.Tuple(List.of(TvmValue.of(1), TvmValue.of(2), new TvmValue.Tuple(List.of()),
                        TvmValue.of(3), new TvmValue.Tuple(List.of(TvmValue.nil())))));
        List<TvmValue> back = TvmStack.parse(TvmStack.serialize(values));
        assertThat(back).hasSize(values.size());
        assertThat(back.get(1).asInt()).isEqualTo(BigInteger.TWO.pow(200).negate());
        assertThat(back.get(3).asAddress()).isEqualTo(ALICE);
        assertThat(back.get(5).asTuple()).hasSize(5);
        assertThat(back.get(5).asTuple().get(3).asLong()).isEqualTo(3);
        assertThat(back.get(5).asTuple().get(4).asTuple().get(0).isNull()).isTrue();
    }

    @Test
    void malformedInputIsATypedError() {
        Cell junk = CellBuilder.beginCell().storeUint(5, 3).endCell();
        assertThatThrownBy(() -> TransactionParser.parse(junk, 0)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> TvmStack.parse(junk)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> Messages.parse(CellBuilder.beginCell().endCell()))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> TvmValue.of(1).asCell()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("found int");
    }

    @Test
    void methodIdsAreFuncs() {
        assertThat(GetMethodResult.methodId("seqno")).isEqualTo(85143);
        assertThat(GetMethodResult.methodId("get_public_key")).isEqualTo(78748);
    }
}
