package io.cocoon4j.enclave.dcap.collateral;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything needed to evaluate one platform's TCB: the signed TCB info for its FMSPC, the
 * signed QE identity, the PCK CRL, the root CA CRL, and the chain that signed the JSON
 * (TCB signing certificate first; the root is not needed, the verifier supplies its own).
 * Nothing here is trusted yet: the verifier checks every signature, date and chain.
 */
public record Collateral(SignedJson tcbInfoJson, TcbInfo tcbInfo, SignedJson qeIdentityJson, QeIdentity qeIdentity,
                         X509CRL pckCrl, X509CRL rootCrl, List<X509Certificate> signingChain) {

    /**
     * Builds collateral from raw PCS responses.
     *
     * @param tcbInfoResponse body of the TCB info response
     * @param qeIdentityResponse body of the QE identity response
     * @param pckCrl PCK CRL, DER, PEM or hex-encoded DER
     * @param rootCrl root CA CRL, DER, PEM or hex-encoded DER
     * @param signingChain issuer chain of the JSON collateral
     */
    public static Collateral of(byte[] tcbInfoResponse, byte[] qeIdentityResponse, byte[] pckCrl, byte[] rootCrl,
                                List<X509Certificate> signingChain) throws CollateralException {
        SignedJson tcb = SignedJson.parse(tcbInfoResponse, "tcbInfo");
        SignedJson qe = SignedJson.parse(qeIdentityResponse, "enclaveIdentity");
        return new Collateral(tcb, TcbInfo.from(tcb), qe, QeIdentity.from(qe), crl(pckCrl, "PCK CRL"),
            crl(rootCrl, "root CA CRL"), List.copyOf(signingChain));
    }

    /** Parses a CRL in DER, PEM, or hex of DER (PCCS serves the latter). */
    public static X509CRL crl(byte[] bytes, String what) throws CollateralException {
        byte[] der = bytes;
        String text = new String(bytes, StandardCharsets.US_ASCII).trim();
        if (!text.isEmpty() && text.length() % 2 == 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            der = HexFormat.of().parseHex(text);
        }
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new CollateralException(what + " does not parse: " + e.getMessage());
        }
    }
}
