package io.cocoon4j.enclave.dcap;

import io.cocoon4j.enclave.dcap.collateral.Collateral;
import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import io.cocoon4j.enclave.dcap.pki.P256;
import io.cocoon4j.enclave.dcap.pki.PckExtension;
import io.cocoon4j.enclave.dcap.pki.TcbSigningRole;
import io.cocoon4j.enclave.dcap.pki.TrustChain;
import io.cocoon4j.enclave.dcap.quote.Quote;
import io.cocoon4j.enclave.dcap.tcb.TcbEvaluation;
import io.cocoon4j.enclave.dcap.tcb.TcbEvaluator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The collateral half of a verification: CRLs, signed JSON, validity windows and the TCB level walk. */
final class CollateralChecks {
    private CollateralChecks() {}

    /** Runs every collateral check; returns the TCB status if one could be trusted. */
    static Optional<TcbEvaluation.Status> run(Quote quote, List<X509Certificate> pckChain, PckExtension pck,
                                              Collateral c, X509Certificate root, Instant at, CheckList checks) {
        Optional<String> chainFailure = TrustChain.check(c.signingChain(), root, at);
        boolean ok = checks.expect(CheckId.COLLATERAL_CHAIN, chainFailure.orElse(null),
            "signed by " + c.signingChain().get(0).getSubjectX500Principal().getName() + ", chained to the trusted root");
        ok &= checks.expect(CheckId.COLLATERAL_SIGNER, TcbSigningRole.check(c.signingChain(), root).orElse(null),
            "the TCB Signing certificate, issued by the trusted root");

        X509Certificate signer = c.signingChain().get(0);
        List<X509Certificate> rootIssued = new ArrayList<>();
        rootIssued.add(signer);
        if (pckChain.size() > 1) {
            rootIssued.add(pckChain.get(1));
        }
        ok &= checks.expect(CheckId.ROOT_CRL, TrustChain.checkCrl(c.rootCrl(), root, at, rootIssued).orElse(null),
            "current, signed by the root, revokes neither the PCK CA nor the collateral signer");
        if (pckChain.size() > 1) {
            ok &= checks.expect(CheckId.PCK_CRL,
                TrustChain.checkCrl(c.pckCrl(), pckChain.get(1), at, List.of(pckChain.get(0))).orElse(null),
                "current, signed by the PCK CA, does not revoke the PCK certificate");
        } else {
            ok &= checks.fail(CheckId.PCK_CRL, "the quote's PCK chain has no issuing CA to check the CRL against");
        }

        ok &= checks.expect(CheckId.TCB_INFO_SIGNATURE,
            P256.verifyRecurring(signer.getPublicKey(), c.tcbInfoJson().signedBytes(), c.tcbInfoJson().signature()) ? null
                : "the signature does not cover the tcbInfo bytes", "valid over the exact tcbInfo bytes");
        ok &= checks.expect(CheckId.TCB_INFO_VALIDITY, window(c.tcbInfo().issueDate(), c.tcbInfo().nextUpdate(), at),
            "issued " + c.tcbInfo().issueDate() + ", next update " + c.tcbInfo().nextUpdate());
        boolean fmspcOk = c.tcbInfo().fmspc().equalsIgnoreCase(pck.fmspcHex())
            && c.tcbInfo().pceId().equalsIgnoreCase(pck.pceIdHex());
        ok &= checks.expect(CheckId.TCB_INFO_FMSPC, fmspcOk ? null : "TCB info is for FMSPC " + c.tcbInfo().fmspc()
            + " PCE " + c.tcbInfo().pceId() + ", the PCK certificate says " + pck.fmspcHex() + " PCE " + pck.pceIdHex(),
            "FMSPC " + pck.fmspcHex() + ", PCE id " + pck.pceIdHex());
        ok &= checks.expect(CheckId.QE_IDENTITY_SIGNATURE,
            P256.verifyRecurring(signer.getPublicKey(), c.qeIdentityJson().signedBytes(), c.qeIdentityJson().signature()) ? null
                : "the signature does not cover the enclaveIdentity bytes", "valid over the exact enclaveIdentity bytes");
        ok &= checks.expect(CheckId.QE_IDENTITY_VALIDITY,
            window(c.qeIdentity().issueDate(), c.qeIdentity().nextUpdate(), at),
            "issued " + c.qeIdentity().issueDate() + ", next update " + c.qeIdentity().nextUpdate());

        TcbEvaluation evaluation = TcbEvaluator.evaluate(c.tcbInfo(), c.qeIdentity(), pck, quote.report(),
            quote.signatureData().qeReport());
        if (evaluation instanceof TcbEvaluation.Unsupported u) {
            checks.fail(CheckId.TCB_STATUS, u.reason());
            return Optional.empty();
        }
        TcbEvaluation.Status status = (TcbEvaluation.Status) evaluation;
        String detail = status.status() + " (platform " + status.platformStatus() + ", TDX module "
            + status.moduleStatus() + ", QE " + status.qeStatus() + ", TCB date " + status.tcbDate() + ")"
            + (status.advisoryIds().isEmpty() ? "" : ", advisories " + String.join(" ", status.advisoryIds()));
        if (!ok) {
            // The walk ran on collateral we could not trust: report it, but never as a status.
            checks.fail(CheckId.TCB_STATUS, "collateral failed its checks; untrusted walk gave " + detail);
            return Optional.empty();
        }
        if (status.status() == TcbStatus.Revoked) {
            checks.fail(CheckId.TCB_STATUS, detail);
        } else {
            checks.pass(CheckId.TCB_STATUS, detail);
        }
        return Optional.of(status);
    }

    private static String window(Instant issued, Instant nextUpdate, Instant at) {
        if (at.isBefore(issued)) {
            return "not valid before its issueDate " + issued + " (verification time " + at + ")";
        }
        if (at.isAfter(nextUpdate)) {
            return "expired: nextUpdate " + nextUpdate + " is before the verification time " + at;
        }
        return null;
    }
}
