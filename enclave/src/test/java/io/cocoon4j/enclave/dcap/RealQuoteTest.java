package io.cocoon4j.enclave.dcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.enclave.dcap.collateral.CollateralDirectory;
import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Real quotes from real TDX machines, checked against Intel's real root and collateral. */
class RealQuoteTest {
    private final QuoteVerifier verifier = QuoteVerifier.intel();

    @Test
    void v4QuoteSignaturesAndChainHold() {
        Verdict v = verifier.verifySignaturesOnly(RealTestData.read("tdx_prod_quote_SPR_E4.dat"), RealTestData.JUNE_2023);
        assertThat(v.signatureValid()).as(v.summary()).isTrue();
        // every check that ran (signatures, Intel's QE vendor id, TD attributes under the default policy) holds,
        // and still nothing is accepted without collateral
        assertThat(v.noCheckFailed()).as(v.summary()).isTrue();
        assertThat(v.accepted()).isFalse();
        assertThat(v.tcbEvaluated()).isFalse();
        Verdict full = verifier.verify(RealTestData.read("tdx_prod_quote_SPR_E4.dat"), null, RealTestData.JUNE_2023,
            QuotePolicy.defaults());
        assertThat(full.accepted()).isFalse();
        assertThat(full.failures()).extracting(Check::id).containsExactly(CheckId.COLLATERAL);
        assertThat(v.check(CheckId.TCB_STATUS).orElseThrow().outcome()).isEqualTo(Check.Outcome.SKIPPED);
    }

    @Test
    void v5QuoteSignaturesAndChainHold() {
        Verdict v = verifier.verifySignaturesOnly(RealTestData.read("quote_v5_sample.dat"), RealTestData.FEB_2026);
        assertThat(v.signatureValid()).as(v.summary()).isTrue();
        assertThat(v.noCheckFailed()).as(v.summary()).isTrue();
        assertThat(v.check(CheckId.POLICY_MRSERVICETD).orElseThrow().reason()).contains("MRSERVICETD is zero");
        assertThat(v.quote().orElseThrow().bodyType()).isEqualTo(3);
    }

    @Test
    void cosQuoteWithPaddingHolds() {
        Verdict v = verifier.verifySignaturesOnly(RealTestData.read("cos-113-tdx-quote.dat"), java.time.Instant.parse("2024-08-01T00:00:00Z"));
        assertThat(v.signatureValid()).as(v.summary()).isTrue();
    }

    @Test
    void v4QuoteCollateralVerifiesButNoTcbLevelCoversThePlatform() {
        Verdict v = verifier.verify(RealTestData.read("tdx_prod_quote_SPR_E4.dat"),
            new CollateralDirectory(RealTestData.dir()), RealTestData.JUNE_2023,
            QuotePolicy.defaults().withAcceptedTcbStatuses(EnumSet.allOf(TcbStatus.class)));
        // Every signature, chain, CRL and validity window of the real collateral holds in June 2023 ...
        assertThat(v.checks()).filteredOn(c -> c.id() != CheckId.TCB_STATUS).noneMatch(Check::failed);
        assertThat(v.check(CheckId.TCB_INFO_SIGNATURE).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.QE_IDENTITY_SIGNATURE).orElseThrow().passed()).isTrue();
        // Intel's own collateral is signed by the pinned TCB Signing certificate: the signer pin admits it
        assertThat(v.check(CheckId.COLLATERAL_SIGNER).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.QE_VENDOR_ID).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.PCK_CRL).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.ROOT_CRL).orElseThrow().passed()).isTrue();
        // ... but this PCK certificate's SGX SVNs (3,3,2,2,2,1,0,2) are below both of its levels
        // (5,5,2,2,3,1,0,3): Intel's walk gives "TCB not supported", and so do we.
        Check status = v.check(CheckId.TCB_STATUS).orElseThrow();
        assertThat(status.failed()).isTrue();
        assertThat(status.reason()).contains("no TCB level");
        assertThat(v.tcbStatus()).isEmpty();
    }

    @Test
    void collateralPastNextUpdateFailsItsValidityCheck() {
        Verdict v = verifier.verify(RealTestData.read("tdx_prod_quote_SPR_E4.dat"),
            new CollateralDirectory(RealTestData.dir()), java.time.Instant.parse("2023-07-19T00:00:00Z"),
            QuotePolicy.defaults());
        assertThat(v.check(CheckId.TCB_INFO_VALIDITY).orElseThrow().failed()).isTrue();
        assertThat(v.check(CheckId.QE_IDENTITY_VALIDITY).orElseThrow().failed()).isTrue();
        assertThat(v.check(CheckId.PCK_CRL).orElseThrow().reason()).contains("expired");
        assertThat(v.check(CheckId.QUOTE_SIGNATURE).orElseThrow().passed()).isTrue();
    }

    @Test
    void v5QuoteWalksTheTdx15TcbInfo() {
        Verdict v = verifier.verify(RealTestData.read("quote_v5_sample.dat"),
            new CollateralDirectory(RealTestData.dir()), RealTestData.FEB_2026, QuotePolicy.defaults());
        assertThat(v.signatureValid()).as(v.summary()).isTrue();
        assertThat(v.check(CheckId.TCB_INFO_SIGNATURE).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.TCB_INFO_VALIDITY).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.TCB_INFO_FMSPC).orElseThrow().passed()).isTrue();
        assertThat(v.check(CheckId.COLLATERAL_SIGNER).orElseThrow().passed()).isTrue();
        // The 2026 TCB info is signed with the key of the TCB signing certificate we pin, whose
        // 2018-2025 certificate has expired, and the only QE identity and CRLs in the data are from
        // 2023: the verifier says exactly that, and reports the walk without trusting it.
        assertThat(v.check(CheckId.COLLATERAL_CHAIN).orElseThrow().reason()).contains("expired");
        assertThat(v.check(CheckId.QE_IDENTITY_VALIDITY).orElseThrow().failed()).isTrue();
        Check status = v.check(CheckId.TCB_STATUS).orElseThrow();
        assertThat(status.failed()).isTrue();
        assertThat(status.reason()).contains("untrusted walk gave UpToDate (platform UpToDate, TDX module UpToDate");
        assertThat(v.tcbStatus()).isEmpty();
    }
}
