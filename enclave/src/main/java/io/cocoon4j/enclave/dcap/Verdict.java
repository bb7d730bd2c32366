package io.cocoon4j.enclave.dcap;

import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import io.cocoon4j.enclave.dcap.quote.Quote;
import io.cocoon4j.enclave.dcap.tcb.TcbEvaluation;
import java.util.List;
import java.util.Optional;

/**
 * The result of verifying one quote: what was set out to check, every check with its outcome and
 * reason, the parsed quote (absent if it did not parse) and the trusted TCB evaluation (absent
 * without trusted collateral). {@link #accepted()} is the one bit a caller acts on.
 */
public record Verdict(VerificationScope scope, List<Check> checks, Optional<Quote> quote,
                      Optional<TcbEvaluation.Status> tcb) {
    private static final List<CheckId> SIGNATURE_CHECKS = List.of(CheckId.QUOTE_FORMAT, CheckId.PCK_CHAIN,
        CheckId.QE_REPORT_SIGNATURE, CheckId.QE_REPORT_BINDING, CheckId.QUOTE_SIGNATURE);

    public Verdict {
        checks = List.copyOf(checks);
    }

    /**
     * True only for a {@link VerificationScope#FULL full} verification in which no check failed and
     * a TCB status was established from trusted collateral. Without collateral this is always false.
     */
    public boolean accepted() {
        return scope == VerificationScope.FULL && noCheckFailed() && tcb.isPresent();
    }

    /**
     * True when every check that ran passed, whatever the scope. For a signatures-only verification
     * this is the result that was asked for; it is still not {@link #accepted()}.
     */
    public boolean noCheckFailed() {
        return checks.stream().noneMatch(Check::failed);
    }

    /** True when the quote parsed, its PCK chain reaches the trusted root, and all three signatures hold. */
    public boolean signatureValid() {
        return SIGNATURE_CHECKS.stream().allMatch(id -> check(id).map(Check::passed).orElse(false));
    }

    /** Whether trusted collateral gave a TCB status. */
    public boolean tcbEvaluated() {
        return tcb.isPresent();
    }

    public Optional<TcbStatus> tcbStatus() {
        return tcb.map(TcbEvaluation.Status::status);
    }

    public List<String> advisoryIds() {
        return tcb.map(TcbEvaluation.Status::advisoryIds).orElse(List.of());
    }

    public Optional<Check> check(CheckId id) {
        return checks.stream().filter(c -> c.id() == id).findFirst();
    }

    public List<Check> failures() {
        return checks.stream().filter(Check::failed).toList();
    }

    /** Why this verdict is not an acceptance (the first failed check, or the scope), or empty when accepted. */
    public Optional<String> rejection() {
        Optional<Check> failed = failures().stream().findFirst();
        if (failed.isPresent()) {
            return Optional.of(failed.get().id().id() + ": " + failed.get().reason());
        }
        if (scope == VerificationScope.SIGNATURES_ONLY) {
            return Optional.of("signatures-only verification: revocation, TCB status and QE identity were not checked");
        }
        return tcb.isPresent() ? Optional.empty() : Optional.of("no TCB status was established");
    }

    /** One line: "accepted (TCB …)", "rejected: check: reason", or what a signatures-only check found. */
    public String summary() {
        if (accepted()) {
            return "accepted (TCB " + tcbStatus().orElseThrow() + ")";
        }
        if (scope == VerificationScope.SIGNATURES_ONLY && noCheckFailed()) {
            return "signatures-only check passed, NOT accepted: " + rejection().orElseThrow();
        }
        return "rejected: " + rejection().orElseThrow();
    }
}
