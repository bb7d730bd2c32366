package io.cocoon4j.enclave;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one binary encoding of {@link Evidence} (inside RA-TLS certificates and wherever evidence
 * travels).
 *
 * <pre>
 * magic   "C4JE" (4 bytes)
 * version 1 (1 byte)
 * tee     TeeType code (1 byte): 0x01 TDX, 0xF0 simulated
 * length  payload length, unsigned 32-bit big-endian
 * payload TDX: the quote bytes (at most MAX_QUOTE_LENGTH)
 *         simulated: measurement (32) ‖ REPORTDATA (64) ‖ signer key (32) ‖ signature (64)
 * </pre>
 *
 * Decoding checks every length against the bytes actually present before allocating, and rejects
 * trailing bytes, so no input can make it allocate more than its own size.
 */
public final class EvidenceCodec {

    /** Current format version. */
    public static final int VERSION = 1;
    /** Upper bound on a TDX quote with its embedded certification data (real ones are ~5-10 KiB). */
    public static final int MAX_QUOTE_LENGTH = 64 * 1024;
    /** Upper bound on any encoded evidence. */
    public static final int MAX_ENCODED_LENGTH = MAX_QUOTE_LENGTH + 10;

    private static final byte[] MAGIC = "C4JE".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 1 + 1 + 4;
    private static final int SIMULATED_PAYLOAD = Measurement.LENGTH + ReportData.LENGTH
            + EnclaveKey.RAW_PUBLIC_KEY_LENGTH + EnclaveKey.SIGNATURE_LENGTH;

    private EvidenceCodec() {
    }

    /** Encodes evidence. */
    public static byte[] encode(Evidence evidence) {
        byte[] payload;
        if (evidence instanceof TdxEvidence tdx) {
            payload = tdx.quote();
        } else if (evidence instanceof SimulatedEvidence sim) {
            payload = ByteBuffer.allocate(SIMULATED_PAYLOAD)
                    .put(sim.measurement().bytes()).put(sim.reportData().bytes())
                    .put(sim.signerKey()).put(sim.signature()).array();
        } else {
            throw new IllegalArgumentException("unknown evidence type " + evidence.getClass());
        }
        return ByteBuffer.allocate(HEADER + payload.length).put(MAGIC).put((byte) VERSION)
                .put((byte) evidence.teeType().code()).putInt(payload.length).put(payload).array();
    }

    /**
     * Decodes evidence.
     *
     * @throws AttestationException with {@link RejectionReason#MALFORMED_EVIDENCE},
     *     {@link RejectionReason#UNSUPPORTED_VERSION} or {@link RejectionReason#UNKNOWN_TEE_TYPE}
     */
    public static Evidence decode(byte[] encoded) throws AttestationException {
        if (encoded == null || encoded.length < HEADER) {
            throw malformed("shorter than the " + HEADER + "-byte header");
        }
        if (encoded.length > MAX_ENCODED_LENGTH) {
            throw malformed(encoded.length + " bytes, more than the " + MAX_ENCODED_LENGTH + " allowed");
        }
        if (!Arrays.equals(encoded, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw malformed("bad magic, not cocoon4j evidence");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded, MAGIC.length, encoded.length - MAGIC.length);
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw new AttestationException(RejectionReason.UNSUPPORTED_VERSION, "evidence format version " + version);
        }
        int code = Byte.toUnsignedInt(in.get());
        TeeType tee = TeeType.ofCode(code).orElseThrow(() ->
                new AttestationException(RejectionReason.UNKNOWN_TEE_TYPE, String.format("TEE type code 0x%02x", code)));
        long length = Integer.toUnsignedLong(in.getInt());
        if (length != in.remaining()) {
            throw malformed("payload length " + length + " but " + in.remaining() + " bytes follow");
        }
        try {
            return switch (tee) {
                case TDX -> decodeTdx(in);
                case SIMULATED -> decodeSimulated(in);
            };
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw malformed(e.getMessage() == null ? "truncated" : e.getMessage());
        }
    }

    private static Evidence decodeTdx(ByteBuffer in) throws AttestationException {
        if (in.remaining() == 0 || in.remaining() > MAX_QUOTE_LENGTH) {
            throw malformed("TDX quote of " + in.remaining() + " bytes");
        }
        byte[] quote = new byte[in.remaining()];
        in.get(quote);
        return new TdxEvidence(quote);
    }

    private static Evidence decodeSimulated(ByteBuffer in) throws AttestationException {
        if (in.remaining() != SIMULATED_PAYLOAD) {
            throw malformed("simulated payload of " + in.remaining() + " bytes, expected " + SIMULATED_PAYLOAD);
        }
        Measurement m = new Measurement(take(in, Measurement.LENGTH));
        ReportData rd = new ReportData(take(in, ReportData.LENGTH));
        return new SimulatedEvidence(m, rd, take(in, EnclaveKey.RAW_PUBLIC_KEY_LENGTH), take(in, EnclaveKey.SIGNATURE_LENGTH));
    }

    private static byte[] take(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static AttestationException malformed(String detail) {
        return new AttestationException(RejectionReason.MALFORMED_EVIDENCE, detail);
    }
}
