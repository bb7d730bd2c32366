package io.cocoon4j.enclave.dcap;

import io.cocoon4j.enclave.dcap.collateral.Collateral;
import io.cocoon4j.enclave.dcap.collateral.CollateralException;
import io.cocoon4j.enclave.dcap.collateral.CollateralSource;
import io.cocoon4j.enclave.dcap.collateral.PlatformRef;
import io.cocoon4j.enclave.dcap.pki.IntelPki;
import io.cocoon4j.enclave.dcap.pki.P256;
import io.cocoon4j.enclave.dcap.pki.PckExtension;
import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import io.cocoon4j.enclave.dcap.pki.TrustChain;
import io.cocoon4j.enclave.dcap.quote.Quote;
import io.cocoon4j.enclave.dcap.quote.QuoteFormatException;
import io.cocoon4j.enclave.dcap.quote.QuoteHeader;
import io.cocoon4j.enclave.dcap.quote.QuoteSignatureData;
import io.cocoon4j.enclave.dcap.tcb.TcbEvaluation;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Verifies Intel TDX quotes (v4 and v5, TD report 1.0 and 1.5) in pure Java, the way Intel's
 * DCAP quote verification library does: PCK chain to a pinned root, QE report signed by the
 * PCK key, attestation key bound into the QE report, quote signed by the attestation key, then
 * CRLs, signed TCB info and QE identity (signed by Intel's TCB Signing certificate), the TCB level
 * walk, and a policy. Without collateral a quote is never accepted; a signatures-only check must be
 * asked for by name ({@link #verifySignaturesOnly}).
 *
 * <pre>{@code
 * Verdict v = QuoteVerifier.intel().verify(quoteBytes, new CollateralDirectory(dir), Instant.now(),
 *     QuotePolicy.defaults().withReportData(expected));
 * if (!v.accepted()) throw new SecurityException(v.summary());
 * }</pre>
 *
 * <p>Never throws on bad input: a malformed quote or collateral is a failed check with a reason.
 * Instances are immutable and thread-safe.
 */
public final class QuoteVerifier {
    /** Intel's rule: the PCK leaf's common name contains this phrase. */
    private static final String PCK_CN_PHRASE = "SGX PCK Certificate";

    private final X509Certificate trustedRoot;

    /**
     * A verifier trusting {@code trustedRoot} for PCK chains and collateral. Production code
     * uses {@link #intel()}; tests pass their own root.
     */
    public QuoteVerifier(X509Certificate trustedRoot) {
        this.trustedRoot = Objects.requireNonNull(trustedRoot, "trustedRoot");
    }

    /** A verifier trusting only the Intel SGX Root CA (pinned by SHA-256 fingerprint). */
    public static QuoteVerifier intel() {
        return new QuoteVerifier(IntelPki.sgxRootCa());
    }

    public X509Certificate trustedRoot() {
        return trustedRoot;
    }

    /**
     * Checks chain, signatures and the policy over the TD report only, without collateral, as asked
     * for explicitly: revocation, the TCB status and the QE identity are NOT checked, so the verdict
     * is never {@link Verdict#accepted()}; {@link Verdict#noCheckFailed()} says whether what was
     * checked holds. For inspecting old quotes whose collateral has expired; never for admitting a runner.
     */
    public Verdict verifySignaturesOnly(byte[] quote, Instant at, QuotePolicy policy) {
        return run(quote, null, at, policy, VerificationScope.SIGNATURES_ONLY);
    }

    /** {@link #verifySignaturesOnly(byte[], Instant, QuotePolicy)} under the default policy. */
    public Verdict verifySignaturesOnly(byte[] quote, Instant at) {
        return verifySignaturesOnly(quote, at, QuotePolicy.defaults());
    }

    /**
     * Verifies a quote fully.
     *
     * @param quote the quote bytes; trailing padding is ignored
     * @param collateral where to get TCB info, QE identity and CRLs; null is a failed
     *     {@link CheckId#COLLATERAL} check (the verdict is then never accepted)
     * @param at the verification time (certificates, CRLs and collateral must be valid then)
     * @param policy what is required beyond valid signatures
     * @return every check with its outcome; {@link Verdict#accepted()} when none failed and a TCB status was established
     */
    public Verdict verify(byte[] quote, CollateralSource collateral, Instant at, QuotePolicy policy) {
        return run(quote, collateral, at, policy, VerificationScope.FULL);
    }

    private Verdict run(byte[] quote, CollateralSource collateral, Instant at, QuotePolicy policy,
                        VerificationScope scope) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(policy, "policy");
        CheckList checks = new CheckList();
        Quote q;
        try {
            q = Quote.parse(quote);
        } catch (QuoteFormatException e) {
            checks.fail(CheckId.QUOTE_FORMAT, e.getMessage());
            return new Verdict(scope, checks.list(), Optional.empty(), Optional.empty());
        }
        checks.pass(CheckId.QUOTE_FORMAT, "TDX quote v" + q.header().version() + ", TD report "
            + (q.bodyType() == Quote.BODY_TDX15 ? "1.5" : "1.0") + ", " + q.length() + " bytes"
            + (q.length() < quote.length ? " (+" + (quote.length - q.length()) + " bytes of padding ignored)" : ""));
        String vendor = HexFormat.of().formatHex(q.header().qeVendorId());
        checks.expect(CheckId.QE_VENDOR_ID, vendor.equals(QuoteHeader.INTEL_QE_VENDOR_ID) ? null
            : "QE vendor id " + vendor + " is not Intel's (" + QuoteHeader.INTEL_QE_VENDOR_ID + ")", "Intel's quoting enclave");
        QuoteSignatureData sig = q.signatureData();

        List<X509Certificate> chain = List.of();
        try {
            chain = PemCertificates.parse(sig.pckCertChainPem());
            checks.expect(CheckId.PCK_CHAIN, TrustChain.check(chain, trustedRoot, at).orElse(null),
                chain.get(0).getSubjectX500Principal().getName() + " chained to the trusted root");
        } catch (CertificateException e) {
            checks.fail(CheckId.PCK_CHAIN, "the PCK certificate chain does not parse: " + e.getMessage());
        }

        PckExtension pck = null;
        if (chain.isEmpty()) {
            checks.fail(CheckId.PCK_EXTENSION, "no PCK certificate");
        } else {
            try {
                if (!commonName(chain.get(0)).contains(PCK_CN_PHRASE)) {
                    throw new IllegalArgumentException("the leaf " + chain.get(0).getSubjectX500Principal().getName()
                        + " is not a PCK certificate (its CN lacks \"" + PCK_CN_PHRASE + "\")");
                }
                pck = PckExtension.of(chain.get(0));
                checks.pass(CheckId.PCK_EXTENSION, "FMSPC " + pck.fmspcHex() + ", PCE id " + pck.pceIdHex()
                    + ", PCE SVN " + pck.pceSvn());
            } catch (IllegalArgumentException e) {
                checks.fail(CheckId.PCK_EXTENSION, e.getMessage());
            }
        }

        if (chain.isEmpty()) {
            checks.fail(CheckId.QE_REPORT_SIGNATURE, "no PCK key to check the QE report signature with");
        } else {
            checks.expect(CheckId.QE_REPORT_SIGNATURE,
                P256.verify(chain.get(0).getPublicKey(), sig.qeReport().raw(), sig.qeReportSignature()) ? null
                    : "the QE report signature does not verify with the PCK key", "signed by the PCK key");
        }

        byte[] expected = sha256(sig.attestationKey(), sig.qeAuthData());
        byte[] reportData = sig.qeReport().reportData();
        boolean bound = Arrays.equals(Arrays.copyOfRange(reportData, 0, 32), expected)
            && Arrays.equals(Arrays.copyOfRange(reportData, 32, 64), new byte[32]);
        checks.expect(CheckId.QE_REPORT_BINDING, bound ? null
                : "QE report data is not SHA-256(attestation key || QE auth data) || 0^32",
            "QE report data binds the attestation key and " + sig.qeAuthData().length + " bytes of QE auth data");

        try {
            PublicKey attestationKey = P256.publicKey(sig.attestationKey());
            checks.expect(CheckId.QUOTE_SIGNATURE, P256.verify(attestationKey, q.signedRegion(), sig.quoteSignature())
                ? null : "the quote signature does not verify with the attestation key",
                "header and TD report signed by the attestation key");
        } catch (GeneralSecurityException e) {
            checks.fail(CheckId.QUOTE_SIGNATURE, "attestation key: " + e.getMessage());
        }

        Optional<TcbEvaluation.Status> tcb = Optional.empty();
        String noTcb;
        if (scope == VerificationScope.SIGNATURES_ONLY) {
            noTcb = "signatures-only verification: not checked";
            checks.skip(CheckId.COLLATERAL, noTcb);
            skipCollateral(checks, noTcb);
        } else if (collateral == null) {
            checks.fail(CheckId.COLLATERAL, "no collateral given: without TCB info, QE identity and CRLs the PCK "
                + "certificate's revocation, the TCB status and the QE identity cannot be checked");
            noTcb = "no collateral given: TCB status not evaluated";
            skipCollateral(checks, noTcb);
        } else if (pck == null) {
            noTcb = "no FMSPC to select collateral by";
            checks.fail(CheckId.COLLATERAL, noTcb);
        } else {
            Collateral c = null;
            try {
                String ca = chain.size() > 1 && chain.get(1).getSubjectX500Principal().getName().contains("Processor")
                    ? PlatformRef.PROCESSOR_CA : PlatformRef.PLATFORM_CA;
                c = collateral.forPlatform(new PlatformRef(pck.fmspcHex(), ca), at);
            } catch (CollateralException | RuntimeException e) {
                checks.fail(CheckId.COLLATERAL, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            if (c != null) {
                checks.pass(CheckId.COLLATERAL, "TCB info for FMSPC " + c.tcbInfo().fmspc()
                    + ", evaluation data number " + c.tcbInfo().tcbEvaluationDataNumber());
                tcb = CollateralChecks.run(q, chain, pck, c, trustedRoot, at, checks);
            }
            noTcb = "TCB status could not be established";
        }
        PolicyChecks.run(policy, q.report(), tcb, noTcb, checks);
        return new Verdict(scope, checks.list(), Optional.of(q), tcb);
    }

    private static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return "";
        }
        return "";
    }

    private static void skipCollateral(CheckList checks, String reason) {
        for (CheckId id : List.of(CheckId.COLLATERAL_CHAIN, CheckId.COLLATERAL_SIGNER, CheckId.ROOT_CRL, CheckId.PCK_CRL,
            CheckId.TCB_INFO_SIGNATURE, CheckId.TCB_INFO_VALIDITY, CheckId.TCB_INFO_FMSPC,
            CheckId.QE_IDENTITY_SIGNATURE, CheckId.QE_IDENTITY_VALIDITY, CheckId.TCB_STATUS)) {
            checks.skip(id, reason);
        }
    }

    private static byte[] sha256(byte[] a, byte[] b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(a);
            md.update(b);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
