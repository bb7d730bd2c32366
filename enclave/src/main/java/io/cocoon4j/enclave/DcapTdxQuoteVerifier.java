package io.cocoon4j.enclave;

import io.cocoon4j.enclave.dcap.QuotePolicy;
import io.cocoon4j.enclave.dcap.QuoteVerifier;
import io.cocoon4j.enclave.dcap.Verdict;
import io.cocoon4j.enclave.dcap.collateral.CollateralSource;
import io.cocoon4j.enclave.dcap.quote.TdReport;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@link TdxQuoteVerifier} backed by cocoon4j's pure-Java DCAP verifier
 * ({@link io.cocoon4j.enclave.dcap.QuoteVerifier}): PCK chain to the trusted root, QE report and
 * quote signatures, and with collateral the CRLs, TCB info, QE identity and TCB status under a
 * {@link QuotePolicy} (TCB statuses accepted, debug TDs refused, optional register pins).
 *
 * <pre>{@code
 * EvidenceVerifier v = EvidenceVerifier.withTdx(
 *     DcapTdxQuoteVerifier.intel(new CollateralDirectory(dir), QuotePolicy.defaults()));
 * }</pre>
 */
public final class DcapTdxQuoteVerifier implements TdxQuoteVerifier {

    private final QuoteVerifier verifier;
    private final CollateralSource collateral;
    private final QuotePolicy policy;

    /**
     * @param verifier the DCAP verifier (its trusted root)
     * @param collateral where TCB info, QE identity and CRLs come from; required, so that the TCB
     *     status is always evaluated (see {@link #signaturesOnly} for the one exception)
     * @param policy the quote-level policy (TCB statuses, debug, register pins)
     */
    public DcapTdxQuoteVerifier(QuoteVerifier verifier, CollateralSource collateral, QuotePolicy policy) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.collateral = Objects.requireNonNull(collateral, "collateral (use signaturesOnly to skip TCB checks)");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    private DcapTdxQuoteVerifier(QuoteVerifier verifier, QuotePolicy policy) {
        this.verifier = verifier;
        this.collateral = null;
        this.policy = policy;
    }

    /** Trusts the pinned Intel SGX Root CA, with collateral from {@code collateral}. */
    public static DcapTdxQuoteVerifier intel(CollateralSource collateral, QuotePolicy policy) {
        return new DcapTdxQuoteVerifier(QuoteVerifier.intel(), collateral, policy);
    }

    /**
     * Checks chain and signatures only, without collateral: the TCB status (revoked or outdated
     * platforms) is NOT evaluated. For offline inspection and tests of old quotes whose collateral
     * has expired; never for admitting a runner.
     */
    public static DcapTdxQuoteVerifier signaturesOnly(QuoteVerifier verifier, QuotePolicy policy) {
        return new DcapTdxQuoteVerifier(Objects.requireNonNull(verifier), Objects.requireNonNull(policy));
    }

    @Override
    public VerifiedTdReport verify(byte[] quote, Instant at) throws AttestationException {
        // The signatures-only mode was chosen by name at construction; every other path needs a full acceptance.
        Verdict verdict = collateral == null ? verifier.verifySignaturesOnly(quote, at, policy)
            : verifier.verify(quote, collateral, at, policy);
        boolean passed = collateral == null ? verdict.noCheckFailed() : verdict.accepted();
        if (!passed || verdict.quote().isEmpty()) {
            throw new AttestationException(RejectionReason.QUOTE_INVALID, verdict.summary());
        }
        TdReport r = verdict.quote().get().report();
        return new VerifiedTdReport(r.mrTd(), r.mrConfigId(), r.mrOwner(), r.mrOwnerConfig(),
                r.rtmrs().toArray(new byte[0][]), new ReportData(r.reportData()));
    }
}
