package io.cocoon4j.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.cli.CliRun;
import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import io.cocoon4j.enclave.dcap.testing.SyntheticCollateral;
import io.cocoon4j.enclave.dcap.testing.SyntheticQuote;
import io.cocoon4j.enclave.dcap.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cocoon attest verify}, run in-process as a user would run it. */
class AttestVerifyCommandTest {
    private static Path realData() {
        String root = System.getProperty("cocoon.testdata", System.getenv("COCOON_TESTDATA"));
        Path dir = root == null ? null : Path.of(root, "tdx");
        assumeTrue(dir != null && Files.isDirectory(dir), "SKIPPED: real TDX test data not found (cocoon.testdata / COCOON_TESTDATA)");
        return dir;
    }

    @Test
    void syntheticQuoteWithCollateralAndPolicyIsAccepted(@TempDir Path tmp) throws Exception {
        TestPki pki = new TestPki();
        SyntheticQuote q = new SyntheticQuote(pki);
        Path quote = Files.write(tmp.resolve("quote.dat"), q.build());
        Path root = Files.writeString(tmp.resolve("root.pem"), PemCertificates.encode(List.of(pki.root)));
        Path collateral = new SyntheticCollateral(pki).writeTo(tmp.resolve("collateral"));
        Path policy = Files.writeString(tmp.resolve("policy.json"), "{\"accepted_tcb_statuses\":[\"UpToDate\",\"SWHardeningNeeded\"],"
            + "\"mrtd\":[\"" + "a1".repeat(48) + "\"],\"report_data\":\"" + "5d".repeat(64) + "\"}");
        CliRun r = CliRun.of("attest", "verify", quote.toString(), "--trusted-root", root.toString(), "--collateral", collateral.toString(),
            "--policy", policy.toString(), "--at", SyntheticCollateral.AT.toString(), "--json");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("verification").asText()).isEqualTo("full");
        assertThat(j.get("accepted").asBoolean()).isTrue();
        assertThat(j.get("reason").isNull()).isTrue();
        assertThat(j.get("signature_valid").asBoolean()).isTrue();
        assertThat(j.get("tcb_status").asText()).isEqualTo("SWHardeningNeeded");
        assertThat(j.get("mrtd").asText()).isEqualTo("a1".repeat(48));
        assertThat(j.get("rtmr3").asText()).isEqualTo("b3".repeat(48));
        assertThat(j.get("report_data").asText()).isEqualTo("5d".repeat(64));
        assertThat(j.get("image_hash").asText()).hasSize(64);
        assertThat(j.get("checks")).hasSize(io.cocoon4j.enclave.dcap.CheckId.values().length);
        assertThat(j.get("checks").get(0).get("id").asText()).isEqualTo("quote.format");

        // the same quote, trusting the pinned Intel root instead: rejected by the chain check, exit 3
        CliRun intel = CliRun.of("attest", "verify", quote.toString(), "--at", SyntheticCollateral.AT.toString(), "--json");
        assertThat(intel.exit()).isEqualTo(AttestVerifyCommand.REJECTED);
        assertThat(intel.json().get("summary").asText()).startsWith("rejected: pck.chain");
    }

    @Test
    void collateralSignedByAPckKeyIsRejectedByTheSignerPin(@TempDir Path tmp) throws Exception {
        TestPki pki = new TestPki();
        Path quote = Files.write(tmp.resolve("quote.dat"), new SyntheticQuote(pki).build());
        Path root = Files.writeString(tmp.resolve("root.pem"), PemCertificates.encode(List.of(pki.root)));
        SyntheticCollateral forged = new SyntheticCollateral(pki);
        forged.signingKey = pki.pckKey.getPrivate(); // a platform's own key: chains to the root, signs validly
        forged.signingChain = List.of(pki.pck, pki.pckCa, pki.root);
        Path dir = forged.writeTo(tmp.resolve("collateral"));
        CliRun r = CliRun.of("attest", "verify", quote.toString(), "--trusted-root", root.toString(), "--collateral", dir.toString(),
            "--at", SyntheticCollateral.AT.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(AttestVerifyCommand.REJECTED);
        assertThat(r.json().get("reason").asText()).startsWith("collateral.signer");
        assertThat(r.json().get("tcb_status").isNull()).isTrue();
    }

    @Test
    void withoutCollateralNothingIsAcceptedAndTheExitCodeSaysSo(@TempDir Path tmp) throws Exception {
        TestPki pki = new TestPki();
        Path quote = Files.write(tmp.resolve("quote.dat"), new SyntheticQuote(pki).build());
        Path root = Files.writeString(tmp.resolve("root.pem"), PemCertificates.encode(List.of(pki.root)));
        CliRun r = CliRun.of("attest", "verify", quote.toString(), "--trusted-root", root.toString(),
            "--at", SyntheticCollateral.AT.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(AttestVerifyCommand.REJECTED);
        JsonNode j = r.json();
        assertThat(j.get("verification").asText()).isEqualTo("full");
        assertThat(j.get("accepted").asBoolean()).isFalse();
        assertThat(j.get("reason").asText()).startsWith("collateral: no collateral given");
        // signatures and measurements are still reported
        assertThat(j.get("signature_valid").asBoolean()).isTrue();
        assertThat(j.get("tcb_evaluated").asBoolean()).isFalse();
        assertThat(j.get("mrtd").asText()).isEqualTo("a1".repeat(48));

        CliRun s = CliRun.of("attest", "verify", quote.toString(), "--trusted-root", root.toString(),
            "--at", SyntheticCollateral.AT.toString(), "--signatures-only", "--json");
        assertThat(s.exit()).as(s.err()).isEqualTo(AttestVerifyCommand.SIGNATURES_ONLY_PASSED);
        JsonNode sj = s.json();
        assertThat(sj.get("verification").asText()).isEqualTo("signatures-only");
        assertThat(sj.get("accepted").asBoolean()).isFalse();
        assertThat(sj.get("signature_valid").asBoolean()).isTrue();
        assertThat(sj.get("summary").asText()).startsWith("signatures-only check passed, NOT accepted");
        assertThat(sj.get("reason").asText()).contains("TCB status");

        // a signatures-only check of a quote whose signature is broken is a rejection like any other
        byte[] broken = new SyntheticQuote(pki).build();
        broken[200] ^= 1;
        Path bad = Files.write(tmp.resolve("bad.dat"), broken);
        CliRun b = CliRun.of("attest", "verify", bad.toString(), "--trusted-root", root.toString(),
            "--at", SyntheticCollateral.AT.toString(), "--signatures-only", "--json");
        assertThat(b.exit()).isEqualTo(AttestVerifyCommand.REJECTED);
        assertThat(b.json().get("reason").asText()).startsWith("quote.signature");
    }

    @Test
    void realQuoteWithoutCollateralIsNotAcceptedButReportsSignaturesAndMeasurements() throws Exception {
        Path dir = realData();
        CliRun r = CliRun.of("attest", "verify", dir.resolve("tdx_prod_quote_SPR_E4.dat").toString(), "--at", "2023-06-20T00:00:00Z",
            "--json", "--repeat", "3");
        assertThat(r.exit()).as(r.err()).isEqualTo(AttestVerifyCommand.REJECTED);
        JsonNode j = r.json();
        assertThat(j.get("accepted").asBoolean()).isFalse();
        assertThat(j.get("signature_valid").asBoolean()).isTrue();
        assertThat(j.get("tcb_evaluated").asBoolean()).isFalse();
        assertThat(j.get("tcb_status").isNull()).isTrue();
        assertThat(j.get("summary").asText()).contains("no collateral given");
        assertThat(j.get("mrtd").asText()).startsWith("6363b8043668a3ad");
        assertThat(j.get("td_attributes").toString()).isEqualTo("[\"PKS\"]");
        assertThat(j.get("warm_timing").get("verifications").asInt()).isEqualTo(2);

        CliRun s = CliRun.of("attest", "verify", dir.resolve("tdx_prod_quote_SPR_E4.dat").toString(), "--at", "2023-06-20T00:00:00Z",
            "--signatures-only", "--json");
        assertThat(s.exit()).as(s.err()).isEqualTo(AttestVerifyCommand.SIGNATURES_ONLY_PASSED);
        assertThat(s.json().get("verification").asText()).isEqualTo("signatures-only");
    }

    @Test
    void realQuoteWithCollateralReportsTheWalkAndAPolicyFailure(@TempDir Path tmp) throws Exception {
        Path dir = realData();
        CliRun r = CliRun.of("attest", "verify", dir.resolve("tdx_prod_quote_SPR_E4.dat").toString(), "--collateral", dir.toString(),
            "--at", "2023-06-20T00:00:00Z", "--json");
        assertThat(r.exit()).isEqualTo(AttestVerifyCommand.REJECTED);
        assertThat(r.json().get("summary").asText()).contains("TCB not supported");

        Path policy = Files.writeString(tmp.resolve("p.json"), "{\"mrtd\":[\"" + "00".repeat(48) + "\"]}");
        CliRun p = CliRun.of("attest", "verify", dir.resolve("tdx_prod_quote_SPR_E4.dat").toString(), "--policy", policy.toString(),
            "--at", "2023-06-20T00:00:00Z");
        assertThat(p.exit()).isEqualTo(AttestVerifyCommand.REJECTED);
        assertThat(p.out()).contains("FAIL    policy.mrtd");
    }

    @Test
    void unreachableCollateralServiceIsAFailedCheckNotACrash(@TempDir Path tmp) throws Exception {
        TestPki pki = new TestPki();
        Path quote = Files.write(tmp.resolve("quote.dat"), new SyntheticQuote(pki).build());
        Path root = Files.writeString(tmp.resolve("root.pem"), PemCertificates.encode(List.of(pki.root)));
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        CliRun r = CliRun.of("attest", "verify", quote.toString(), "--trusted-root", root.toString(), "--pccs",
            "http://127.0.0.1:" + deadPort + "/", "--cache", tmp.resolve("cache").toString(),
            "--at", SyntheticCollateral.AT.toString(), "--json");
        assertThat(r.exit()).isEqualTo(AttestVerifyCommand.REJECTED);
        assertThat(r.json().get("summary").asText()).contains("collateral").contains("cannot reach");
        assertThat(r.json().get("signature_valid").asBoolean()).isTrue();
    }

    @Test
    void garbageIsARejectionNamingTheFormat(@TempDir Path tmp) throws Exception {
        Path junk = Files.write(tmp.resolve("junk.dat"), new byte[] {4, 0, 2, 0, 0x7f, 0, 0, 0, 1, 2, 3});
        CliRun r = CliRun.of("attest", "verify", junk.toString(), "--json");
        assertThat(r.exit()).isEqualTo(AttestVerifyCommand.REJECTED);
        assertThat(r.json().get("summary").asText()).contains("quote.format").contains("TEE type 0x7f");
    }

    @Test
    void badArgumentsAreOneLineErrors(@TempDir Path tmp) throws Exception {
        Path quote = Files.write(tmp.resolve("q.dat"), new byte[] {1});
        Path badPolicy = Files.writeString(tmp.resolve("p.json"), "{\"mrdt\":[]}");
        for (String[] args : List.of(
            new String[] {"attest", "verify", tmp.resolve("missing.dat").toString()},
            new String[] {"attest", "verify", quote.toString(), "--at", "yesterday"},
            new String[] {"attest", "verify", quote.toString(), "--policy", badPolicy.toString()},
            new String[] {"attest", "verify", quote.toString(), "--collateral", tmp.toString(), "--pccs", "http://127.0.0.1:9/"},
            new String[] {"attest", "verify", quote.toString(), "--collateral", tmp.toString(), "--signatures-only"})) {
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
    }
}
