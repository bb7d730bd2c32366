package io.cocoon4j.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cocoon wallet} in-process against a local endpoint: create, fund, send, read, and the refusals. */
class WalletCommandTest {
    static TestEndpoint endpoint;
    @TempDir
    static Path home;
    static Path pw;

    @BeforeAll
    static void start() throws Exception {
        endpoint = TestEndpoint.start(home);
        pw = endpoint.passwordFile();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @Test
    void createFundSendAndRead() throws Exception {
        CliRun created = CliRun.of("wallet", "create", "alice", "--password-file", pw.toString(), "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        String address = created.json().path("address_raw").asText();
        assertThat(CliRun.of("wallet", "create", "bob", "--version", "v4r2", "--password-file", pw.toString()).exit()).isZero();

        CliRun funded = CliRun.of("wallet", "fund", "alice", "--amount", "25", "--json");
        assertThat(funded.exit()).as(funded.err()).isZero();
        assertThat(funded.json().path("balance_ton").asText()).isEqualTo("25");

        CliRun sent = CliRun.of("wallet", "send", "alice", "--to", "bob", "--amount", "1.5", "--comment", "hello",
                "--password-file", pw.toString(), "--json");
        assertThat(sent.exit()).as(sent.err()).isZero();
        assertThat(sent.json().path("ok").asBoolean()).isTrue();

        CliRun bob = CliRun.of("wallet", "balance", "bob", "--json");
        assertThat(bob.json().path("balance_ton").asText()).isEqualTo("1.5");
        CliRun alice = CliRun.of("wallet", "balance", address, "--json");
        assertThat(alice.json().path("state").asText()).isEqualTo("active");
        assertThat(new java.math.BigDecimal(alice.json().path("balance_ton").asText())).isLessThan(new java.math.BigDecimal("23.5"));

        // the wallet file never holds the words in the clear and is owner-only
        Path f = home.resolve("wallets/alice.json");
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(created.out() + created.err()).doesNotContain("a-good-password");
    }

    @Test
    void importTakesTheWordsFromAFileAndGivesTheWalletsAddress() throws Exception {
        java.util.List<String> words = io.cocoon4j.network.wallet.Mnemonics.generate();
        Path m = home.resolve("words.txt");
        Files.writeString(m, String.join(" ", words) + "\n");
        Files.setPosixFilePermissions(m, PosixFilePermissions.fromString("rw-------"));
        CliRun imported = CliRun.of("wallet", "import", "dave", "--version", "v4r2", "--mnemonic-file", m.toString(),
                "--password-file", pw.toString(), "--json");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.json().path("address_raw").asText()).isEqualTo(io.cocoon4j.network.wallet.Wallet.addressOf(
                io.cocoon4j.network.wallet.WalletKind.V4R2, io.cocoon4j.network.wallet.Mnemonics.keys(words), -239).toRaw());
        assertThat(imported.out() + imported.err()).doesNotContain(words.get(0) + " " + words.get(1));
        CliRun addr = CliRun.of("wallet", "address", "dave", "--network", "testnet", "--json");
        assertThat(addr.json().path("address").asText()).startsWith("0Q"); // testnet, non-bounceable
    }

    @Test
    void refusalsAreClear() throws Exception {
        CliRun.of("wallet", "create", "carol", "--password-file", pw.toString());
        CliRun testnetFund = CliRun.of("wallet", "fund", "carol", "--amount", "5", "--network", "testnet");
        assertThat(testnetFund.exit()).isEqualTo(1);
        assertThat(testnetFund.err()).contains("@testgiver_ton_bot").contains("--network testnet");

        Path wrong = home.resolve("wrong-pw");
        Files.writeString(wrong, "not-the-password\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        CliRun.of("wallet", "fund", "carol", "--amount", "5");
        CliRun bad = CliRun.of("wallet", "send", "carol", "--to", "carol", "--amount", "1", "--password-file", wrong.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("wrong password").doesNotContain("not-the-password");

        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun loose = CliRun.of("wallet", "send", "carol", "--to", "carol", "--amount", "1", "--password-file", wrong.toString());
        assertThat(loose.err()).contains("chmod 600");

        CliRun noWallet = CliRun.of("wallet", "balance", "nobody-here");
        assertThat(noWallet.exit()).isEqualTo(1);
        assertThat(noWallet.err()).contains("no wallet file");

        CliRun badAmount = CliRun.of("wallet", "fund", "carol", "--amount", "lots");
        assertThat(badAmount.err()).contains("not an amount of TON");
    }

    @Test
    void helpTextsGuideANewcomer() {
        CliRun wallet = CliRun.of("wallet", "--help");
        assertThat(wallet.out()).contains("cocoon wallet create alice").contains("cocoon up").contains("testgiver");
        CliRun deploy = CliRun.of("deploy", "--help");
        assertThat(deploy.out()).contains("--network").contains("root contract").contains("--allow-simulated").contains("deploy check");
        CliRun up = CliRun.of("up", "--help");
        assertThat(up.out()).contains("--state").contains("/api/v2");
    }
}
