package io.cocoon4j.enclave.dcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.enclave.dcap.collateral.CollateralSource;
import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import io.cocoon4j.enclave.dcap.quote.TdAttribute;
import io.cocoon4j.enclave.dcap.testing.SyntheticCollateral;
import io.cocoon4j.enclave.dcap.testing.SyntheticQuote;
import io.cocoon4j.enclave.dcap.testing.TestPki;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Intel's DCAP rules beyond the signatures: who may sign collateral, the QE vendor, TDX module
 * identities, TEE_TCB_SVN2, MRSERVICETD, collateral recency and TD attributes. Every case starts
 * from a quote and collateral the verifier accepts and changes one thing.
 */
class IntelRulesTest {
    private static final QuotePolicy ANY_STATUS = QuotePolicy.defaults().withAcceptedTcbStatuses(EnumSet.allOf(TcbStatus.class));

    private static Verdict verify(TestPki pki, SyntheticQuote q, SyntheticCollateral c, QuotePolicy policy) throws Exception {
        var parsed = c.collateral();
        CollateralSource source = (platform, at) -> parsed;
        return new QuoteVerifier(pki.root).verify(q.build(), source, SyntheticCollateral.AT, policy);
    }

    // --- 1. the collateral signer is pinned by subject and role ---

    @Test
    void collateralValidlySignedByAPckKeyIsRejectedByTheSignerPin() throws Exception {
        TestPki pki = new TestPki();
        SyntheticCollateral c = new SyntheticCollateral(pki);
        // Anyone with a platform: its PCK key chains to the root, and signs "UpToDate" collateral.
        c.signingKey = pki.pckKey.getPrivate();
        c.signingChain = List.of(pki.pck, pki.pckCa, pki.root);
        Verdict v = verify(pki, new SyntheticQuote(pki), c, QuotePolicy.defaults());
        // The signatures and the chain are genuine, so the rejection is for the right reason:
        assertThat(v.check(CheckId.TCB_INFO_SIGNATURE).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.QE_IDENTITY_SIGNATURE).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.COLLATERAL_CHAIN).orElseThrow().passed()).as(v.summary()).isTrue();
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.COLLATERAL_SIGNER, CheckId.TCB_STATUS);
        assertThat(v.check(CheckId.COLLATERAL_SIGNER).orElseThrow().reason()).contains("not the TCB Signing certificate");
        assertThat(v.tcbStatus()).isEmpty();
        assertThat(v.accepted()).isFalse();
    }

    /** Certificates with the TCB Signing subject but another role, each validly issued and validly signing. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pck-extension", "issued-by-pck-ca", "ca"})
    void theTcbSigningNameInAnotherRoleIsRejected(String role) throws Exception {
        TestPki pki = new TestPki();
        KeyPair key = TestPki.keyPair();
        X509Certificate signer;
        List<X509Certificate> chain;
        String reason;
        switch (role) {
            case "pck-extension" -> {
                signer = pki.cert(TestPki.TCB_SIGNING_SUBJECT, "CN=Test SGX Root CA", key.getPublic(),
                    pki.rootKey.getPrivate(), false, TestPki.sgxExtension());
                chain = List.of(signer, pki.root);
                reason = "SGX PCK extension";
            }
            case "issued-by-pck-ca" -> {
                signer = pki.cert(TestPki.TCB_SIGNING_SUBJECT, "CN=Test SGX PCK Platform CA", key.getPublic(),
                    pki.pckCaKey.getPrivate(), false, null);
                chain = List.of(signer, pki.pckCa, pki.root);
                reason = "not directly by the trusted root";
            }
            default -> {
                signer = pki.cert(TestPki.TCB_SIGNING_SUBJECT, "CN=Test SGX Root CA", key.getPublic(),
                    pki.rootKey.getPrivate(), true, null);
                chain = List.of(signer, pki.root);
                reason = "CA certificate";
            }
        }
        SyntheticCollateral c = new SyntheticCollateral(pki);
        c.signingKey = key.getPrivate();
        c.signingChain = chain;
        Verdict v = verify(pki, new SyntheticQuote(pki), c, QuotePolicy.defaults());
        assertThat(v.check(CheckId.TCB_INFO_SIGNATURE).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.COLLATERAL_CHAIN).orElseThrow().passed()).as(v.summary()).isTrue();
        assertThat(v.check(CheckId.COLLATERAL_SIGNER).orElseThrow().reason()).contains(reason);
        assertThat(v.accepted()).isFalse();
    }

    // --- 3. rules parsed but once not enforced ---

    @Test
    void aQuoteFromAnotherVendorsQuotingEnclaveIsRejected() throws Exception {
        TestPki pki = new TestPki();
        SyntheticQuote q = new SyntheticQuote(pki);
        q.qeVendorId = SyntheticQuote.filled(16, 0x77);
        Verdict v = verify(pki, q, new SyntheticCollateral(pki), QuotePolicy.defaults());
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.QE_VENDOR_ID);
        assertThat(v.check(CheckId.QE_VENDOR_ID).orElseThrow().reason()).contains("not Intel's");
    }

    @Test
    void aLeafThatIsNotNamedAPckCertificateIsNotAPckCertificate() throws Exception {
        TestPki pki = new TestPki();
        // the PCK key and SGX extension, validly issued by the PCK CA, under another common name
        X509Certificate renamed = pki.cert("CN=Test SGX Platform Key", "CN=Test SGX PCK Platform CA", pki.pck.getPublicKey(),
            pki.pckCaKey.getPrivate(), false, TestPki.sgxExtension());
        SyntheticQuote q = new SyntheticQuote(pki);
        q.chain = List.of(renamed, pki.pckCa, pki.root);
        Verdict v = verify(pki, q, new SyntheticCollateral(pki), QuotePolicy.defaults());
        assertThat(v.check(CheckId.PCK_CHAIN).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.QE_REPORT_SIGNATURE).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.PCK_EXTENSION).orElseThrow().reason()).contains("not a PCK certificate");
        assertThat(v.accepted()).isFalse();
    }

    @Test
    void aVersionedTdxModuleIsNotSupportedByTcbInfoWithoutModuleIdentities() throws Exception {
        TestPki pki = new TestPki();
        SyntheticCollateral c = new SyntheticCollateral(pki);
        c.tcbInfoBody = SyntheticCollateral.tcbInfo(TestPki.FMSPC, false);
        SyntheticQuote q = new SyntheticQuote(pki);
        q.teeTcbSvn = SyntheticQuote.svn(1, 1, 5); // module 1.1: its SVN bytes would go unjudged
        Verdict v = verify(pki, q, c, ANY_STATUS);
        assertThat(v.check(CheckId.TCB_STATUS).orElseThrow().reason()).contains("no TDX module identities");
        assertThat(v.tcbStatus()).isEmpty();
        // without a module version every TEE_TCB_SVN byte is compared with the levels, as before
        q.teeTcbSvn = SyntheticQuote.svn(3, 0, 5);
        assertThat(verify(pki, q, c, ANY_STATUS).tcbStatus()).contains(TcbStatus.SWHardeningNeeded);
    }

    @Test
    void nonZeroSeamAttributesAreATdxModuleMismatchEvenWhereTheMaskIgnoresThem() throws Exception {
        TestPki pki = new TestPki();
        SyntheticCollateral c = new SyntheticCollateral(pki);
        c.tcbInfoBody = c.tcbInfoBody.replace("\"attributesMask\":\"FFFFFFFFFFFFFFFF\"", "\"attributesMask\":\"0000000000000000\"");
        SyntheticQuote q = new SyntheticQuote(pki);
        assertThat(verify(pki, q, c, QuotePolicy.defaults()).accepted()).isTrue();
        q.seamAttributes = new byte[] {1, 0, 0, 0, 0, 0, 0, 0};
        Verdict v = verify(pki, q, c, ANY_STATUS);
        assertThat(v.check(CheckId.TCB_STATUS).orElseThrow().reason()).contains("SEAMATTRIBUTES").contains("not zero");
        assertThat(v.accepted()).isFalse();
    }

    /** A TD 1.5 launched on TDX module 1.3 (out of date) on a platform that now runs module 1.6 (current). */
    @Test
    void teeTcbSvn2OfAnUpdatedModuleAdvisesARelaunch() throws Exception {
        int[] comps = new int[16];
        java.util.Arrays.fill(comps, 4);
        TestPki pki = new TestPki(comps, 11);
        SyntheticQuote q = new SyntheticQuote(pki);
        q.version = 5;
        q.tdx15 = true;
        q.teeTcbSvn = SyntheticQuote.svn(3, 1, 6);
        q.teeTcbSvn2 = SyntheticQuote.svn(6, 1, 6);
        Verdict v = verify(pki, q, new SyntheticCollateral(pki), QuotePolicy.defaults());
        assertThat(v.tcbStatus()).as(v.summary()).contains(TcbStatus.TDRelaunchAdvised);
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.POLICY_TCB_STATUS);

        q.teeTcbSvn2 = SyntheticQuote.svn(3, 1, 6); // the platform still runs the old module
        assertThat(verify(pki, q, new SyntheticCollateral(pki), ANY_STATUS).tcbStatus()).contains(TcbStatus.OutOfDate);

        q.teeTcbSvn2 = SyntheticQuote.svn(6, 2, 6); // a module version the TCB info does not know
        assertThat(verify(pki, q, new SyntheticCollateral(pki), ANY_STATUS).check(CheckId.TCB_STATUS).orElseThrow()
            .reason()).contains("TDX_02");
    }

    @Test
    void aTdBoundToAServiceTdNeedsThatServiceTdOnTheAllowList() throws Exception {
        TestPki pki = new TestPki();
        SyntheticQuote q = new SyntheticQuote(pki);
        q.version = 5;
        q.tdx15 = true;
        q.mrServiceTd = SyntheticQuote.filled(48, 0x5f);
        Verdict v = verify(pki, q, new SyntheticCollateral(pki), QuotePolicy.defaults());
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.POLICY_MRSERVICETD);
        assertThat(verify(pki, q, new SyntheticCollateral(pki), QuotePolicy.defaults().withMrServiceTd(Set.of("5f".repeat(48))))
            .accepted()).isTrue();
    }

    @Test
    void collateralOlderThanThePolicysEvaluationDataNumberIsRejected() throws Exception {
        TestPki pki = new TestPki();
        SyntheticCollateral c = new SyntheticCollateral(pki); // both documents say 17
        Verdict old = verify(pki, new SyntheticQuote(pki), c, QuotePolicy.defaults().withMinTcbEvaluationDataNumber(18));
        assertThat(old.failures()).extracting(Check::id).containsExactly(CheckId.POLICY_TCB_EVALUATION);
        assertThat(old.check(CheckId.POLICY_TCB_EVALUATION).orElseThrow().reason()).contains("17").contains("18");
        assertThat(verify(pki, new SyntheticQuote(pki), c, QuotePolicy.defaults().withMinTcbEvaluationDataNumber(17))
            .accepted()).isTrue();
        // the lower of the two documents counts: a newer TCB info does not make up for an older QE identity
        c.tcbInfoBody = c.tcbInfoBody.replace("\"tcbEvaluationDataNumber\":17", "\"tcbEvaluationDataNumber\":19");
        assertThat(verify(pki, new SyntheticQuote(pki), c, QuotePolicy.defaults().withMinTcbEvaluationDataNumber(18))
            .failures()).extracting(Check::id).containsExactly(CheckId.POLICY_TCB_EVALUATION);
    }

    @Test
    void tdAttributesBeyondDebugFollowThePolicy() throws Exception {
        TestPki pki = new TestPki();
        SyntheticCollateral c = new SyntheticCollateral(pki);
        SyntheticQuote q = new SyntheticQuote(pki);
        q.tdAttributes = new byte[] {0, 0, 0, 0x10, 0, 0, 0, (byte) 0x80}; // SEPT_VE_DISABLE, PERFMON
        assertThat(verify(pki, q, c, QuotePolicy.defaults()).accepted()).isTrue();
        QuotePolicy noPerfmon = QuotePolicy.defaults().withTdAttributes(Set.of(TdAttribute.SEPT_VE_DISABLE), Set.of());
        Verdict v = verify(pki, q, c, noPerfmon);
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.POLICY_TD_ATTRIBUTES);
        assertThat(v.check(CheckId.POLICY_TD_ATTRIBUTES).orElseThrow().reason()).contains("PERFMON");

        q.tdAttributes = new byte[] {0, 0, 0, 0x20, 0, 0, 0, 0}; // MIGRATABLE: not allowed by default
        assertThat(verify(pki, q, c, QuotePolicy.defaults()).failures()).extracting(Check::id)
            .containsExactly(CheckId.POLICY_TD_ATTRIBUTES);
        q.tdAttributes = new byte[] {2, 0, 0, 0, 0, 0, 0, 0}; // a reserved bit: unknown, never accepted
        assertThat(verify(pki, q, c, QuotePolicy.defaults()).check(CheckId.POLICY_TD_ATTRIBUTES).orElseThrow().reason())
            .contains("unknown bits").contains("0x0000000000000002");
        q.tdAttributes = new byte[8]; // SEPT_VE_DISABLE required but not set
        QuotePolicy septVe = QuotePolicy.defaults().withTdAttributes(QuotePolicy.DEFAULT_ALLOWED_TD_ATTRIBUTES,
            Set.of(TdAttribute.SEPT_VE_DISABLE));
        assertThat(verify(pki, q, c, septVe).check(CheckId.POLICY_TD_ATTRIBUTES).orElseThrow().reason())
            .contains("required");
    }

    @Test
    void theNewPolicyFieldsReadFromJsonAndRejectNonsense() {
        QuotePolicy p = QuotePolicy.fromJson(("{\"min_tcb_evaluation_data_number\":17,"
            + "\"td_attributes_allowed\":[\"SEPT_VE_DISABLE\",\"PKS\"],\"td_attributes_required\":[\"SEPT_VE_DISABLE\"],"
            + "\"mrservicetd\":[\"" + "AB".repeat(48) + "\"]}").getBytes());
        assertThat(p.minTcbEvaluationDataNumber()).isEqualTo(17);
        assertThat(p.allowedTdAttributes()).containsExactlyInAnyOrder(TdAttribute.SEPT_VE_DISABLE, TdAttribute.PKS);
        assertThat(p.requiredTdAttributes()).containsExactly(TdAttribute.SEPT_VE_DISABLE);
        assertThat(p.mrServiceTd()).containsExactly("ab".repeat(48));
        for (String bad : List.of("{\"min_tcb_evaluation_data_number\":-1}", "{\"min_tcb_evaluation_data_number\":\"17\"}",
            "{\"td_attributes_allowed\":[\"DEBUG\"]}", "{\"td_attributes_allowed\":[\"TURBO\"]}",
            "{\"td_attributes_allowed\":[\"PKS\"],\"td_attributes_required\":[\"KL\"]}", "{\"mrservicetd\":[\"00\"]}")) {
            assertThatThrownBy(() -> QuotePolicy.fromJson(bad.getBytes())).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
