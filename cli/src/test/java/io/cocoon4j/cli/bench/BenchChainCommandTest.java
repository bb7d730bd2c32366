package io.cocoon4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code cocoon bench chain} as a user runs it, on a small workload: LocalChain against @ton/sandbox. */
class BenchChainCommandTest {

    @Test
    void bothSidesRunTheSameTransactionsInAlternatingOrder() throws Exception {
        int warm = 3;
        int sends = 4;
        CliRun run = CliRun.of("bench", "chain", "--json", "--config", "slim", "--warmup", Integer.toString(warm),
                "--sends", Integer.toString(sends), "--gets", "5");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();

        JsonNode rounds = json.get("rounds");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).get("first").asText()).isEqualTo("local_chain");
        assertThat(rounds.get(1).get("first").asText()).isEqualTo("sandbox");
        for (JsonNode round : rounds) {
            // Every send increments the counter from 0 by one: warm-up and measured sends alike.
            assertThat(round.get("counter").asLong()).isEqualTo(warm + sends);
            // Fresh chains, same inputs: both rounds ran the very same transactions.
            assertThat(round.get("transactions_sha256").asText()).isEqualTo(rounds.get(0).get("transactions_sha256").asText())
                    .hasSize(64);
        }
        // A wallet send to the counter is two transactions (the wallet's external, the counter's internal).
        assertThat(json.at("/local_chain/transactions").asInt()).isEqualTo(2 * 2 * sends);
        assertThat(json.at("/sandbox/transactions").asInt()).isEqualTo(2 * 2 * sends);
        assertThat(json.get("config").asText()).isEqualTo("slim");
        assertThat(json.get("tx_per_s_ratio").asDouble()).isPositive().isFinite();
        assertThat(json.get("get_method_latency_ratio").asDouble()).isPositive().isFinite();
        assertThat(json.at("/local_chain/cold_start_ms").asLong()).isPositive();
    }

    @Test
    void anUnknownConfigIsOneClearLineAndNonZeroExit() {
        CliRun run = CliRun.of("bench", "chain", "--config", "testnet");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err().strip()).contains("--config").doesNotContain("\tat ").hasLineCount(1);
    }
}
