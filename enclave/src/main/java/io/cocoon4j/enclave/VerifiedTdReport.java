package io.cocoon4j.enclave;

/**
 * The fields of a TD report that cocoon4j needs, taken from a quote that a {@link TdxQuoteVerifier}
 * has fully verified.
 *
 * @param mrtd MRTD (48 bytes)
 * @param mrConfigId MRCONFIGID (48 bytes)
 * @param mrOwner MROWNER (48 bytes)
 * @param mrOwnerConfig MROWNERCONFIG (48 bytes)
 * @param rtmrs RTMR0..RTMR3 (48 bytes each)
 * @param reportData the quote's REPORTDATA
 */
public record VerifiedTdReport(byte[] mrtd, byte[] mrConfigId, byte[] mrOwner, byte[] mrOwnerConfig, byte[][] rtmrs,
        ReportData reportData) {

    public VerifiedTdReport {
        // Validates every register length once, here, so measurement() cannot fail later.
        Measurement.ofTdx(mrtd, mrConfigId, mrOwner, mrOwnerConfig, rtmrs);
        if (reportData == null) {
            throw new IllegalArgumentException("REPORTDATA is required");
        }
    }

    /** The image hash {@link Measurement#ofTdx} over the registers. */
    public Measurement measurement() {
        return Measurement.ofTdx(mrtd, mrConfigId, mrOwner, mrOwnerConfig, rtmrs);
    }
}
