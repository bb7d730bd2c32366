package io.cocoon4j.enclave.dcap.tcb;

import io.cocoon4j.enclave.dcap.collateral.QeIdentity;
import io.cocoon4j.enclave.dcap.collateral.TcbInfo;
import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import io.cocoon4j.enclave.dcap.pki.PckExtension;
import io.cocoon4j.enclave.dcap.quote.EnclaveReport;
import io.cocoon4j.enclave.dcap.quote.TdReport;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Intel's TDX TCB level walk. Levels are listed best first; the platform's level is the first
 * whose SGX component SVNs and PCE SVN the PCK certificate meets and whose TDX component SVNs
 * the TD report's TEE_TCB_SVN meets. When TEE_TCB_SVN[1] (the TDX module's major version) is
 * non-zero, its first two bytes are judged by the matching {@code TDX_0n} module identity
 * instead. The QE report is matched against the QE identity the same way, by ISV SVN.
 */
public final class TcbEvaluator {
    private TcbEvaluator() {}

    /** Walks the levels; this does not check signatures or dates, the verifier does that first. */
    public static TcbEvaluation evaluate(TcbInfo info, QeIdentity qe, PckExtension pck, TdReport report,
                                         EnclaveReport qeReport) {
        if (!info.fmspc().equalsIgnoreCase(pck.fmspcHex()) || !info.pceId().equalsIgnoreCase(pck.pceIdHex())) {
            return new TcbEvaluation.Unsupported("TCB info is for FMSPC " + info.fmspc() + "/PCE " + info.pceId()
                + ", the PCK certificate for " + pck.fmspcHex() + "/" + pck.pceIdHex());
        }
        byte[] teeTcbSvn = report.teeTcbSvn();
        int moduleMajor = teeTcbSvn[1] & 0xff;
        TcbInfo.Level platform = null;
        for (TcbInfo.Level level : info.tcbLevels()) {
            if (meets(pck, teeTcbSvn, moduleMajor > 0 ? 2 : 0, level)) {
                platform = level;
                break;
            }
        }
        if (platform == null) {
            return new TcbEvaluation.Unsupported("TCB not supported: no TCB level in the TCB info is met by this platform's SVNs");
        }
        Set<String> advisories = new LinkedHashSet<>(platform.advisoryIds());

        TcbStatus moduleStatus = TcbStatus.UpToDate;
        if (moduleMajor > 0 && !info.tdxModuleIdentities().isEmpty()) {
            String id = String.format("TDX_%02d", moduleMajor);
            TcbInfo.ModuleIdentity identity = info.tdxModuleIdentities().stream()
                .filter(m -> m.id().equalsIgnoreCase(id)).findFirst().orElse(null);
            if (identity == null) {
                return new TcbEvaluation.Unsupported("no TDX module identity " + id + " in the TCB info");
            }
            String mismatch = moduleMismatch(identity, report);
            if (mismatch != null) {
                return new TcbEvaluation.Unsupported(mismatch);
            }
            int minorSvn = teeTcbSvn[0] & 0xff;
            TcbInfo.IsvLevel moduleLevel = identity.tcbLevels().stream()
                .filter(l -> minorSvn >= l.isvSvn()).findFirst().orElse(null);
            if (moduleLevel == null) {
                return new TcbEvaluation.Unsupported("TDX module " + id + " SVN " + minorSvn + " is below every level");
            }
            moduleStatus = moduleLevel.status();
            advisories.addAll(moduleLevel.advisoryIds());
        } else if (info.tdxModule() != null) {
            String mismatch = moduleMismatch(info.tdxModule(), report);
            if (mismatch != null) {
                return new TcbEvaluation.Unsupported(mismatch);
            }
        }

        if (!Arrays.equals(qeReport.mrSigner(), qe.mrSigner())) {
            return new TcbEvaluation.Unsupported("QE MRSIGNER does not match the QE identity");
        }
        if (qeReport.isvProdId() != qe.isvProdId()) {
            return new TcbEvaluation.Unsupported("QE ISVPRODID " + qeReport.isvProdId() + " is not " + qe.isvProdId());
        }
        if ((qeReport.miscSelect() & qe.miscSelectMask()) != qe.miscSelect()) {
            return new TcbEvaluation.Unsupported("QE MISCSELECT does not match the QE identity under its mask");
        }
        if (!maskedEquals(qeReport.attributes(), qe.attributesMask(), qe.attributes())) {
            return new TcbEvaluation.Unsupported("QE ATTRIBUTES do not match the QE identity under its mask");
        }
        TcbInfo.IsvLevel qeLevel = qe.tcbLevels().stream()
            .filter(l -> qeReport.isvSvn() >= l.isvSvn()).findFirst().orElse(null);
        if (qeLevel == null) {
            return new TcbEvaluation.Unsupported("QE ISVSVN " + qeReport.isvSvn() + " is below every QE TCB level");
        }
        advisories.addAll(qeLevel.advisoryIds());
        TcbStatus combined = platform.status().combine(moduleStatus).combine(qeLevel.status());
        return new TcbEvaluation.Status(combined, platform.status(), moduleStatus, qeLevel.status(),
            platform.tcbDate(), java.util.List.copyOf(advisories));
    }

    private static boolean meets(PckExtension pck, byte[] teeTcbSvn, int tdxFrom, TcbInfo.Level level) {
        for (int i = 0; i < 16; i++) {
            if (pck.sgxTcbComponents()[i] < level.sgxComponents()[i]) {
                return false;
            }
        }
        if (pck.pceSvn() < level.pceSvn()) {
            return false;
        }
        for (int i = tdxFrom; i < 16; i++) {
            if ((teeTcbSvn[i] & 0xff) < level.tdxComponents()[i]) {
                return false;
            }
        }
        return true;
    }

    private static String moduleMismatch(TcbInfo.ModuleIdentity m, TdReport report) {
        if (!Arrays.equals(m.mrSigner(), report.mrSignerSeam())) {
            return "MRSIGNERSEAM " + HexFormat.of().formatHex(report.mrSignerSeam()) + " is not the TDX module signer of " + m.id();
        }
        if (!maskedEquals(report.seamAttributes(), m.attributesMask(), m.attributes())) {
            return "SEAMATTRIBUTES do not match " + m.id() + " under its mask";
        }
        return null;
    }

    private static boolean maskedEquals(byte[] value, byte[] mask, byte[] expected) {
        if (value.length != mask.length || mask.length != expected.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if ((value[i] & mask[i]) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
