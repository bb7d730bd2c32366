package io.cocoon4j.enclave.dcap;

import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import io.cocoon4j.enclave.dcap.quote.Quote;
import io.cocoon4j.enclave.dcap.tcb.TcbEvaluation;
import java.util.List;
import java.util.Optional;

/**
 * The result of verifying one quote: every check with its outcome and reason, the parsed quote
 * (absent if it did not parse) and the TCB evaluation (absent without collateral).
 * {@link #accepted()} is the one bit a caller acts on.
 */
public record Verdict(List<Check> checks, Optional<Quote> quote, Optional<TcbEvaluation.Status> tcb) {
    private static final List<CheckId> SIGNATURE_CHECKS = List.of(CheckId.QUOTE_FORMAT, CheckId.PCK_CHAIN,
        CheckId.QE_REPORT_SIGNATURE, CheckId.QE_REPORT_BINDING, CheckId.QUOTE_SIGNATURE);

    public Verdict {
        checks = List.copyOf(checks);
    }

    /** True when no check failed. Without collateral the TCB checks are skipped, not failed: see {@link #tcbEvaluated()}. */
    public boolean accepted() {
        return checks.stream().noneMatch(Check::failed);
    }

    /** True when the quote parsed, its PCK chain reaches the trusted root, and all three signatures hold. */
    public boolean signatureValid() {
        return SIGNATURE_CHECKS.stream().allMatch(id -> check(id).map(Check::passed).orElse(false));
    }

    /** Whether collateral was used and a TCB status determined. */
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

    /** One line: "accepted" or the first failed check and its reason. */
    public String summary() {
        return failures().stream().findFirst().map(c -> "rejected: " + c.id().id() + ": " + c.reason())
            .orElse(tcbEvaluated() ? "accepted (TCB " + tcbStatus().orElseThrow() + ")" : "accepted (TCB status not evaluated: no collateral)");
    }
}
