package io.cocoon4j.enclave.dcap.quote;

/**
 * The ECDSA quote signature data (type 6 certification data: QE report certification data).
 *
 * @param quoteSignature 64 bytes raw r‖s over the quote's signed region, by {@code attestationKey}
 * @param attestationKey 64 bytes raw x‖y of the P-256 attestation key
 * @param qeReport the quoting enclave's report, signed by the PCK key
 * @param qeReportSignature 64 bytes raw r‖s over {@code qeReport.raw()}
 * @param qeAuthData bytes hashed with the attestation key into the QE report data
 * @param pckCertChainPem the PCK certificate chain (type 5 certification data), PEM, leaf first
 */
public record QuoteSignatureData(byte[] quoteSignature, byte[] attestationKey, EnclaveReport qeReport,
                                 byte[] qeReportSignature, byte[] qeAuthData, byte[] pckCertChainPem) {
    static final int CERT_DATA_QE_REPORT = 6;
    static final int CERT_DATA_PCK_CHAIN_PEM = 5;

    static QuoteSignatureData read(LittleEndianReader<QuoteFormatException> r) throws QuoteFormatException {
        byte[] quoteSignature = r.bytes(64, "quote signature");
        byte[] attestationKey = r.bytes(64, "attestation key");
        int outerType = r.u16("certification data type");
        if (outerType != CERT_DATA_QE_REPORT) {
            throw new QuoteFormatException("certification data type " + outerType
                + " is not supported (expected 6, QE report certification data)");
        }
        LittleEndianReader<QuoteFormatException> outer = r.window(r.u32("certification data size"), "certification data");
        EnclaveReport qeReport = EnclaveReport.read(outer);
        byte[] qeReportSignature = outer.bytes(64, "QE report signature");
        byte[] qeAuthData = outer.bytes(outer.u16("QE auth data size"), "QE auth data");
        int innerType = outer.u16("PCK certification data type");
        if (innerType != CERT_DATA_PCK_CHAIN_PEM) {
            throw new QuoteFormatException("PCK certification data type " + innerType
                + " is not supported (expected 5, PCK certificate chain)");
        }
        byte[] chain = outer.bytes(outer.u32("PCK certification data size"), "PCK certificate chain");
        // Sizes nest exactly; slack would let a length field change without anything noticing.
        if (outer.remaining() != 0) {
            throw new QuoteFormatException(outer.remaining() + " bytes of certification data follow the PCK certificate chain");
        }
        if (r.remaining() != 0) {
            throw new QuoteFormatException(r.remaining() + " bytes of signature data follow the certification data");
        }
        return new QuoteSignatureData(quoteSignature, attestationKey, qeReport, qeReportSignature, qeAuthData, chain);
    }
}
