package io.cocoon4j.cli.net;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.network.client.HttpTransport;
import io.cocoon4j.network.client.LocalFaucet;
import io.cocoon4j.network.client.NetworkEndpoint;
import io.cocoon4j.network.client.ToncenterChain;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.network.wallet.WalletKind;
import io.cocoon4j.network.wallet.WalletV5;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ton.ton4j.address.Address;

/** {@code cocoon up --state DIR} killed with SIGKILL while idle resumes with every balance and block intact. */
class UpResumeTest {

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void killedNetworkResumesFromItsStateDirectory(@TempDir Path tmp) throws Exception {
        Path state = tmp.resolve("state");
        Map<String, String> env = Map.of("COCOON_HOME", tmp.resolve("home").toString());
        String port = String.valueOf(freePort());
        Address sink = Address.of("0:" + "77".repeat(32));
        BigInteger walletBalance;
        BigInteger sinkBalance;
        long seqno;
        Wallet w;
        try (CocoonProcess.Up up = CocoonProcess.up(env, "--port", port, "--state", state.toString())) {
            NetworkEndpoint ep = NetworkEndpoint.local(URI.create(up.endpoint()), Optional.empty());
            ToncenterChain chain = ToncenterChain.connect(ep);
            w = new Wallet(chain, WalletKind.V5R1, Ed25519Keys.fromName("resume"), WalletV5.MAINNET_GLOBAL_ID);
            LocalFaucet.fund(ep, HttpTransport.jdk(Duration.ofSeconds(5)), w.address(), ton("50"));
            w.send(new Transfer(sink, ton("7"), false, null, null, Transfer.DEFAULT_MODE));
            w.send(new Transfer(sink, ton("1"), false, null, null, Transfer.DEFAULT_MODE));
            walletBalance = w.balance();
            sinkBalance = chain.account(sink).balance(); // 8 TON less the empty account's storage fees
            seqno = chain.masterchainSeqno();
            up.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            up.process().waitFor();
        }
        try (CocoonProcess.Up up = CocoonProcess.up(env, "--port", port, "--state", state.toString())) {
            ToncenterChain chain = ToncenterChain.connect(NetworkEndpoint.local(URI.create(up.endpoint()), Optional.empty()));
            Wallet again = new Wallet(chain, WalletKind.V5R1, Ed25519Keys.fromName("resume"), WalletV5.MAINNET_GLOBAL_ID);
            assertThat(again.balance()).isEqualTo(walletBalance);
            assertThat(chain.account(sink).balance()).isEqualTo(sinkBalance).isBetween(ton("7.9"), ton("8"));
            assertThat(again.seqno()).isEqualTo(2);
            assertThat(chain.masterchainSeqno()).isEqualTo(seqno);
            again.send(new Transfer(sink, ton("1"), false, null, null, Transfer.DEFAULT_MODE)); // and it goes on
            assertThat(chain.account(sink).balance()).isBetween(sinkBalance.add(ton("0.9")), sinkBalance.add(ton("1")));
        }
    }
}
