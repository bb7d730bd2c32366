package io.cocoon4j.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.network.local.BlockId;
import io.cocoon4j.network.local.LocalNetwork;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ton.ton4j.address.Address;

/** A persistent local network reopened from its directory is the same chain: accounts, history, blocks. */
class PersistenceTest {

    @Test
    void reopenedNetworkHasEveryBalanceTransactionAndBlock(@TempDir Path dir) throws IOException {
        Address sink = Address.of("0:" + "33".repeat(32));
        BigInteger aliceBalance;
        BigInteger sinkBalance;
        List<ChainTransaction> aliceTxs;
        BlockId last;
        try (LocalNetwork net = LocalNetwork.persistent(dir)) {
            WalletV4 alice = net.fundedWallet("persist-alice", ton("20"));
            alice.send(new Transfer(sink, ton("1.5"), false, null, null, Transfer.DEFAULT_MODE));
            alice.send(new Transfer(sink, ton("2"), false, null, null, Transfer.DEFAULT_MODE));
            aliceBalance = alice.balance();
            sinkBalance = net.account(sink).balance();
            aliceTxs = net.transactions(alice.address(), 10);
            last = net.lastBlock();
        }
        // a torn line, as a kill -9 in the middle of a write leaves it
        Files.writeString(dir.resolve("chain.journal"), "ext 17", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);

        try (LocalNetwork again = LocalNetwork.persistent(dir)) {
            WalletV4 alice = new WalletV4(again, io.cocoon4j.chain.Ed25519Keys.fromName("persist-alice"));
            assertThat(alice.balance()).isEqualTo(aliceBalance);
            assertThat(again.account(sink).balance()).isEqualTo(sinkBalance).isBetween(ton("3.49"), ton("3.5")); // less storage fees of the empty account
            assertThat(again.transactions(alice.address(), 10)).extracting(ChainTransaction::hash)
                    .containsExactlyElementsOf(aliceTxs.stream().map(ChainTransaction::hash).toList());
            assertThat(again.lastBlock()).isEqualTo(last);
            assertThat(alice.seqno()).isEqualTo(2);
            // and it goes on from there
            alice.send(new Transfer(sink, ton("1"), false, null, null, Transfer.DEFAULT_MODE));
            assertThat(again.lastBlock().seqno()).isEqualTo(last.seqno() + 1);
        }
        assertThat(Files.readString(dir.resolve("chain.journal"))).doesNotContain("ext 17\n").endsWith("\n");
    }

    @Test
    void masterchainAdvancesWithEveryInput() {
        try (LocalNetwork net = LocalNetwork.inMemory()) {
            long s0 = net.lastBlock().seqno();
            WalletV4 w = net.fundedWallet("mc-advance", ton("5"));
            long s1 = net.lastBlock().seqno();
            w.send(new Transfer(w.address(), ton("1"), false, null, null, Transfer.DEFAULT_MODE));
            BlockId b2 = net.lastBlock();
            assertThat(s1).isEqualTo(s0 + 1);
            assertThat(b2.seqno()).isEqualTo(s1 + 1);
            assertThat(b2.utime()).isGreaterThan(1_700_000_000L);
            net.advanceTime(3600);
            w.send(new Transfer(w.address(), ton("1"), false, null, null, Transfer.DEFAULT_MODE));
            assertThat(net.lastBlock().utime()).isGreaterThanOrEqualTo(b2.utime() + 3600);
        }
    }
}
