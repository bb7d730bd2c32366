package io.cocoon4j.wrappers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.emulator.TvmEmulator;
import io.cocoon4j.contracts.Contracts;
import io.cocoon4j.contracts.NodeScript;
import io.cocoon4j.protocol.Hash32;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.cell.Cell;

/**
 * Parity with the reference: the same scenario through @ton/sandbox under Node and through
 * {@link LocalChain} must give identical transaction hashes step by step (a transaction's hash
 * covers its whole content: phases, fees, out messages, state update), identical get-method
 * stacks, exit codes and gas, and identical final accounts.
 */
class ParityTest {

    @Test
    void localChainMatchesTheSandboxTransactionForTransaction() throws Exception {
        byte[] counterCode = Contracts.load("counter").codeBoc();
        JsonNode reference = runReference(Base64.getEncoder().encodeToString(counterCode));

        ParityScenario.Outcome ours;
        try (LocalChain chain = LocalChain.on(TvmEmulator.shared())) {
            ours = ParityScenario.run(chain);
        }

        JsonNode refSteps = reference.get("steps");
        assertThat(ours.steps()).hasSize(refSteps.size());
        int transactions = 0;
        for (int i = 0; i < refSteps.size(); i++) {
            JsonNode ref = refSteps.get(i);
            ParityScenario.Step step = ours.steps().get(i);
            assertThat(step.name()).isEqualTo(ref.get("name").asText());
            if (ref.has("rejected")) {
                assertThat(step.rejectedExitCode()).as(step.name()).isEqualTo(ref.at("/rejected/exitCode").asInt());
            } else {
                List<String> refHashes = new ArrayList<>();
                ref.get("transactions").forEach(t -> refHashes.add(t.get("hash").asText()));
                assertThat(step.hashes()).as(step.name()).containsExactlyElementsOf(refHashes);
                transactions += refHashes.size();
            }
        }
        assertThat(transactions).as("the scenario must run real transactions").isGreaterThanOrEqualTo(20);

        JsonNode refGets = reference.get("gets");
        assertThat(ours.gets()).hasSize(refGets.size());
        for (int i = 0; i < refGets.size(); i++) {
            JsonNode ref = refGets.get(i);
            ParityScenario.Get get = ours.gets().get(i);
            assertThat(get.name()).isEqualTo(ref.get("name").asText());
            assertThat(get.exitCode()).as(get.name()).isEqualTo(ref.get("exitCode").asInt());
            if (ref.has("stack")) {
                Cell refStack = Cell.fromBoc(Base64.getDecoder().decode(ref.get("stack").asText()));
                assertThat(get.stackHash()).as(get.name()).isEqualTo(Hash32.of(refStack.getHash()).hex());
                assertThat(get.gasUsed()).as(get.name()).isEqualTo(ref.get("gasUsed").asLong());
            } else {
                assertThat(get.stackHash()).as(get.name() + " must fail on both sides").isNull();
            }
        }

        JsonNode refAccounts = reference.get("accounts");
        ours.accounts().forEach((name, account) -> {
            JsonNode ref = refAccounts.get(name);
            assertThat(account.address()).as(name).isEqualTo(ref.get("address").asText());
            assertThat(account.balance()).as(name).isEqualTo(ref.get("balance").asText());
            assertThat(account.status()).as(name).isEqualTo(ref.get("status").asText());
            assertThat(account.lastLt()).as(name).isEqualTo(ref.get("lastLt").asText());
        });
    }

    /** Runs src/test/node/parity-scenario.mjs (it loads @ton/sandbox from contracts/node_modules). */
    static JsonNode runReference(String counterCodeBase64) throws IOException {
        Path script = Path.of("src/test/node/parity-scenario.mjs").toAbsolutePath();
        NodeScript.Result r = NodeScript.of(script.toString(), counterCodeBase64).run(Duration.ofSeconds(180));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("the Node reference failed (exit " + r.exitCode() + "): " + r.stderr());
        }
        return new ObjectMapper().readTree(r.stdout());
    }
}
