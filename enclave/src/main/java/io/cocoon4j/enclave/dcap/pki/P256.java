package io.cocoon4j.enclave.dcap.pki;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/** ECDSA P-256 with SHA-256 in the raw formats DCAP uses: keys as x‖y, signatures as r‖s. */
public final class P256 {
    private static final ECParameterSpec CURVE;

    static {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            CURVE = params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private P256() {}

    /**
     * The public key for 64 raw bytes x‖y.
     *
     * @throws GeneralSecurityException if the length is wrong or the point is not on the curve
     */
    public static PublicKey publicKey(byte[] xy) throws GeneralSecurityException {
        if (xy == null || xy.length != 64) {
            throw new GeneralSecurityException("a raw P-256 key is 64 bytes");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(xy, 0, 32));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(xy, 32, 64));
        BigInteger p = ((java.security.spec.ECFieldFp) CURVE.getCurve().getField()).getP();
        // y² = x³ + ax + b (mod p); the JDK does not check this for us on every path.
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.pow(3).add(CURVE.getCurve().getA().multiply(x)).add(CURVE.getCurve().getB()).mod(p);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || !lhs.equals(rhs)) {
            throw new GeneralSecurityException("the point is not on P-256");
        }
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), CURVE));
    }

    /** The raw x‖y encoding of a P-256 public key. */
    public static byte[] raw(ECPublicKey key) {
        byte[] out = new byte[64];
        copyUnsigned(key.getW().getAffineX(), out, 0);
        copyUnsigned(key.getW().getAffineY(), out, 32);
        return out;
    }

    /** Whether {@code rs} (64 bytes r‖s) is a valid SHA-256 ECDSA signature of {@code data} by {@code key}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] rs) {
        if (rs == null || rs.length != 64) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initVerify(key);
            s.update(data);
            return s.verify(rs);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Like {@link #verify} for objects that recur across verifications (signed collateral):
     * a signature that verified once is remembered, keyed by SHA-256 over key, data and signature.
     */
    public static boolean verifyRecurring(PublicKey key, byte[] data, byte[] rs) {
        if (rs == null || rs.length != 64) {
            return false;
        }
        byte[] signed = new byte[data.length + 64];
        System.arraycopy(data, 0, signed, 0, data.length);
        System.arraycopy(rs, 0, signed, data.length, 64);
        try {
            SignatureMemo.verify("raw", key, signed, () -> {
                if (!verify(key, data, rs)) {
                    throw new java.security.SignatureException("bad signature");
                }
            });
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Converts a DER ECDSA signature (what the JDK's signers produce) to raw r‖s. */
    public static byte[] rawSignature(byte[] der) throws GeneralSecurityException {
        try {
            Der.Reader seq = new Der.Reader(der).sequence();
            byte[] out = new byte[64];
            copyUnsigned(seq.integer(), out, 0);
            copyUnsigned(seq.integer(), out, 32);
            return out;
        } catch (Der.DerException e) {
            throw new GeneralSecurityException("not a DER ECDSA signature: " + e.getMessage());
        }
    }

    private static void copyUnsigned(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, off + 32 - len, len);
    }
}
