package io.cocoon4j.enclave.dcap;

import io.cocoon4j.enclave.dcap.quote.TdReport;
import io.cocoon4j.enclave.dcap.tcb.TcbEvaluation;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** The policy half of a verification: measurements, debug bit, REPORTDATA and accepted TCB statuses. */
final class PolicyChecks {
    private static final HexFormat HEX = HexFormat.of();

    private PolicyChecks() {}

    static void run(QuotePolicy policy, TdReport report, Optional<TcbEvaluation.Status> tcb, String noTcbReason,
                    CheckList checks) {
        if (tcb.isPresent()) {
            var status = tcb.get().status();
            checks.expect(CheckId.POLICY_TCB_STATUS,
                policy.acceptedTcbStatuses().contains(status) ? null
                    : "TCB status " + status + " is not accepted (accepted: " + policy.acceptedTcbStatuses() + ")",
                "TCB status " + status + " is accepted");
        } else {
            checks.skip(CheckId.POLICY_TCB_STATUS, noTcbReason);
        }
        if (report.debug() && !policy.allowDebug()) {
            checks.fail(CheckId.POLICY_DEBUG, "the TD has the DEBUG attribute set");
        } else {
            checks.pass(CheckId.POLICY_DEBUG, report.debug() ? "debug TD, allowed by the policy" : "not a debug TD");
        }
        allowList(CheckId.POLICY_MRTD, "MRTD", policy.mrTd(), report.mrTd(), checks);
        String rtmrFailure = null;
        boolean constrained = false;
        for (int i = 0; i < 4; i++) {
            Set<String> allowed = policy.rtmrs().get(i);
            constrained |= !allowed.isEmpty();
            String v = HEX.formatHex(report.rtmr(i));
            if (rtmrFailure == null && !allowed.isEmpty() && !allowed.contains(v)) {
                rtmrFailure = "RTMR" + i + " " + v + " is not on the allow-list";
            }
        }
        if (!constrained) {
            checks.skip(CheckId.POLICY_RTMR, "not constrained by the policy");
        } else {
            checks.expect(CheckId.POLICY_RTMR, rtmrFailure, "RTMRs are on the allow-lists");
        }
        allowList(CheckId.POLICY_MRCONFIGID, "MRCONFIGID", policy.mrConfigId(), report.mrConfigId(), checks);
        allowList(CheckId.POLICY_IMAGE_HASH, "image hash", policy.imageHash(), report.imageHash(), checks);
        if (policy.reportData() == null) {
            checks.skip(CheckId.POLICY_REPORT_DATA, "not constrained by the policy");
        } else {
            String v = HEX.formatHex(report.reportData());
            checks.expect(CheckId.POLICY_REPORT_DATA, v.equals(policy.reportData()) ? null
                : "REPORTDATA " + v + " is not the expected " + policy.reportData(), "REPORTDATA is as expected");
        }
    }

    private static void allowList(CheckId id, String what, Set<String> allowed, byte[] value, CheckList checks) {
        if (allowed.isEmpty()) {
            checks.skip(id, "not constrained by the policy");
            return;
        }
        String v = HEX.formatHex(value);
        checks.expect(id, allowed.contains(v) ? null : what + " " + v + " is not on the allow-list",
            what + " is on the allow-list");
    }
}
