package io.cocoon4j.enclave.ratls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.DcapTdxQuoteVerifier;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.Measurement;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.RejectionReason;
import io.cocoon4j.enclave.TdxEnclave;
import io.cocoon4j.enclave.TeeType;
import io.cocoon4j.enclave.TestEnclaves;
import io.cocoon4j.enclave.dcap.QuotePolicy;
import io.cocoon4j.enclave.dcap.QuoteVerifier;
import io.cocoon4j.enclave.dcap.collateral.Collateral;
import io.cocoon4j.enclave.dcap.testing.SyntheticCollateral;
import io.cocoon4j.enclave.dcap.testing.SyntheticQuote;
import io.cocoon4j.enclave.dcap.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RA-TLS with TDX evidence end to end: TdxEnclave asks configfs-tsm (a temporary directory whose
 * stand-in kernel signs synthetic DCAP quotes with a test PKI), the certificate carries the quote,
 * and the client verifies it with the real pure-Java DCAP verifier and synthetic collateral.
 */
class TdxRaTlsTest {

    private static final OperatorAddress OPERATOR =
            OperatorAddress.parse("0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8");
    /** Inside the synthetic collateral's validity. */
    private static final Clock CLOCK = Clock.fixed(SyntheticCollateral.AT, ZoneOffset.UTC);

    @TempDir
    Path tsm;

    private final TestPki pki = new TestPki();

    private TdxEnclave enclave(boolean debug) {
        return TestEnclaves.tdx(tsm, reportData -> {
            SyntheticQuote q = new SyntheticQuote(pki);
            q.reportData = reportData;
            if (debug) {
                q.tdAttributes[0] = 1;
            }
            return q.build();
        });
    }

    private static Measurement syntheticImage() {
        SyntheticQuote q = new SyntheticQuote(new TestPki());
        return Measurement.ofTdx(q.mrTd, q.mrConfigId, q.mrOwner, q.mrOwnerConfig, q.rtmrs);
    }

    private SSLContext client(TestPki trusted, AttestationPolicy policy) throws Exception {
        Collateral collateral = new SyntheticCollateral(trusted).collateral();
        DcapTdxQuoteVerifier dcap = new DcapTdxQuoteVerifier(new QuoteVerifier(trusted.root),
                (fmspc, at) -> collateral, QuotePolicy.defaults());
        return RaTls.builder().clock(CLOCK).verifyPeers(policy, EvidenceVerifier.withTdx(dcap)).build();
    }

    private SSLContext server(TdxEnclave enclave) throws Exception {
        return RaTls.builder().clock(CLOCK).identity(enclave, OPERATOR).build();
    }

    @Test
    void clientAcceptsATdxRunnerWhoseQuoteVerifies() throws Exception {
        TdxEnclave runner = enclave(false);
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(syntheticImage()).build();

        Loopback.Outcome o = Loopback.connect(server(runner), false, client(pki, policy));

        assertThat(o.client().failure()).isNull();
        RaTlsPeer peer = o.client().peer().orElseThrow();
        assertThat(peer.teeType()).isEqualTo(TeeType.TDX);
        assertThat(peer.measurement()).isEqualTo(syntheticImage());
        assertThat(peer.identityKey()).isEqualTo(runner.identityKey().rawPublicKey());
        assertThat(peer.operator()).isEqualTo(OPERATOR);
    }

    @Test
    void quoteFromAnotherRootIsRejected() throws Exception {
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(syntheticImage()).build();

        Loopback.Outcome o = Loopback.connect(server(enclave(false)), false, client(new TestPki(), policy));

        assertThat(o.client().ok()).isFalse();
        RaTlsRejectedException r = Loopback.rejection(o.client().failure()).orElseThrow();
        assertThat(r.reason()).isEqualTo(RejectionReason.QUOTE_INVALID);
        assertThat(r.getMessage()).contains("pck");
    }

    @Test
    void debugTdIsRejectedByTheQuotePolicy() throws Exception {
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(syntheticImage()).build();

        Loopback.Outcome o = Loopback.connect(server(enclave(true)), false, client(pki, policy));

        RaTlsRejectedException r = Loopback.rejection(o.client().failure()).orElseThrow();
        assertThat(r.reason()).isEqualTo(RejectionReason.QUOTE_INVALID);
        assertThat(r.getMessage()).containsIgnoringCase("debug");
    }

    @Test
    void tdxImageNotOnTheAllowListIsRejected() throws Exception {
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(Measurement.ofSimulatedImage("x")).build();

        Loopback.Outcome o = Loopback.connect(server(enclave(false)), false, client(pki, policy));

        assertThat(Loopback.rejection(o.client().failure()).orElseThrow().reason())
                .isEqualTo(RejectionReason.MEASUREMENT_NOT_ALLOWED);
    }

    @Test
    void quoteForAnotherReportDataIsRejected() throws Exception {
        // The kernel stand-in signs a genuine quote, but over REPORTDATA that binds something else.
        TdxEnclave lying = TestEnclaves.tdx(tsm, reportData -> {
            SyntheticQuote q = new SyntheticQuote(pki);
            q.reportData = SyntheticQuote.filled(64, 0x77);
            return q.build();
        });
        AttestationPolicy policy = AttestationPolicy.builder().allowMeasurement(syntheticImage()).build();

        Loopback.Outcome o = Loopback.connect(server(lying), false, client(pki, policy));

        assertThat(Loopback.rejection(o.client().failure()).orElseThrow().reason())
                .isEqualTo(RejectionReason.REPORT_DATA_MISMATCH);
    }
}
