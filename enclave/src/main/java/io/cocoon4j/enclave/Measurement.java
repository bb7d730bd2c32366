package io.cocoon4j.enclave;

import io.cocoon4j.enclave.dcap.quote.TdReport;
import io.cocoon4j.protocol.Hash32;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The 32-byte hash naming the code an enclave runs: what the root contract allow-lists and what an
 * {@link AttestationPolicy} accepts.
 *
 * <p>For TDX it is the image hash {@code SHA-256(MRTD ‖ MRCONFIGID ‖ MROWNER ‖ MROWNERCONFIG ‖
 * RTMR0 ‖ RTMR1 ‖ RTMR2 ‖ RTMR3)} (each 48 bytes, as in the TD report), see {@link #ofTdx}. For the
 * simulated enclave it is {@code SHA-256("cocoon4j-simulated-image:" ‖ name)}, see
 * {@link #ofSimulatedImage}; no production root contract allow-lists such a value.
 *
 * @param value the 32 bytes
 */
public record Measurement(Hash32 value) {

    /** Length of a measurement. */
    public static final int LENGTH = 32;
    private static final int TDX_REGISTER_LENGTH = 48;

    public Measurement {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A measurement of exactly 32 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
     */
    public Measurement(byte[] bytes) {
        this(checked(bytes));
    }

    private static Hash32 checked(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a measurement is 32 bytes");
        }
        return Hash32.of(bytes);
    }

    /**
     * Parses 64 hex digits.
     *
     * @throws IllegalArgumentException if the text is not 32 bytes of hex
     */
    public static Measurement ofHex(String hex) {
        return new Measurement(HexFormat.of().parseHex(hex.strip()));
    }

    /**
     * The TDX image hash over the TD report's measurement registers.
     *
     * @param rtmrs exactly four runtime measurement registers, RTMR0 first
     * @throws IllegalArgumentException if any register is not 48 bytes
     */
    public static Measurement ofTdx(byte[] mrtd, byte[] mrConfigId, byte[] mrOwner, byte[] mrOwnerConfig, byte[][] rtmrs) {
        if (rtmrs == null || rtmrs.length != 4) {
            throw new IllegalArgumentException("a TD report has four RTMRs");
        }
        for (byte[] register : new byte[][] {mrtd, mrConfigId, mrOwner, mrOwnerConfig, rtmrs[0], rtmrs[1], rtmrs[2], rtmrs[3]}) {
            if (register == null || register.length != TDX_REGISTER_LENGTH) {
                throw new IllegalArgumentException("TDX measurement registers are 48 bytes");
            }
        }
        return new Measurement(TdReport.imageHash(mrtd, mrConfigId, mrOwner, mrOwnerConfig, List.of(rtmrs)));
    }

    /** The measurement a {@link SimulatedEnclave} reports for an image name. */
    public static Measurement ofSimulatedImage(String imageName) {
        return new Measurement(sha256().digest(("cocoon4j-simulated-image:" + imageName).getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return value.bytes();
    }

    /** Lower-case hex. */
    public String hex() {
        return value.hex();
    }

    @Override
    public String toString() {
        return hex();
    }
}
