package io.cocoon4j.enclave.dcap.quote;

/**
 * The 48-byte quote header.
 *
 * @param version quote format version (4 or 5)
 * @param attestationKeyType 2 = ECDSA-256 with P-256
 * @param teeType 0x81 = TDX
 * @param qeSvn security version of the quoting enclave (v4 layout; reserved in v5)
 * @param pceSvn security version of the provisioning certification enclave (v4 layout; reserved in v5)
 * @param qeVendorId 16 bytes, Intel's is {@code 939a7233f79c4ca9940a0db3957f0607}
 * @param userData 20 bytes; the first 16 are the platform's QE identity
 */
public record QuoteHeader(int version, int attestationKeyType, long teeType, int qeSvn, int pceSvn,
                          byte[] qeVendorId, byte[] userData) {
    public static final int SIZE = 48;
    public static final long TEE_TYPE_TDX = 0x81;
    public static final int KEY_TYPE_ECDSA_P256 = 2;
    /** The vendor id of Intel's quoting enclave, lower-case hex. */
    public static final String INTEL_QE_VENDOR_ID = "939a7233f79c4ca9940a0db3957f0607";
}
