package io.cocoon4j.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.network.local.LocalNetwork;
import io.cocoon4j.network.toncenter.ToncenterServer;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.network.wallet.WalletKind;
import io.cocoon4j.network.wallet.WalletV5;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.smartcontract.types.WalletCodes;
import org.ton.ton4j.toncenter.TonCenter;
import org.ton.ton4j.toncenter.TonResponse;
import org.ton.ton4j.toncenter.model.SendBocResponse;
import org.ton.ton4j.toncenter.model.TransactionResponse;

/** ton4j's own toncenter client, unmodified, against the local endpoint (its REST paths). */
class Ton4jClientTest {

    @Test
    void ton4jReadsSendsAndFollowsOnTheLocalEndpoint() {
        try (LocalNetwork network = LocalNetwork.inMemory();
             ToncenterServer server = ToncenterServer.start(network, 0, Optional.of("k1"))) {
            TonCenter tc = TonCenter.builder().endpoint(server.endpoint()).apiKey("k1").build();
            Wallet w = new Wallet(network, WalletKind.V5R1, Ed25519Keys.fromName("ton4j-user"), WalletV5.MAINNET_GLOBAL_ID);
            network.fund(w.address(), ton("7"), null);
            String addr = w.address().toString(true, true, true, false);

            long seqnoBefore = tc.getMasterchainInfo().getResult().getLast().getSeqno();
            assertThat(tc.getBalance(addr)).isEqualTo(ton("7"));
            assertThat(tc.getState(addr)).isEqualTo("uninitialized");

            // ton4j sends a message our wallet signed; the chain applies it
            Address sink = Address.of("0:" + "44".repeat(32));
            var msg = w.externalMessage(List.of(new Transfer(sink, ton("1"), false, null, null, 3)), 0,
                    network.now() + 60, true);
            TonResponse<SendBocResponse> sent = tc.sendBocReturnHash(Base64.getEncoder().encodeToString(msg.toBoc(false)));
            assertThat(sent.isSuccess()).isTrue();
            assertThat(Base64.getDecoder().decode(sent.getResult().getHash())).isEqualTo(msg.getHash());

            assertThat(tc.getMasterchainInfo().getResult().getLast().getSeqno()).isGreaterThan(seqnoBefore);
            assertThat(tc.getState(addr)).isEqualTo("active");
            assertThat(tc.getSeqno(addr)).isEqualTo(1);
            var info = tc.getWalletInformation(addr).getResult();
            assertThat(info.getWallet()).isTrue();
            assertThat(info.getWalletType()).isEqualTo("wallet v5 r1");
            assertThat(info.getSeqno()).isEqualTo(1);
            assertThat(info.getWalletId()).isEqualTo(WalletV5.walletId(-239, 0, 0));
            assertThat(tc.getBalance(sink.toRaw())).isEqualTo(ton("1"));

            List<TransactionResponse> txs = tc.getTransactions(addr, 10).getResult();
            assertThat(txs).hasSize(2); // funding, then the transfer
            TransactionResponse last = txs.get(0);
            assertThat(last.getOutMsgs()).hasSize(1);
            assertThat(new BigInteger(last.getOutMsgs().get(0).getValue())).isEqualTo(ton("1"));
            var located = tc.tryLocateResultTx(addr, sink.toRaw(), Long.parseLong(last.getOutMsgs().get(0).getCreatedLt()));
            assertThat(located.isSuccess()).isTrue();
            assertThat(located.getResult().getInMsg().getValue()).isEqualTo(ton("1").toString());
            var source = tc.tryLocateSourceTx(addr, sink.toRaw(), Long.parseLong(last.getOutMsgs().get(0).getCreatedLt()));
            assertThat(source.getResult().getTransactionId().getHash()).isEqualTo(last.getTransactionId().getHash());
        }
    }

    @Test
    void bundledWalletV5CodeIsTon4jsStandardV5r1() {
        assertThat(WalletV5.code().getHash()).isEqualTo(org.ton.ton4j.cell.Cell.fromBoc(WalletCodes.V5R1.getValue()).getHash());
        assertThat(WalletKind.ofCodeHash(io.cocoon4j.protocol.Hash32.fromHex(
                "20834b7b72b112147e1b2fb457b84e74d1a30f04f737d4f62a668e9552d2b72f"))).contains(WalletKind.V5R1);
        // the standard mainnet wallet id of wallet v5r1 (subwallet 0, workchain 0)
        assertThat(WalletV5.walletId(-239, 0, 0)).isEqualTo(2147483409L);
    }
}
