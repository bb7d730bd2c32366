package io.cocoon4j.enclave.dcap.tcb;

import io.cocoon4j.enclave.dcap.collateral.QeIdentity;
import io.cocoon4j.enclave.dcap.collateral.TcbInfo;
import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import io.cocoon4j.enclave.dcap.pki.PckExtension;
import io.cocoon4j.enclave.dcap.quote.EnclaveReport;
import io.cocoon4j.enclave.dcap.quote.TdReport;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Intel's TDX TCB level walk, following the rules of Intel's DCAP quote verification library.
 *
 * <ul>
 *   <li>Levels are listed best first. The SGX level is the first whose SGX component SVNs and PCE
 *       SVN the PCK certificate meets; the platform's level is the first that also has its TDX
 *       component SVNs met by the TD report's TEE_TCB_SVN.</li>
 *   <li>When TEE_TCB_SVN[1] (the TDX module's major version) is non-zero, the first two bytes are
 *       judged by the matching {@code TDX_0n} module identity instead, by TEE_TCB_SVN[0]; TCB info
 *       without module identities cannot judge such a module, and the platform is not supported.</li>
 *   <li>The module's signer must match and its SEAMATTRIBUTES must be zero.</li>
 *   <li>The QE report is matched against the QE identity (MRSIGNER, ISVPRODID, masked MISCSELECT
 *       and ATTRIBUTES), and its ISVSVN against the QE levels.</li>
 *   <li>TD report 1.5: when only the TDX module made the platform out of date and TEE_TCB_SVN2 (the
 *       module the platform runs now) meets the latest level, the status is
 *       {@link TcbStatus#TDRelaunchAdvised} (or its configuration-needed variant).</li>
 * </ul>
 */
public final class TcbEvaluator {
    private static final Set<TcbStatus> SGX_RELAUNCHABLE = EnumSet.of(TcbStatus.UpToDate, TcbStatus.SWHardeningNeeded,
        TcbStatus.ConfigurationNeeded, TcbStatus.ConfigurationAndSWHardeningNeeded);

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
        if (moduleMajor > 0 && info.tdxModuleIdentities().isEmpty()) {
            return new TcbEvaluation.Unsupported("the TDX module has major version " + moduleMajor
                + " (TEE_TCB_SVN[1]) but the TCB info lists no TDX module identities to judge its SVN by");
        }
        TcbInfo.Level sgxLevel = null;
        TcbInfo.Level platform = null;
        for (TcbInfo.Level level : info.tcbLevels()) {
            if (meetsSgx(pck, level)) {
                sgxLevel = sgxLevel == null ? level : sgxLevel;
                if (meetsTdx(teeTcbSvn, moduleMajor > 0 ? 2 : 0, level)) {
                    platform = level;
                    break;
                }
            }
        }
        if (platform == null) {
            return new TcbEvaluation.Unsupported("TCB not supported: no TCB level in the TCB info is met by this platform's SVNs");
        }
        Set<String> advisories = new LinkedHashSet<>(platform.advisoryIds());

        TcbStatus moduleStatus = TcbStatus.UpToDate;
        if (moduleMajor > 0) {
            TcbInfo.ModuleIdentity identity = moduleIdentity(info, moduleMajor);
            if (identity == null) {
                return new TcbEvaluation.Unsupported("no TDX module identity " + moduleId(moduleMajor) + " in the TCB info");
            }
            String mismatch = moduleMismatch(identity, report);
            if (mismatch != null) {
                return new TcbEvaluation.Unsupported(mismatch);
            }
            TcbInfo.IsvLevel moduleLevel = isvLevel(identity.tcbLevels(), teeTcbSvn[0] & 0xff);
            if (moduleLevel == null) {
                return new TcbEvaluation.Unsupported("TDX module " + identity.id() + " SVN " + (teeTcbSvn[0] & 0xff)
                    + " is below every level");
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
        TcbInfo.IsvLevel qeLevel = isvLevel(qe.tcbLevels(), qeReport.isvSvn());
        if (qeLevel == null) {
            return new TcbEvaluation.Unsupported("QE ISVSVN " + qeReport.isvSvn() + " is below every QE TCB level");
        }
        advisories.addAll(qeLevel.advisoryIds());

        TcbStatus tdxStatus = platform.status().combine(moduleStatus);
        if (report.teeTcbSvn2() != null && relaunchCandidate(sgxLevel.status(), tdxStatus, moduleStatus, qeLevel.status())) {
            TcbInfo.Level latest = info.tcbLevels().get(0);
            byte[] svn2 = report.teeTcbSvn2();
            int major2 = svn2[1] & 0xff;
            int minimumMinor = latest.tdxComponents()[0];
            if (major2 > 0) {
                TcbInfo.ModuleIdentity identity2 = moduleIdentity(info, major2);
                if (identity2 == null || identity2.tcbLevels().isEmpty()) {
                    return new TcbEvaluation.Unsupported("no TDX module identity " + moduleId(major2)
                        + " with TCB levels for TEE_TCB_SVN2");
                }
                minimumMinor = identity2.tcbLevels().get(0).isvSvn();
            }
            if ((svn2[0] & 0xff) >= minimumMinor && (svn2[2] & 0xff) >= latest.tdxComponents()[2]) {
                tdxStatus = sgxLevel.status().needsConfiguration() || tdxStatus.needsConfiguration()
                    ? TcbStatus.TDRelaunchAdvisedConfigurationNeeded : TcbStatus.TDRelaunchAdvised;
            }
        }
        TcbStatus combined = tdxStatus.combine(qeLevel.status());
        return new TcbEvaluation.Status(combined, platform.status(), moduleStatus, qeLevel.status(),
            platform.tcbDate(), List.copyOf(advisories),
            Math.min(info.tcbEvaluationDataNumber(), qe.tcbEvaluationDataNumber()));
    }

    /**
     * Intel's precondition for "relaunch advised": the QE and the SGX side are current enough, and the
     * TDX side is out of date because of the TDX module the TD was launched on.
     */
    private static boolean relaunchCandidate(TcbStatus sgx, TcbStatus tdx, TcbStatus module, TcbStatus qe) {
        boolean qeFine = qe != TcbStatus.OutOfDate && qe != TcbStatus.OutOfDateConfigurationNeeded && qe != TcbStatus.Revoked;
        boolean tdxOutOfDate = tdx == TcbStatus.OutOfDate || tdx == TcbStatus.OutOfDateConfigurationNeeded;
        return qeFine && SGX_RELAUNCHABLE.contains(sgx) && tdxOutOfDate && module == TcbStatus.OutOfDate;
    }

    private static String moduleId(int major) {
        return String.format("TDX_%02X", major);
    }

    private static TcbInfo.ModuleIdentity moduleIdentity(TcbInfo info, int major) {
        String id = moduleId(major);
        return info.tdxModuleIdentities().stream().filter(m -> m.id().equalsIgnoreCase(id)).findFirst().orElse(null);
    }

    private static TcbInfo.IsvLevel isvLevel(List<TcbInfo.IsvLevel> levels, int svn) {
        return levels.stream().filter(l -> svn >= l.isvSvn()).findFirst().orElse(null);
    }

    private static boolean meetsSgx(PckExtension pck, TcbInfo.Level level) {
        for (int i = 0; i < 16; i++) {
            if (pck.sgxTcbComponents()[i] < level.sgxComponents()[i]) {
                return false;
            }
        }
        return pck.pceSvn() >= level.pceSvn();
    }

    private static boolean meetsTdx(byte[] teeTcbSvn, int from, TcbInfo.Level level) {
        for (int i = from; i < 16; i++) {
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
        if (!Arrays.equals(report.seamAttributes(), new byte[report.seamAttributes().length])) {
            return "SEAMATTRIBUTES " + HexFormat.of().formatHex(report.seamAttributes()) + " are not zero";
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
