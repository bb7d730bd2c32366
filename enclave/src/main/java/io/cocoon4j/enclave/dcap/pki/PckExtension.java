package io.cocoon4j.enclave.dcap.pki;

import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The Intel SGX extension (OID 1.2.840.113741.1.13.1) of a PCK certificate: the platform's
 * FMSPC, PCE id and the TCB the certificate was issued for.
 *
 * @param fmspc 6 bytes, family-model-stepping-platform-custom SKU; selects the TCB info
 * @param pceId 2 bytes
 * @param sgxTcbComponents the 16 SGX TCB component SVNs
 * @param pceSvn the PCE security version
 * @param cpuSvn 16 bytes
 */
public record PckExtension(byte[] fmspc, byte[] pceId, int[] sgxTcbComponents, int pceSvn, byte[] cpuSvn) {
    public static final String SGX_EXTENSION_OID = "1.2.840.113741.1.13.1";

    public String fmspcHex() {
        return HexFormat.of().formatHex(fmspc);
    }

    public String pceIdHex() {
        return HexFormat.of().formatHex(pceId);
    }

    /**
     * Reads the extension from a PCK leaf certificate.
     *
     * @throws IllegalArgumentException with the reason if it is absent or malformed
     */
    public static PckExtension of(X509Certificate cert) {
        byte[] wrapped = cert.getExtensionValue(SGX_EXTENSION_OID);
        if (wrapped == null) {
            throw new IllegalArgumentException("the PCK certificate has no SGX extension");
        }
        try {
            Der.Reader items = new Der.Reader(new Der.Reader(wrapped).expect(Der.OCTET_STRING).content()).sequence();
            byte[] fmspc = null;
            byte[] pceId = null;
            int[] comps = null;
            int pceSvn = -1;
            byte[] cpuSvn = null;
            while (items.hasMore()) {
                Der.Reader item = items.sequence();
                String oid = Der.oid(item.expect(Der.OID).content());
                switch (oid) {
                    case SGX_EXTENSION_OID + ".4" -> fmspc = item.expect(Der.OCTET_STRING).content();
                    case SGX_EXTENSION_OID + ".3" -> pceId = item.expect(Der.OCTET_STRING).content();
                    case SGX_EXTENSION_OID + ".2" -> {
                        Der.Reader tcb = item.sequence();
                        comps = new int[16];
                        java.util.Arrays.fill(comps, -1);
                        while (tcb.hasMore()) {
                            Der.Reader comp = tcb.sequence();
                            String compOid = Der.oid(comp.expect(Der.OID).content());
                            String prefix = SGX_EXTENSION_OID + ".2.";
                            if (!compOid.startsWith(prefix)) {
                                continue;
                            }
                            int idx = Integer.parseInt(compOid.substring(prefix.length()));
                            if (idx >= 1 && idx <= 16) {
                                comps[idx - 1] = svn(comp);
                            } else if (idx == 17) {
                                pceSvn = svn(comp);
                            } else if (idx == 18) {
                                cpuSvn = comp.expect(Der.OCTET_STRING).content();
                            }
                        }
                    }
                    default -> { /* PPID, SGX type, platform-instance fields: not needed for TDX */ }
                }
            }
            if (fmspc == null || fmspc.length != 6) {
                throw new IllegalArgumentException("the SGX extension has no 6-byte FMSPC");
            }
            if (pceId == null || pceId.length != 2) {
                throw new IllegalArgumentException("the SGX extension has no 2-byte PCE id");
            }
            if (comps == null || pceSvn < 0 || java.util.Arrays.stream(comps).anyMatch(c -> c < 0)) {
                throw new IllegalArgumentException("the SGX extension's TCB is incomplete");
            }
            return new PckExtension(fmspc, pceId, comps, pceSvn, cpuSvn == null ? new byte[16] : cpuSvn);
        } catch (Der.DerException | NumberFormatException e) {
            throw new IllegalArgumentException("the SGX extension is malformed: " + e.getMessage());
        }
    }

    private static int svn(Der.Reader comp) throws Der.DerException {
        java.math.BigInteger v = comp.integer();
        if (v.signum() < 0 || v.bitLength() > 16) {
            throw new Der.DerException("SVN out of range");
        }
        return v.intValue();
    }
}
