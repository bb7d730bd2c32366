package io.cocoon4j.enclave.dcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.enclave.dcap.collateral.Collateral;
import io.cocoon4j.enclave.dcap.collateral.CollateralDirectory;
import io.cocoon4j.enclave.dcap.collateral.CollateralSource;
import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import io.cocoon4j.enclave.dcap.testing.SyntheticCollateral;
import io.cocoon4j.enclave.dcap.testing.SyntheticQuote;
import io.cocoon4j.enclave.dcap.testing.TestPki;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole pipeline on quotes and collateral this project signs itself with a test PKI. */
class SyntheticQuoteTest {
    private static final QuotePolicy ANY_STATUS = QuotePolicy.defaults().withAcceptedTcbStatuses(EnumSet.allOf(TcbStatus.class));

    private static CollateralSource source(Collateral c) {
        return (platform, at) -> c;
    }

    private static Verdict verify(TestPki pki, SyntheticQuote q, SyntheticCollateral c, QuotePolicy policy) throws Exception {
        return new QuoteVerifier(pki.root).verify(q.build(), source(c.collateral()), SyntheticCollateral.AT, policy);
    }

    @ParameterizedTest(name = "quote v{0}, TD report 1.{1}")
    @CsvSource({"4,0", "5,0", "5,5"})
    void acceptsAWellFormedQuoteWithCollateral(int version, int minor) throws Exception {
        TestPki pki = new TestPki();
        SyntheticQuote q = new SyntheticQuote(pki);
        q.version = version;
        q.tdx15 = minor == 5;
        q.padding = 100;
        Verdict v = verify(pki, q, new SyntheticCollateral(pki), QuotePolicy.defaults());
        assertThat(v.accepted()).as(v.summary()).isTrue();
        assertThat(v.signatureValid()).isTrue();
        assertThat(v.tcbStatus()).contains(TcbStatus.SWHardeningNeeded);
        assertThat(v.advisoryIds()).containsExactly("INTEL-SA-00615");
        assertThat(v.quote().orElseThrow().report().teeTcbSvn2() != null).isEqualTo(minor == 5);
        assertThat(v.checks()).extracting(Check::id).containsExactly(CheckId.values());
    }

    @Test
    void withoutCollateralNothingIsAcceptedButSignaturesAndMeasurementsAreReported() {
        TestPki pki = new TestPki();
        byte[] quote = new SyntheticQuote(pki).build();
        Verdict v = new QuoteVerifier(pki.root).verify(quote, null, SyntheticCollateral.AT, QuotePolicy.defaults());
        assertThat(v.accepted()).isFalse();
        assertThat(v.scope()).isEqualTo(VerificationScope.FULL);
        assertThat(v.signatureValid()).isTrue();
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.COLLATERAL);
        assertThat(v.summary()).startsWith("rejected: collateral: no collateral given");
        assertThat(v.check(CheckId.TCB_STATUS).orElseThrow().outcome()).isEqualTo(Check.Outcome.SKIPPED);
        assertThat(v.quote().orElseThrow().report().mrTd()).isEqualTo(SyntheticQuote.filled(48, 0xa1));

        Verdict s = new QuoteVerifier(pki.root).verifySignaturesOnly(quote, SyntheticCollateral.AT);
        assertThat(s.scope()).isEqualTo(VerificationScope.SIGNATURES_ONLY);
        assertThat(s.accepted()).isFalse();
        assertThat(s.noCheckFailed()).isTrue();
        assertThat(s.signatureValid()).isTrue();
        assertThat(s.check(CheckId.COLLATERAL).orElseThrow().outcome()).isEqualTo(Check.Outcome.SKIPPED);
        assertThat(s.summary()).startsWith("signatures-only check passed, NOT accepted");
        assertThat(s.rejection()).hasValueSatisfying(r -> assertThat(r).contains("TCB status"));
    }

    @ParameterizedTest(name = "SGX SVNs {0}, PCE SVN {1}, TEE_TCB_SVN {2}.{3}.{4}, QE ISVSVN {5} -> {6}")
    @CsvSource({
        "4, 11, 3, 0, 6, 4, UpToDate",
        "3, 10, 3, 0, 5, 4, SWHardeningNeeded",
        "3, 10, 3, 0, 4, 4, ConfigurationNeeded",
        "2, 10, 3, 0, 6, 4, OutOfDate",
        "3, 10, 3, 0, 4, 3, OutOfDateConfigurationNeeded",
        "4, 11, 3, 0, 6, 3, OutOfDate",
        "1, 5, 0, 0, 0, 4, Revoked",
        "4, 11, 6, 1, 6, 4, UpToDate",
        "4, 11, 3, 1, 6, 4, OutOfDate",
    })
    void tcbLevelWalkGivesTheExpectedStatus(int sgx, int pce, int svn0, int svn1, int svn2, int qeSvn, TcbStatus expected)
            throws Exception {
        int[] comps = new int[16];
        java.util.Arrays.fill(comps, sgx);
        TestPki pki = new TestPki(comps, pce);
        SyntheticQuote q = new SyntheticQuote(pki);
        q.teeTcbSvn = SyntheticQuote.svn(svn0, svn1, svn2);
        q.qeIsvSvn = qeSvn;
        Verdict v = verify(pki, q, new SyntheticCollateral(pki), ANY_STATUS);
        assertThat(v.tcbStatus()).as(v.summary()).contains(expected);
        assertThat(v.check(CheckId.TCB_STATUS).orElseThrow().failed()).isEqualTo(expected == TcbStatus.Revoked);
    }

    @Test
    void platformBelowEveryLevelIsNotSupported() throws Exception {
        TestPki pki = new TestPki(new int[16], 0);
        Verdict v = verify(pki, new SyntheticQuote(pki), new SyntheticCollateral(pki), ANY_STATUS);
        assertThat(v.check(CheckId.TCB_STATUS).orElseThrow().reason()).contains("TCB not supported");
        assertThat(v.accepted()).isFalse();
    }

    @Test
    void unknownTdxModuleMajorVersionIsNotSupported() throws Exception {
        TestPki pki = new TestPki();
        SyntheticQuote q = new SyntheticQuote(pki);
        q.teeTcbSvn = SyntheticQuote.svn(6, 2, 5);
        Verdict v = verify(pki, q, new SyntheticCollateral(pki), ANY_STATUS);
        assertThat(v.check(CheckId.TCB_STATUS).orElseThrow().reason()).contains("TDX_02");
    }

    @Test
    void policyRejectsStatusesItDoesNotAccept() throws Exception {
        TestPki pki = new TestPki();
        Verdict v = verify(pki, new SyntheticQuote(pki), new SyntheticCollateral(pki),
            QuotePolicy.defaults().withAcceptedTcbStatuses(Set.of(TcbStatus.UpToDate)));
        assertThat(v.accepted()).isFalse();
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.POLICY_TCB_STATUS);
    }

    /** Verifies a default quote against default collateral changed by {@code edit}. */
    private static Verdict withCollateral(java.util.function.BiConsumer<TestPki, SyntheticCollateral> edit) throws Exception {
        TestPki pki = new TestPki();
        SyntheticCollateral c = new SyntheticCollateral(pki);
        edit.accept(pki, c);
        return verify(pki, new SyntheticQuote(pki), c, QuotePolicy.defaults());
    }

    @Test
    void revokedPckCertificateFailsThePckCrlCheck() throws Exception {
        Verdict v = withCollateral((pki, c) -> c.pckCrl = pki.pckCrl(pki.pck));
        assertThat(v.check(CheckId.PCK_CRL).orElseThrow().reason()).contains("revoked");
        assertThat(v.accepted()).isFalse();
    }

    @Test
    void revokedPckCaFailsTheRootCrlCheck() throws Exception {
        Verdict v = withCollateral((pki, c) -> c.rootCrl = pki.rootCrl(pki.pckCa));
        assertThat(v.check(CheckId.ROOT_CRL).orElseThrow().failed()).isTrue();
    }

    @Test
    void pckCrlSignedByAnotherCaFailsThePckCrlCheck() throws Exception {
        Verdict v = withCollateral((pki, c) -> c.pckCrl = TestPki.crl(pki.pckCa, TestPki.keyPair().getPrivate(),
            TestPki.CRL_THIS_UPDATE, TestPki.CRL_NEXT_UPDATE));
        assertThat(v.check(CheckId.PCK_CRL).orElseThrow().reason()).contains("signature does not verify");
    }

    @Test
    void collateralForAnotherPlatformFailsTheFmspcCheck() throws Exception {
        Verdict v = withCollateral((pki, c) -> c.tcbInfoBody = SyntheticCollateral.tcbInfo("112233445566"));
        assertThat(v.check(CheckId.TCB_INFO_FMSPC).orElseThrow().failed()).isTrue();
        assertThat(v.check(CheckId.TCB_INFO_SIGNATURE).orElseThrow().passed()).isTrue();
    }

    @Test
    void policyChecksMeasurementsDebugAndReportData() throws Exception {
        TestPki pki = new TestPki();
        SyntheticQuote q = new SyntheticQuote(pki);
        byte[] quote = q.build();
        var report = io.cocoon4j.enclave.dcap.quote.Quote.parse(quote).report();
        HexFormat hex = HexFormat.of();
        QuotePolicy pinned = QuotePolicy.defaults()
            .withMrTd(Set.of(hex.formatHex(q.mrTd)))
            .withRtmr(0, Set.of(hex.formatHex(q.rtmrs[0])))
            .withMrConfigId(Set.of(hex.formatHex(q.mrConfigId)))
            .withImageHash(Set.of(hex.formatHex(report.imageHash())))
            .withReportData(q.reportData);
        QuoteVerifier verifier = new QuoteVerifier(pki.root);
        CollateralSource collateral = source(new SyntheticCollateral(pki).collateral());
        Verdict ok = verifier.verify(quote, collateral, SyntheticCollateral.AT, pinned);
        assertThat(ok.accepted()).as(ok.summary()).isTrue();
        assertThat(ok.check(CheckId.POLICY_IMAGE_HASH).orElseThrow().passed()).isTrue();

        String other48 = "ab".repeat(48);
        assertThat(verifier.verify(quote, collateral, SyntheticCollateral.AT, pinned.withMrTd(Set.of(other48))).failures())
            .extracting(Check::id).containsExactly(CheckId.POLICY_MRTD);
        assertThat(verifier.verify(quote, collateral, SyntheticCollateral.AT, pinned.withRtmr(3, Set.of(other48))).failures())
            .extracting(Check::id).containsExactly(CheckId.POLICY_RTMR);
        assertThat(verifier.verify(quote, collateral, SyntheticCollateral.AT, pinned.withMrConfigId(Set.of(other48))).failures())
            .extracting(Check::id).containsExactly(CheckId.POLICY_MRCONFIGID);
        assertThat(verifier.verify(quote, collateral, SyntheticCollateral.AT, pinned.withImageHash(Set.of("cd".repeat(32)))).failures())
            .extracting(Check::id).containsExactly(CheckId.POLICY_IMAGE_HASH);
        assertThat(verifier.verify(quote, collateral, SyntheticCollateral.AT, pinned.withReportData(new byte[64])).failures())
            .extracting(Check::id).containsExactly(CheckId.POLICY_REPORT_DATA);

        q.tdAttributes = new byte[] {1, 0, 0, 0, 0, 0, 0, 0};
        byte[] debugQuote = q.build();
        assertThat(verifier.verify(debugQuote, collateral, SyntheticCollateral.AT, QuotePolicy.defaults()).failures())
            .extracting(Check::id).containsExactly(CheckId.POLICY_DEBUG);
        assertThat(verifier.verify(debugQuote, collateral, SyntheticCollateral.AT, QuotePolicy.defaults().withAllowDebug(true)).accepted())
            .isTrue();
    }

    @Test
    void aQuoteFromAnotherRootIsRejectedEvenThoughItCarriesItsRoot() {
        TestPki trusted = new TestPki();
        TestPki attacker = new TestPki();
        Verdict v = new QuoteVerifier(trusted.root).verifySignaturesOnly(new SyntheticQuote(attacker).build(), SyntheticCollateral.AT);
        assertThat(v.check(CheckId.PCK_CHAIN).orElseThrow().reason()).contains("not the trusted one");
        assertThat(v.signatureValid()).isFalse();
        assertThat(QuoteVerifier.intel().verifySignaturesOnly(new SyntheticQuote(trusted).build(), SyntheticCollateral.AT).signatureValid())
            .isFalse();
    }

    @Test
    void collateralDirectoryRoundTrip(@TempDir Path dir) throws Exception {
        TestPki pki = new TestPki();
        new SyntheticCollateral(pki).writeTo(dir);
        Verdict v = new QuoteVerifier(pki.root).verify(new SyntheticQuote(pki).build(), new CollateralDirectory(dir),
            SyntheticCollateral.AT, QuotePolicy.defaults());
        assertThat(v.accepted()).as(v.summary()).isTrue();
        assertThat(new QuoteVerifier(pki.root).verify(new SyntheticQuote(pki).build(),
            new CollateralDirectory(dir.resolve("missing")), SyntheticCollateral.AT, QuotePolicy.defaults())
            .check(CheckId.COLLATERAL).orElseThrow().reason()).contains("does not exist");
    }

    @Test
    void quotePolicyJsonRoundTripsAndRejectsTypos() {
        QuotePolicy p = QuotePolicy.fromJson(("{\"accepted_tcb_statuses\":[\"UpToDate\"],\"allow_debug\":true,"
            + "\"mrtd\":[\"" + "AA".repeat(48) + "\"],\"rtmr2\":[\"" + "bb".repeat(48) + "\"],\"report_data\":\""
            + "00".repeat(64) + "\"}").getBytes());
        assertThat(p.acceptedTcbStatuses()).containsExactly(TcbStatus.UpToDate);
        assertThat(p.allowDebug()).isTrue();
        assertThat(p.mrTd()).containsExactly("aa".repeat(48));
        assertThat(p.rtmrs().get(2)).containsExactly("bb".repeat(48));
        assertThat(p.reportData()).isEqualTo("00".repeat(64));
        for (String bad : List.of("{\"mrdt\":[]}", "{\"mrtd\":[\"abc\"]}", "[1]", "{", "{\"accepted_tcb_statuses\":[\"Fine\"]}",
            "{\"allow_debug\":\"yes\"}", "{\"mrtd\":[],\"mrtd\":[]}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuotePolicy.fromJson(bad.getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
