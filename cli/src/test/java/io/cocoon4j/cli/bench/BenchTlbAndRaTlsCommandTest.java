package io.cocoon4j.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code cocoon bench tlb} and {@code cocoon bench ratls}, small runs as a user would start them. */
class BenchTlbAndRaTlsCommandTest {

    @Test
    void tlbBenchChecksBothSidesProduceTheSameValuesAndReportsEveryWorkload() throws Exception {
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("bench", "tlb", "--operations", "200", "--json");
        double wallNs = System.nanoTime() - t0;
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("same_results").asBoolean()).isTrue();
        assertThat(json.get("order").asText()).contains("alternating");
        double lowerBoundNs = 0;
        for (String workload : new String[] {"decode_storage", "encode_storage", "decode_increment", "encode_increment"}) {
            JsonNode w = json.get(workload);
            // Half the rounds of each side took at least its median: a floor on the time spent, from the report.
            lowerBoundNs += (w.get("generated_ns_per_op").asDouble() + w.get("hand_written_ns_per_op").asDouble()) * 200 / 2;
            assertThat(w).as(workload).isNotNull();
            assertThat(w.get("same_result").asBoolean()).as(workload).isTrue();
            assertThat(w.get("generated_ns_per_op").asLong()).as(workload).isPositive();
            assertThat(w.get("hand_written_ns_per_op").asLong()).as(workload).isPositive();
            assertThat(w.get("ratio").asDouble()).as(workload).isPositive();
        }
        // The reported figures fit inside the wall-clock time of the call (a unit slip would not).
        assertThat(lowerBoundNs).isLessThan(wallNs);
    }

    @Test
    void ratlsBenchCompletesRealHandshakesOnBothSides() throws Exception {
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("bench", "ratls", "--iterations", "4", "--json");
        double wallMs = (System.nanoTime() - t0) / 1e6;
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("iterations").asInt()).isEqualTo(4);
        assertThat(json.get("order").asText()).contains("alternating");
        assertThat(json.get("plain_tls13_handshake_ms").asDouble()).isPositive();
        assertThat(json.get("ratls_handshake_ms").asDouble()).isPositive();
        assertThat(json.get("ratls_vs_plain_handshake_ratio").asDouble()).isPositive();
        assertThat(json.get("ratls_certificate_issue_us").asDouble()).isPositive();
        assertThat(json.get("simulated_evidence_verify_us").asDouble()).isPositive();
        assertThat(json.has("tdx_quote_verify_cold_us")).isFalse();
        // Four measured handshakes per side happened inside this call: their means cannot add up to more.
        assertThat(4 * (json.get("plain_tls13_handshake_ms").asDouble() + json.get("ratls_handshake_ms").asDouble()))
            .isLessThan(wallMs);
    }

    @Test
    void ratlsBenchTimesARealQuoteColdAndWarm() throws Exception {
        String root = System.getProperty("cocoon.testdata", System.getenv("COCOON_TESTDATA"));
        Path dir = root == null ? null : Path.of(root, "tdx");
        assumeTrue(dir != null && Files.isDirectory(dir), "SKIPPED: real TDX test data not found (cocoon.testdata / COCOON_TESTDATA)");
        CliRun run = CliRun.of("bench", "ratls", "--iterations", "3", "--json",
            "--tdx-quote", dir.resolve("tdx_prod_quote_SPR_E4.dat").toString(), "--collateral", dir.toString(),
            "--at", "2023-06-20T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("tdx_quote_checks").asText()).contains("collateral");
        // Intel's TCB walk on this quote's own collateral (see the README): every check ran, down to the TCB status.
        assertThat(json.get("tdx_quote_verdict").asText()).containsIgnoringCase("TCB");
        for (String field : new String[] {"tdx_quote_verify_cold_us", "tdx_quote_verify_warm_us", "ecdsa_p256_verify_us",
            "tdx_quote_verify_cold_vs_warm_ratio", "tdx_quote_verify_cold_vs_ecdsa_ratio"}) {
            assertThat(json.get(field).asDouble()).as(field).isPositive();
        }
        // A warm verification still checks the quote's own signature (and the QE report's): more than one ECDSA.
        assertThat(json.get("tdx_quote_verify_warm_vs_ecdsa_ratio").asDouble()).isGreaterThan(1.0);
    }

    @Test
    void ratlsCollateralWithoutAQuoteIsOneClearLine() {
        CliRun run = CliRun.of("bench", "ratls", "--collateral", ".", "--iterations", "1");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err().strip()).contains("--collateral needs --tdx-quote").hasLineCount(1);
    }
}
