package io.cocoon4j.enclave.dcap.quote;

import java.util.Arrays;

/**
 * A parsed Intel TDX quote, version 4 or 5.
 *
 * <p>Parse with {@link #parse(byte[])}; it reads by the length fields, so trailing padding
 * after the signature data is ignored, and rejects anything else with a {@link QuoteFormatException}.
 *
 * @param header the 48-byte header
 * @param bodyType 2 = TDX 1.0 report, 3 = TDX 1.5 report (v4 quotes are always 2)
 * @param report the TD report
 * @param signedRegion the exact bytes the attestation key signed (header and body, for v5 with the body descriptor)
 * @param signatureData signatures, attestation key, QE report and the PCK chain
 * @param length how many bytes of the input the quote occupies
 */
public record Quote(QuoteHeader header, int bodyType, TdReport report, byte[] signedRegion,
                    QuoteSignatureData signatureData, int length) {

    /** Upper bound on a quote we are willing to look at; real ones are about 5 KB. */
    public static final int MAX_SIZE = 1 << 20;

    public static final int BODY_TDX10 = 2;
    public static final int BODY_TDX15 = 3;

    /**
     * Parses a quote.
     *
     * @throws QuoteFormatException naming the first field that is out of bounds, of a wrong
     *     version, TEE type, key type or body type
     */
    public static Quote parse(byte[] bytes) throws QuoteFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new QuoteFormatException("empty input");
        }
        if (bytes.length > MAX_SIZE) {
            throw new QuoteFormatException("input is " + bytes.length + " bytes, larger than any quote (" + MAX_SIZE + ")");
        }
        LittleEndianReader<QuoteFormatException> r = new LittleEndianReader<>(bytes, QuoteFormatException::new);
        int version = r.u16("header version");
        if (version != 4 && version != 5) {
            throw new QuoteFormatException("quote version " + version + " is not supported (4 or 5)");
        }
        int keyType = r.u16("header attestation key type");
        if (keyType != QuoteHeader.KEY_TYPE_ECDSA_P256) {
            throw new QuoteFormatException("attestation key type " + keyType + " is not supported (2, ECDSA P-256)");
        }
        long teeType = r.u32("header TEE type");
        if (teeType != QuoteHeader.TEE_TYPE_TDX) {
            throw new QuoteFormatException(String.format("TEE type 0x%x is not TDX (0x81)", teeType));
        }
        int qeSvn = r.u16("header QE SVN");
        int pceSvn = r.u16("header PCE SVN");
        QuoteHeader header = new QuoteHeader(version, keyType, teeType, qeSvn, pceSvn,
            r.bytes(16, "header QE vendor id"), r.bytes(20, "header user data"));

        int bodyType = BODY_TDX10;
        long bodySize = TdReport.SIZE_TDX10;
        if (version == 5) {
            bodyType = r.u16("v5 body type");
            bodySize = r.u32("v5 body size");
            long expected = switch (bodyType) {
                case BODY_TDX10 -> TdReport.SIZE_TDX10;
                case BODY_TDX15 -> TdReport.SIZE_TDX15;
                default -> throw new QuoteFormatException("v5 body type " + bodyType
                    + " is not a TD report (2 = TDX 1.0, 3 = TDX 1.5)");
            };
            if (bodySize != expected) {
                throw new QuoteFormatException("v5 body size " + bodySize + " does not match body type "
                    + bodyType + " (" + expected + ")");
            }
        }
        TdReport report = TdReport.read(r.window(bodySize, "TD report"), bodyType == BODY_TDX15);
        int signedEnd = r.position();
        long sigSize = r.u32("signature data size");
        QuoteSignatureData sig = QuoteSignatureData.read(r.window(sigSize, "signature data"));
        return new Quote(header, bodyType, report, Arrays.copyOfRange(bytes, 0, signedEnd), sig, r.position());
    }
}
