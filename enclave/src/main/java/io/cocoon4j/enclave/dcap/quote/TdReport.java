package io.cocoon4j.enclave.dcap.quote;

import java.util.List;

/**
 * The TD report inside a quote: TDX 1.0 (584 bytes) or TDX 1.5 (648 bytes, adds
 * {@code teeTcbSvn2} and {@code mrServiceTd}, both {@code null} for 1.0). Measurement registers
 * are 48 bytes (SHA-384), {@code reportData} is 64 bytes.
 */
public record TdReport(byte[] teeTcbSvn, byte[] mrSeam, byte[] mrSignerSeam, byte[] seamAttributes,
                       byte[] tdAttributes, byte[] xfam, byte[] mrTd, byte[] mrConfigId, byte[] mrOwner,
                       byte[] mrOwnerConfig, List<byte[]> rtmrs, byte[] reportData,
                       byte[] teeTcbSvn2, byte[] mrServiceTd) {
    public static final int SIZE_TDX10 = 584;
    public static final int SIZE_TDX15 = 648;

    /** TDATTRIBUTES bit 0: the TD runs in debug mode and its memory is readable by the host. */
    public boolean debug() {
        return (tdAttributes[0] & 1) != 0;
    }

    public byte[] rtmr(int index) {
        return rtmrs.get(index);
    }

    /**
     * The image hash: SHA-256 over MRTD ‖ MRCONFIGID ‖ MROWNER ‖ MROWNERCONFIG ‖ RTMR0 ‖ RTMR1 ‖
     * RTMR2 ‖ RTMR3, one value a policy (or the on-chain registry) can pin for a whole TD image.
     */
    public byte[] imageHash() {
        return imageHash(mrTd, mrConfigId, mrOwner, mrOwnerConfig, rtmrs);
    }

    /**
     * The image hash of {@link #imageHash()} over registers given one by one: the single definition
     * that {@link io.cocoon4j.enclave.Measurement#ofTdx} uses as well, so policies and registrations agree.
     */
    public static byte[] imageHash(byte[] mrTd, byte[] mrConfigId, byte[] mrOwner, byte[] mrOwnerConfig,
                                   List<byte[]> rtmrs) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(mrTd);
            md.update(mrConfigId);
            md.update(mrOwner);
            md.update(mrOwnerConfig);
            rtmrs.forEach(md::update);
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static TdReport read(LittleEndianReader<QuoteFormatException> r, boolean tdx15) throws QuoteFormatException {
        byte[] teeTcbSvn = r.bytes(16, "TD report TEE_TCB_SVN");
        byte[] mrSeam = r.bytes(48, "TD report MRSEAM");
        byte[] mrSignerSeam = r.bytes(48, "TD report MRSIGNERSEAM");
        byte[] seamAttributes = r.bytes(8, "TD report SEAMATTRIBUTES");
        byte[] tdAttributes = r.bytes(8, "TD report TDATTRIBUTES");
        byte[] xfam = r.bytes(8, "TD report XFAM");
        byte[] mrTd = r.bytes(48, "TD report MRTD");
        byte[] mrConfigId = r.bytes(48, "TD report MRCONFIGID");
        byte[] mrOwner = r.bytes(48, "TD report MROWNER");
        byte[] mrOwnerConfig = r.bytes(48, "TD report MROWNERCONFIG");
        List<byte[]> rtmrs = List.of(r.bytes(48, "TD report RTMR0"), r.bytes(48, "TD report RTMR1"),
            r.bytes(48, "TD report RTMR2"), r.bytes(48, "TD report RTMR3"));
        byte[] reportData = r.bytes(64, "TD report REPORTDATA");
        byte[] teeTcbSvn2 = tdx15 ? r.bytes(16, "TD report TEE_TCB_SVN2") : null;
        byte[] mrServiceTd = tdx15 ? r.bytes(48, "TD report MRSERVICETD") : null;
        return new TdReport(teeTcbSvn, mrSeam, mrSignerSeam, seamAttributes, tdAttributes, xfam, mrTd,
            mrConfigId, mrOwner, mrOwnerConfig, rtmrs, reportData, teeTcbSvn2, mrServiceTd);
    }
}
