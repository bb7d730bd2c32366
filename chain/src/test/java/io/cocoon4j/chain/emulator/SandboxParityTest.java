package io.cocoon4j.chain.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.contracts.NodeScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;

/**
 * The JVM emulator against @ton/sandbox's own Executor under Node (src/test/node/sandbox-reference.js),
 * fed the same inputs: transactions, accounts, logs, exit codes and get-method stacks must be
 * byte-identical. Only the wall-clock fields (blockchain logs, elapsed time) are left out.
 */
class SandboxParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ONE_TON = 1_000_000_000L;
    private static final String SEED = "5a".repeat(32);

    private final TvmEmulator emulator = TvmEmulator.shared();
    private final ObjectNode request = JSON.createObjectNode();
    private final ArrayNode steps = request.putArray("steps");
    private final List<Object> ours = new ArrayList<>();

    @Test
    void walletScenarioMatchesTheSandboxByteForByte() throws Exception {
        request.put("config", TvmEmulator.defaultConfig());
        WalletFixture alice = new WalletFixture(11);
        Address bob = new WalletFixture(12).address();

        String account = WalletFixture.uninitAccount(alice.address(), 5 * ONE_TON);
        account = tx(account, alice.deployMessage(), WalletFixture.UTIME, 1_000_000);
        for (int seqno = 1; seqno <= 3; seqno++) {
            account = tx(account, alice.transferMessage(seqno, bob, seqno * ONE_TON / 10),
                    WalletFixture.UTIME + seqno, 1_000_000 + seqno * 1_000L);
        }
        tx(account, alice.transferMessage(1, bob, ONE_TON), WalletFixture.UTIME + 10, 2_000_000); // replay: rejected

        StateOfAccount state = StateOfAccount.of(account);
        get(state, "seqno", TvmEmulator.defaultConfig());
        get(state, "get_public_key", TvmEmulator.defaultConfig());
        get(state, "no_such_method", TvmEmulator.defaultConfig());
        // The slim config for get-methods (the emulator's default) gives the sandbox's full-config answer.
        get(state, "seqno", null);

        JsonNode theirs = runSandbox();
        assertThat(theirs.size()).isEqualTo(ours.size());
        for (int i = 0; i < ours.size(); i++) {
            JsonNode reference = theirs.get(i);
            Object mine = ours.get(i);
            if (mine instanceof TransactionResult.Success s) {
                assertThat(reference.path("success").asBoolean()).as("step %d succeeded in Node", i).isTrue();
                assertThat(s.transactionBoc()).as("transaction %d", i).isEqualTo(reference.path("transaction").asText());
                assertThat(s.shardAccountBoc()).as("account %d", i).isEqualTo(reference.path("shardAccount").asText());
                assertThat(s.vmLog()).as("vm log %d", i).isEqualTo(reference.path("vmLog").asText());
                assertThat(s.actionsBoc().orElse(null)).as("actions %d", i)
                        .isEqualTo(reference.path("actions").isNull() ? null : reference.path("actions").asText());
            } else if (mine instanceof TransactionResult.Failure f) {
                assertThat(reference.path("success").asBoolean()).as("step %d failed in Node", i).isFalse();
                assertThat(f.error()).isEqualTo(reference.path("error").asText());
                assertThat(f.vmExitCode()).hasValue(reference.path("vmExitCode").asInt());
                assertThat(f.vmLog()).isEqualTo(reference.path("vmLog").asText());
            } else {
                GetMethodResult g = (GetMethodResult) mine;
                assertThat(g.exitCode()).as("exit code %d", i).isEqualTo(reference.path("vm_exit_code").asInt());
                assertThat(g.gasUsed()).as("gas %d", i).isEqualTo(reference.path("gas_used").asLong());
                assertThat(g.stackBoc()).as("stack %d", i).isEqualTo(reference.path("stack").asText());
                assertThat(g.vmLog()).as("vm log %d", i).isEqualTo(reference.path("vm_log").asText());
            }
        }
        // The scenario is what it claims to be: deploy and three transfers went through, the replay did not.
        assertThat(ours.subList(0, 4)).allMatch(r -> r instanceof TransactionResult.Success);
        assertThat(ours.get(4)).isInstanceOf(TransactionResult.Failure.class);
        assertThat(WalletFixture.topInt(((GetMethodResult) ours.get(5)).stackBoc())).isEqualTo(4);
    }

    private String tx(String account, String message, long utime, long lt) {
        TransactionResult result = emulator.emulateTransaction(account, message,
                TransactionParams.of(utime, lt).withRandomSeed(java.util.HexFormat.of().parseHex(SEED)));
        ours.add(result);
        ObjectNode step = steps.addObject();
        step.put("kind", "tx").put("shardAccount", account).put("message", message).put("utime", utime)
                .put("lt", Long.toString(lt)).put("randSeed", SEED).put("ignoreChksig", false).put("debug", false);
        return result instanceof TransactionResult.Success s ? s.shardAccountBoc() : account;
    }

    private void get(StateOfAccount state, String method, String config) {
        String address = Address.of("0:" + "11".repeat(32)).toRaw();
        GetMethodParams params = new GetMethodParams(state.codeBoc(), state.dataBoc(), address, state.balance(),
                GetMethodParams.methodId(method), WalletFixture.UTIME + 100, SEED, GetMethodParams.DEFAULT_GAS_LIMIT,
                config, null, Verbosity.SHORT, false);
        ours.add(emulator.runGetMethod(params, WalletFixture.emptyStack()));
        ObjectNode step = steps.addObject();
        step.put("kind", "get").put("code", state.codeBoc()).put("data", state.dataBoc()).put("address", address)
                .put("balance", state.balance().toString()).put("methodId", params.methodId())
                .put("unixTime", params.unixTime()).put("randSeed", SEED).put("gasLimit", Long.toString(params.gasLimit()))
                .put("stack", WalletFixture.emptyStack());
    }

    private JsonNode runSandbox() throws IOException, InterruptedException {
        Path nodeModules = Path.of(System.getProperty("cocoon.node_modules", "../contracts/node_modules"));
        Path script = Path.of("src/test/node/sandbox-reference.js");
        assumeTrue(Files.isDirectory(nodeModules.resolve("@ton/sandbox")),
                "skipped: @ton/sandbox not installed at " + nodeModules + " (run npm ci in contracts/)");
        assumeTrue(NodeScript.available(), "skipped: node is not on the PATH");
        NodeScript.Result node = NodeScript.of(script.toString(), nodeModules.toString())
                .stdin(JSON.writeValueAsBytes(request)).run(Duration.ofSeconds(120));
        assertThat(node.exitCode()).as("node exit code; stderr: %s", node.stderr()).isZero();
        byte[] out = node.stdout();
        return JSON.readTree(new String(out, StandardCharsets.UTF_8)).path("results");
    }
}
