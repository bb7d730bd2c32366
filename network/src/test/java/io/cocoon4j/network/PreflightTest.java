package io.cocoon4j.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.network.client.Preflight;
import io.cocoon4j.network.local.LocalNetwork;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.network.wallet.WalletKind;
import io.cocoon4j.network.wallet.WalletV5;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.CellBuilder;

/** Pre-flight: a message emulated against another chain's current accounts predicts the real fee and failures. */
class PreflightTest {

    @Test
    void emulationAgainstFetchedStatesPredictsTheFeeAndChangesNothing() {
        try (LocalNetwork network = LocalNetwork.inMemory()) {
            Wallet w = new Wallet(network, WalletKind.V5R1, Ed25519Keys.fromName("preflight"), WalletV5.MAINNET_GLOBAL_ID);
            network.fund(w.address(), ton("10"), null);
            w.send(List.of()); // deployed, seqno 1: the emulation must start from the fetched data, not the StateInit
            Address sink = Address.of("0:" + "66".repeat(32));
            var msg = w.nextMessage(List.of(new Transfer(sink, ton("1"), false, null, null, 3)));
            long block = network.lastBlock().seqno();

            Preflight.Result r = Preflight.emulate(network, msg);
            assertThat(r.ok()).as(r.problem().orElse("")).isTrue();
            assertThat(network.lastBlock().seqno()).isEqualTo(block); // nothing sent

            var real = network.sendExternal(msg);
            assertThat(r.trace()).hasSize(real.transactions().size());
            // storage fees since the account's last payment are not emulated: at most a few nanotons here
            assertThat(real.root().totalFees().subtract(r.trace().get(0).totalFees())).isBetween(
                    java.math.BigInteger.ZERO, java.math.BigInteger.valueOf(1000));
        }
    }

    @Test
    void aFailingCallAndABadSeqnoAreCaught() {
        try (LocalNetwork network = LocalNetwork.inMemory()) {
            Wallet w = new Wallet(network, WalletKind.V5R1, Ed25519Keys.fromName("preflight-2"), WalletV5.MAINNET_GLOBAL_ID);
            network.fund(w.address(), ton("10"), null);
            // the sample counter with empty data: deploys (an empty body returns early), and any call throws
            var init = io.cocoon4j.chain.Messages.stateInit(
                    org.ton.ton4j.cell.Cell.fromBoc(io.cocoon4j.contracts.Contracts.load("counter").codeBoc()),
                    CellBuilder.beginCell().endCell());
            Address counter = io.cocoon4j.chain.Messages.addressOf(init, 0);
            network.fund(counter, ton("1"), init);
            assertThat(network.account(counter).isActive()).isTrue();
            var body = CellBuilder.beginCell().storeUint(0xdeadbeefL, 32).storeUint(0, 64).endCell();
            var bad = w.nextMessage(List.of(new Transfer(counter, ton("1"), true, body, null, 3)));
            Preflight.Result r = Preflight.emulate(network, bad);
            assertThat(r.ok()).isFalse();
            assertThat(r.problem().orElseThrow()).contains(counter.toRaw()).contains("bounce");

            var stale = w.externalMessage(List.of(), 5, network.now() + 60, true);
            assertThat(Preflight.emulate(network, stale).problem().orElseThrow()).contains("reject");
        }
    }
}
