package io.cocoon4j.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.network.local.LocalNetwork;
import io.cocoon4j.network.toncenter.ToncenterServer;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.network.wallet.WalletKind;
import io.cocoon4j.network.wallet.WalletV5;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;

/**
 * {@code @ton/ton}'s TonClient (the official TypeScript client, pinned in src/test/node) under Node
 * against the local endpoint: a wallet v5r1 transfer (deploying the wallet) and reading it back,
 * with the key both sides derive from the same 24-word mnemonic.
 * Skips, saying why, when node or the installed client is missing.
 */
class TonClientNodeTest {

    @Test
    void tonClientTransfersAndReadsBack() throws IOException, InterruptedException {
        Path modules = Path.of(System.getProperty("cocoon.client_node_modules", "src/test/node/node_modules"));
        assumeTrue(Files.isDirectory(modules.resolve("@ton/ton")),
                "@ton/ton is not installed in " + modules + " (node/npm missing?): skipping the TonClient test");
        Path script = modules.getParent().resolve("tonclient-transfer.mjs");

        try (LocalNetwork network = LocalNetwork.inMemory();
             ToncenterServer server = ToncenterServer.start(network, 0, Optional.of("node-key"))) {
            java.util.List<String> words = io.cocoon4j.network.wallet.Mnemonics.generate();
            Ed25519Keys keys = io.cocoon4j.network.wallet.Mnemonics.keys(words); // @ton/crypto must derive the same key
            Wallet ours = new Wallet(network, WalletKind.V5R1, keys, WalletV5.MAINNET_GLOBAL_ID);
            network.fund(ours.address(), ton("10"), null); // the faucet; TonClient deploys the wallet itself
            Address dest = Address.of("0:" + "55".repeat(32));

            Process p = new ProcessBuilder("node", script.toString(), server.jsonRpcUrl(), "node-key",
                    String.join(" ", words), dest.toRaw(), "1.25")
                    .redirectErrorStream(false).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("node exit; stderr: " + err).isZero();
            JsonNode r = new ObjectMapper().readTree(out);

            // @ton/ton derives the same addresses as our wallets for the same key
            assertThat(r.path("v5r1").asText()).isEqualTo(ours.address().toRaw());
            assertThat(r.path("v4r2").asText())
                    .isEqualTo(new Wallet(network, WalletKind.V4R2, keys, WalletV5.MAINNET_GLOBAL_ID).address().toRaw());
            assertThat(r.path("seqnoBefore").asInt()).isZero();
            assertThat(r.path("seqnoAfter").asInt()).isEqualTo(1);
            assertThat(r.path("walletState").asText()).isEqualTo("active");
            assertThat(r.path("destinationBalance").asText()).isEqualTo(ton("1.25").toString());
            assertThat(r.path("lastOutValue").asText()).isEqualTo(ton("1.25").toString());
            assertThat(r.path("transactions").asInt()).isEqualTo(2);
            assertThat(r.path("masterchainAdvanced").asBoolean()).isTrue();
            // and the chain agrees
            assertThat(network.account(dest).balance()).isEqualTo(ton("1.25"));
            assertThat(ours.seqno()).isEqualTo(1);
        }
    }
}
