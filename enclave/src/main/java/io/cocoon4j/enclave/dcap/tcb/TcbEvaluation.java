package io.cocoon4j.enclave.dcap.tcb;

import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import java.time.Instant;
import java.util.List;

/**
 * Outcome of the TCB level walk: a status, or a reason no level applies.
 */
public sealed interface TcbEvaluation {

    /**
     * A status was found.
     *
     * @param status the combined status of platform, TDX module and quoting enclave
     * @param platformStatus the status of the matching platform TCB level
     * @param moduleStatus the TDX module's status ({@link TcbStatus#UpToDate} when the TCB info has no module levels)
     * @param qeStatus the quoting enclave's status
     * @param tcbDate the matching platform level's date
     * @param advisoryIds union of the advisories of every matching level, in order
     * @param tcbEvaluationDataNumber the lower of the TCB info's and the QE identity's
     *     {@code tcbEvaluationDataNumber}: how recent a TCB recovery the collateral reflects
     */
    record Status(TcbStatus status, TcbStatus platformStatus, TcbStatus moduleStatus, TcbStatus qeStatus,
                  Instant tcbDate, List<String> advisoryIds, int tcbEvaluationDataNumber) implements TcbEvaluation {}

    /** No status: e.g. no level matches, or the TDX module or QE identity does not match. */
    record Unsupported(String reason) implements TcbEvaluation {}
}
