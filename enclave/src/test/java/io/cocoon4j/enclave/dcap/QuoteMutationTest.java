package io.cocoon4j.enclave.dcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.enclave.dcap.collateral.Collateral;
import io.cocoon4j.enclave.dcap.collateral.CollateralException;
import io.cocoon4j.enclave.dcap.collateral.CollateralSource;
import io.cocoon4j.enclave.dcap.testing.SyntheticCollateral;
import io.cocoon4j.enclave.dcap.testing.SyntheticQuote;
import io.cocoon4j.enclave.dcap.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Hundreds of mutations of a valid quote and its collateral: each must be rejected, and by the
 * check that guards the mutated bytes. The unmutated inputs are accepted (see
 * {@link SyntheticQuoteTest}), so every rejection here is caused by the mutation.
 */
class QuoteMutationTest {
    private static final TestPki PKI = new TestPki();
    private static final QuoteVerifier VERIFIER = new QuoteVerifier(PKI.root);
    private static final SyntheticQuote V4 = new SyntheticQuote(PKI);
    private static final byte[] QUOTE_V4 = V4.build();
    private static final SyntheticQuote V5 = v5();
    private static final byte[] QUOTE_V5 = V5.build();
    private static final SyntheticCollateral COLLATERAL = new SyntheticCollateral(PKI);
    private static final byte[] TCB_INFO = COLLATERAL.tcbInfoResponse();
    private static final byte[] QE_IDENTITY = COLLATERAL.qeIdentityResponse();
    private static final byte[] PCK_CRL = der(COLLATERAL.pckCrl);
    private static final byte[] ROOT_CRL = der(COLLATERAL.rootCrl);

    private static byte[] der(java.security.cert.X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SyntheticQuote v5() {
        SyntheticQuote q = new SyntheticQuote(PKI);
        q.version = 5;
        q.tdx15 = true;
        return q;
    }

    private static CollateralSource collateral(byte[] tcbInfo, byte[] qeIdentity) {
        return (platform, at) -> Collateral.of(tcbInfo, qeIdentity, PCK_CRL,
            ROOT_CRL, List.of(PKI.tcbSigning));
    }

    private static final Collateral PARSED = parsed();

    private static Collateral parsed() {
        try {
            return Collateral.of(TCB_INFO, QE_IDENTITY, PCK_CRL, ROOT_CRL, List.of(PKI.tcbSigning));
        } catch (CollateralException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verdict verify(byte[] quote) {
        return VERIFIER.verify(quote, (platform, at) -> PARSED, SyntheticCollateral.AT, QuotePolicy.defaults());
    }

    /** Which check guards byte {@code i} of a quote built by {@code q}. */
    private static CheckId guard(SyntheticQuote q, int i) {
        int bodyStart = q.version == 5 ? 54 : 48;
        int sig = q.signedEnd + 4;
        int attKey = sig + 64;
        int authSize = q.qeReportSignatureStart + 64;
        if (i < 8 || (i >= 48 && i < bodyStart) || (i >= q.signedEnd && i < sig)) {
            return CheckId.QUOTE_FORMAT; // version, key type, TEE type, v5 body descriptor, signature data size
        }
        if (i < q.signedEnd || (i >= sig && i < attKey)) {
            return CheckId.QUOTE_SIGNATURE; // header and body are signed; the signature itself
        }
        if (i < attKey + 64) {
            return CheckId.QE_REPORT_BINDING; // the attestation key is bound by hash into the QE report
        }
        if (i < q.qeReportStart) {
            return CheckId.QUOTE_FORMAT; // certification data type and size
        }
        if (i < authSize) {
            return CheckId.QE_REPORT_SIGNATURE; // QE report and its signature
        }
        if (i < authSize + 2) {
            return CheckId.QUOTE_FORMAT; // QE auth data size
        }
        if (i < q.certChainStart - 6) {
            return CheckId.QE_REPORT_BINDING; // QE auth data
        }
        return CheckId.QUOTE_FORMAT; // PCK certification data type and size
    }

    @Property(tries = 300)
    void flippingAnyBitBeforeThePckChainFailsTheCheckGuardingIt(@ForAll boolean v5, @ForAll @IntRange(min = 0, max = 1 << 20) int where,
                                                               @ForAll @IntRange(min = 0, max = 7) int bit) {
        SyntheticQuote q = v5 ? V5 : V4;
        byte[] quote = (v5 ? QUOTE_V5 : QUOTE_V4).clone();
        int i = where % q.certChainStart;
        quote[i] ^= (byte) (1 << bit);
        Verdict v = verify(quote);
        CheckId expected = guard(q, i);
        assertThat(v.accepted()).as("flip at %d", i).isFalse();
        assertThat(v.check(expected)).as("flip at %d: %s", i, v.summary()).hasValueSatisfying(c -> assertThat(c.failed()).isTrue());
    }

    @Property(tries = 150)
    void flippingAnyBitOfThePckChainNeverAdmitsAnotherChain(@ForAll @IntRange(min = 0, max = 1 << 20) int where,
                                                            @ForAll @IntRange(min = 0, max = 7) int bit) throws Exception {
        byte[] quote = QUOTE_V4.clone();
        int i = V4.certChainStart + where % (V4.quoteEnd - V4.certChainStart);
        quote[i] ^= (byte) (1 << bit);
        Verdict v = verify(quote);
        if (v.accepted()) {
            // Only bytes outside the leaf and CA certificates can be harmless (the carried root, PEM
            // framing, unused base64 bits): whatever was accepted must be exactly the original chain.
            List<X509Certificate> parsed = io.cocoon4j.enclave.dcap.pki.PemCertificates.parse(
                Arrays.copyOfRange(quote, V4.certChainStart, V4.quoteEnd));
            assertThat(parsed.subList(0, 2)).containsExactly(PKI.pck, PKI.pckCa);
        } else {
            assertThat(v.failures()).extracting(Check::id).containsAnyOf(CheckId.PCK_CHAIN, CheckId.PCK_EXTENSION,
                CheckId.QE_REPORT_SIGNATURE, CheckId.QUOTE_FORMAT);
        }
    }

    @Property(tries = 150)
    void truncatingAnywhereIsAFormatError(@ForAll boolean v5, @ForAll @IntRange(min = 0, max = 1 << 20) int where) {
        SyntheticQuote q = v5 ? V5 : V4;
        byte[] quote = Arrays.copyOf(v5 ? QUOTE_V5 : QUOTE_V4, where % q.quoteEnd);
        Verdict v = verify(quote);
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.QUOTE_FORMAT);
        assertThat(v.quote()).isEmpty();
    }

    @Property(tries = 150)
    void flippingAnyBitOfSignedCollateralFailsItsSignatureOrParse(@ForAll boolean qe,
                                                                   @ForAll @IntRange(min = 0, max = 1 << 20) int where,
                                                                   @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] response = (qe ? QE_IDENTITY : TCB_INFO).clone();
        String field = qe ? "\"enclaveIdentity\":" : "\"tcbInfo\":";
        int start = new String(response, StandardCharsets.ISO_8859_1).indexOf(field) + field.length();
        int end = new String(response, StandardCharsets.ISO_8859_1).lastIndexOf(",\"signature\"");
        int i = start + where % (end - start);
        response[i] ^= (byte) (1 << bit);
        Verdict v = VERIFIER.verify(QUOTE_V4, qe ? collateral(TCB_INFO, response) : collateral(response, QE_IDENTITY),
            SyntheticCollateral.AT, QuotePolicy.defaults());
        CheckId signature = qe ? CheckId.QE_IDENTITY_SIGNATURE : CheckId.TCB_INFO_SIGNATURE;
        assertThat(v.accepted()).isFalse();
        assertThat(v.failures()).extracting(Check::id).containsAnyOf(CheckId.COLLATERAL, signature);
        assertThat(v.tcbStatus()).isEmpty();
    }

    @Property(tries = 50)
    void movingTheClockPastNextUpdateFailsTheValidityChecks(@ForAll @LongRange(min = 1, max = 400L * 86400) long seconds) {
        Instant late = SyntheticCollateral.NEXT_UPDATE.plus(Duration.ofSeconds(seconds));
        Verdict v = VERIFIER.verify(QUOTE_V4, collateral(TCB_INFO, QE_IDENTITY), late, QuotePolicy.defaults());
        assertThat(v.failures()).extracting(Check::id).contains(CheckId.TCB_INFO_VALIDITY, CheckId.QE_IDENTITY_VALIDITY,
            CheckId.PCK_CRL, CheckId.ROOT_CRL);
        assertThat(v.check(CheckId.QUOTE_SIGNATURE).orElseThrow().passed()).isTrue();
        Instant early = SyntheticCollateral.ISSUED.minus(Duration.ofSeconds(seconds));
        assertThat(VERIFIER.verify(QUOTE_V4, collateral(TCB_INFO, QE_IDENTITY), early, QuotePolicy.defaults()).failures())
            .extracting(Check::id).contains(CheckId.TCB_INFO_VALIDITY, CheckId.QE_IDENTITY_VALIDITY);
    }

    @Property(tries = 40)
    void swappingCertificatesBreaksTheChainOrTheQeReportSignature(@ForAll @IntRange(min = 0, max = 5) int swap) throws Exception {
        TestPki other = new TestPki();
        X509Certificate strangerLeaf = PKI.cert("CN=Test SGX PCK Certificate", "CN=Test SGX PCK Platform CA",
            TestPki.keyPair().getPublic(), PKI.pckCaKey.getPrivate(), false, null);
        SyntheticQuote q = new SyntheticQuote(PKI);
        CheckId expected;
        switch (swap) {
            case 0 -> { q.chain = List.of(PKI.pckCa, PKI.pck, PKI.root); expected = CheckId.PCK_CHAIN; }
            case 1 -> { q.chain = List.of(other.pck, PKI.pckCa, PKI.root); expected = CheckId.PCK_CHAIN; }
            case 2 -> { q.chain = List.of(PKI.pck, other.pckCa, PKI.root); expected = CheckId.PCK_CHAIN; }
            case 3 -> { q.chain = List.of(PKI.pck, PKI.tcbSigning, PKI.root); expected = CheckId.PCK_CHAIN; }
            case 4 -> { q.chain = List.of(PKI.pck, PKI.pckCa, other.root); expected = CheckId.PCK_CHAIN; }
            default -> { q.chain = List.of(strangerLeaf, PKI.pckCa, PKI.root); expected = CheckId.QE_REPORT_SIGNATURE; }
        }
        Verdict v = verify(q.build());
        assertThat(v.accepted()).isFalse();
        assertThat(v.check(expected).orElseThrow().failed()).as(v.summary()).isTrue();
    }

    @Property(tries = 20)
    void collateralSignedByAnotherKeyFailsItsChain(@ForAll boolean rootIssued) throws CollateralException {
        TestPki other = new TestPki();
        X509Certificate signer = rootIssued ? PKI.pck : other.tcbSigning;
        CollateralSource c = (platform, at) -> Collateral.of(TCB_INFO, QE_IDENTITY, PCK_CRL,
            ROOT_CRL, List.of(signer));
        Verdict v = VERIFIER.verify(QUOTE_V4, c, SyntheticCollateral.AT, QuotePolicy.defaults());
        assertThat(v.failures()).extracting(Check::id).contains(
            rootIssued ? CheckId.COLLATERAL_SIGNER : CheckId.COLLATERAL_CHAIN, CheckId.TCB_INFO_SIGNATURE);
    }
}
