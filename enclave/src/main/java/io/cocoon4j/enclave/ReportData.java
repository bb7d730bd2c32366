package io.cocoon4j.enclave;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 64 bytes an enclave asks its TEE to sign into the evidence (TDX REPORTDATA).
 *
 * <p>cocoon4j binds three things: {@code SHA-512(identityKey ‖ operatorAddress ‖ nonce)} where
 * {@code identityKey} is the 32-byte raw Ed25519 public key, {@code operatorAddress} the 36-byte
 * {@link OperatorAddress#encode() encoding}, and {@code nonce} 0 to {@value #MAX_NONCE_LENGTH}
 * bytes chosen by the verifier (or derived from the certificate validity in RA-TLS). The first two
 * parts have fixed lengths, so the concatenation is unambiguous.
 *
 * @param bytes exactly 64 bytes
 */
public record ReportData(byte[] bytes) {

    /** Size of REPORTDATA in a TDX quote. */
    public static final int LENGTH = 64;
    /** Longest nonce accepted; keeps every input to the binding bounded. */
    public static final int MAX_NONCE_LENGTH = 64;

    public ReportData {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("REPORTDATA is 64 bytes");
        }
        bytes = bytes.clone();
    }

    /**
     * Computes the binding described in the class comment.
     *
     * @throws IllegalArgumentException if the key is not 32 bytes or the nonce is too long
     */
    public static ReportData bind(byte[] identityKey, OperatorAddress operator, byte[] nonce) {
        if (identityKey == null || identityKey.length != EnclaveKey.RAW_PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 identity key is 32 bytes");
        }
        if (nonce == null || nonce.length > MAX_NONCE_LENGTH) {
            throw new IllegalArgumentException("a nonce is at most " + MAX_NONCE_LENGTH + " bytes");
        }
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            sha512.update(identityKey);
            sha512.update(operator.encode());
            sha512.update(nonce);
            return new ReportData(sha512.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Constant-time comparison. */
    public boolean matches(ReportData other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportData other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
