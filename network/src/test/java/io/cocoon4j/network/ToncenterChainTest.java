package io.cocoon4j.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.chain.AccountNotFoundException;
import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.MalformedMessageException;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.network.client.NetworkEndpoint;
import io.cocoon4j.network.client.SentMessage;
import io.cocoon4j.network.client.ToncenterChain;
import io.cocoon4j.network.local.LocalNetwork;
import io.cocoon4j.network.toncenter.ToncenterServer;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.network.wallet.WalletKind;
import io.cocoon4j.network.wallet.WalletV5;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;

/** The network chain against the local endpoint over real HTTP: deploy, send, read, follow transactions. */
class ToncenterChainTest {
    static LocalNetwork network;
    static ToncenterServer server;
    static ToncenterChain chain;

    @BeforeAll
    static void start() {
        network = LocalNetwork.inMemory();
        server = ToncenterServer.start(network, 0, Optional.empty());
        chain = ToncenterChain.connect(NetworkEndpoint.local(URI.create(server.endpoint()), Optional.empty()));
    }

    @AfterAll
    static void stop() {
        server.close();
        network.close();
    }

    static Wallet fundedV5(String name) {
        Wallet w = new Wallet(chain, WalletKind.V5R1, Ed25519Keys.fromName(name), WalletV5.MAINNET_GLOBAL_ID);
        network.fund(w.address(), ton("50"), null);
        return w;
    }

    @Test
    void v5WalletDeploysItselfThenDeploysAV4WalletWhichPaysBack() {
        Wallet alice = fundedV5("net-alice");
        assertThat(chain.account(alice.address()).status()).isEqualTo(AccountState.Status.UNINIT);
        long seqnoBefore = chain.masterchainSeqno();

        WalletV4 bobKeys = new WalletV4(chain, Ed25519Keys.fromName("net-bob"));
        Trace deploy = alice.send(Transfer.deploy(bobKeys.stateInit(), ton("5"), null));

        // the trace followed the internal message into bob's deploy
        assertThat(deploy.transactions()).hasSize(2);
        assertThat(deploy.allSucceeded()).isTrue();
        assertThat(deploy.root().account()).isEqualTo(alice.address());
        assertThat(deploy.transactions().get(1).account()).isEqualTo(bobKeys.address());
        assertThat(chain.account(alice.address()).isActive()).isTrue();
        assertThat(alice.seqno()).isEqualTo(1);
        assertThat(chain.account(bobKeys.address()).isActive()).isTrue();
        assertThat(chain.masterchainSeqno()).isGreaterThan(seqnoBefore);

        // bob (v4r2 through the same Wallet type) pays 2 TON back; alice's balance rises
        Wallet bob = new Wallet(chain, WalletKind.V4R2, Ed25519Keys.fromName("net-bob"), WalletV5.MAINNET_GLOBAL_ID);
        assertThat(bob.address()).isEqualTo(bobKeys.address());
        BigInteger aliceBefore = alice.balance();
        Trace back = bob.send(new Transfer(alice.address(), ton("2"), false, null, null, Transfer.DEFAULT_MODE));
        assertThat(back.transactions()).hasSize(2);
        assertThat(alice.balance().subtract(aliceBefore)).isEqualTo(ton("2").subtract(back.transactions().get(1).totalFees()));

        // reads: get-method through HTTP, transactions newest first with their phases
        assertThat(chain.runGetMethod(bob.address(), "seqno", List.of()).get(0).asLong()).isEqualTo(1);
        List<ChainTransaction> bobTxs = chain.transactions(bob.address(), 10);
        assertThat(bobTxs).hasSize(2);
        assertThat(bobTxs.get(0).lt()).isGreaterThan(bobTxs.get(1).lt());
        assertThat(bobTxs.get(0).hash()).isEqualTo(back.root().hash());
        assertThat(chain.transactions(bob.address(), 1)).hasSize(1);
        assertThat(chain.sentMessages()).allMatch(m -> m.status() == SentMessage.Status.LANDED);
    }

    @Test
    void transactionsPageThroughLongHistories() {
        Wallet carol = fundedV5("net-carol");
        Address sink = Address.of("0:" + "ab".repeat(32));
        for (int i = 0; i < 3; i++) {
            carol.send(new Transfer(sink, ton("0.1"), false, null, null, Transfer.DEFAULT_MODE));
        }
        List<ChainTransaction> all = network.transactions(carol.address(), 100);
        assertThat(all).hasSize(4); // funding + 3 sends
        // ask in pages of one through the client's paging (lt/hash continuation)
        assertThat(chain.transactions(carol.address(), 100)).extracting(ChainTransaction::hash)
                .containsExactlyElementsOf(all.stream().map(ChainTransaction::hash).toList());
    }

    @Test
    void unknownAddressReadsAsNonexistentAndItsGetMethodsFailTyped() {
        Address nobody = Address.of("0:" + "cd".repeat(32));
        AccountState s = chain.account(nobody);
        assertThat(s.status()).isEqualTo(AccountState.Status.NONEXIST);
        assertThat(s.balance()).isZero();
        assertThat(chain.transactions(nobody, 5)).isEmpty();
        assertThatThrownBy(() -> chain.runGetMethod(nobody, "seqno", List.of()))
                .isInstanceOf(AccountNotFoundException.class);
    }

    @Test
    void badSignatureIsRejectedWithTheExitCodeAndChangesNothing() {
        Wallet dave = fundedV5("net-dave");
        dave.send(List.of()); // deploy
        Wallet mallory = new Wallet(chain, WalletKind.V5R1, Ed25519Keys.fromName("net-mallory"), WalletV5.MAINNET_GLOBAL_ID);
        // mallory's key signing for dave's address: a body dave's contract refuses
        var forged = io.cocoon4j.chain.Messages.externalIn(dave.address(), null,
                new WalletV5(Ed25519Keys.fromName("net-mallory"), WalletV5.walletId(-239, 0, 0))
                        .signedBody(List.of(), 1, chain.now() + 60));
        BigInteger before = dave.balance();
        assertThatThrownBy(() -> chain.sendExternal(forged))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("rejected");
        assertThat(dave.balance()).isEqualTo(before);
        assertThat(mallory.address()).isNotEqualTo(dave.address());
    }

    @Test
    void malformedBocIsAClearLocalError() {
        assertThatThrownBy(() -> chain.sendExternalBoc(new byte[] {1, 2, 3}))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("BoC");
    }
}
