package io.cocoon4j.enclave.dcap;

import io.cocoon4j.enclave.dcap.quote.TdReport;
import io.cocoon4j.enclave.dcap.tcb.TcbEvaluation;
import io.cocoon4j.enclave.dcap.quote.TdAttribute;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy half of a verification: accepted TCB statuses and collateral recency, TD attributes
 * (debug and the rest), service TD binding, measurements and REPORTDATA.
 */
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
        int min = policy.minTcbEvaluationDataNumber();
        if (min == 0) {
            checks.skip(CheckId.POLICY_TCB_EVALUATION, "not constrained by the policy");
        } else if (tcb.isEmpty()) {
            checks.skip(CheckId.POLICY_TCB_EVALUATION, noTcbReason);
        } else {
            int n = tcb.get().tcbEvaluationDataNumber();
            checks.expect(CheckId.POLICY_TCB_EVALUATION, n >= min ? null
                    : "collateral has tcbEvaluationDataNumber " + n + ", the policy requires at least " + min,
                "tcbEvaluationDataNumber " + n + " (at least " + min + ")");
        }
        if (report.debug() && !policy.allowDebug()) {
            checks.fail(CheckId.POLICY_DEBUG, "the TD has the DEBUG attribute set");
        } else {
            checks.pass(CheckId.POLICY_DEBUG, report.debug() ? "debug TD, allowed by the policy" : "not a debug TD");
        }
        tdAttributes(policy, report, checks);
        serviceTd(policy, report, checks);
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

    private static void tdAttributes(QuotePolicy policy, TdReport report, CheckList checks) {
        long unknown = TdAttribute.unknownBits(report.tdAttributes());
        Set<TdAttribute> set = TdAttribute.setIn(report.tdAttributes());
        set.remove(TdAttribute.DEBUG);
        Set<TdAttribute> forbidden = EnumSet.noneOf(TdAttribute.class);
        forbidden.addAll(set);
        forbidden.removeAll(policy.allowedTdAttributes());
        Set<TdAttribute> missing = EnumSet.noneOf(TdAttribute.class);
        missing.addAll(policy.requiredTdAttributes());
        missing.removeAll(set);
        String failure = null;
        if (unknown != 0) {
            failure = "TDATTRIBUTES has unknown bits set (" + String.format("0x%016x", unknown) + ")";
        } else if (!forbidden.isEmpty()) {
            failure = "TD attributes " + forbidden + " are not allowed by the policy (allowed: "
                + new TreeSet<>(policy.allowedTdAttributes()) + ")";
        } else if (!missing.isEmpty()) {
            failure = "TD attributes " + missing + " are required by the policy but not set";
        }
        checks.expect(CheckId.POLICY_TD_ATTRIBUTES, failure, "TD attributes " + set + " are allowed");
    }

    private static void serviceTd(QuotePolicy policy, TdReport report, CheckList checks) {
        byte[] mrServiceTd = report.mrServiceTd();
        if (mrServiceTd == null) {
            checks.pass(CheckId.POLICY_MRSERVICETD, "TD report 1.0: no service TD can be bound");
        } else if (Arrays.equals(mrServiceTd, new byte[mrServiceTd.length])) {
            checks.pass(CheckId.POLICY_MRSERVICETD, "no service TD is bound (MRSERVICETD is zero)");
        } else {
            String v = HEX.formatHex(mrServiceTd);
            checks.expect(CheckId.POLICY_MRSERVICETD, policy.mrServiceTd().contains(v) ? null
                    : "the TD is bound to service TD " + v + ", which is not on the policy's mrservicetd allow-list",
                "bound to an allowed service TD");
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
