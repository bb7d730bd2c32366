package io.cocoon4j.enclave;

import static io.cocoon4j.enclave.EvidenceVerifierTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Bad input to the evidence decoder: always a typed rejection with a reason, never anything else. */
class EvidenceCodecTest {

    private static final OperatorAddress OPERATOR = new OperatorAddress(0, new byte[32]);
    private static final byte[] GOOD_SIMULATED =
            EvidenceCodec.encode(SimulatedEnclave.ephemeral("x").evidence(OPERATOR, new byte[0]));

    private static byte[] header(int version, int tee, long length) {
        return ByteBuffer.allocate(10).put("C4JE".getBytes(StandardCharsets.US_ASCII)).put((byte) version)
                .put((byte) tee).putInt((int) length).array();
    }

    @Test
    void roundTripsBothKinds() throws Exception {
        Evidence sim = SimulatedEnclave.ephemeral("x").evidence(OPERATOR, new byte[] {1});
        Evidence tdx = new TdxEvidence(new byte[] {4, 0, 2, 0});
        assertThat(EvidenceCodec.decode(EvidenceCodec.encode(sim))).isEqualTo(sim);
        assertThat(EvidenceCodec.decode(EvidenceCodec.encode(tdx))).isEqualTo(tdx);
    }

    @Test
    void wrongVersionUnknownTeeAndAbsurdLengthsAreNamed() {
        assertReason(() -> EvidenceCodec.decode(header(2, 1, 0)), RejectionReason.UNSUPPORTED_VERSION);
        assertReason(() -> EvidenceCodec.decode(header(1, 0x42, 0)), RejectionReason.UNKNOWN_TEE_TYPE);
        // Claims 4 GiB of payload with none present: rejected without allocating.
        assertReason(() -> EvidenceCodec.decode(header(1, 1, 0xFFFF_FFFFL)), RejectionReason.MALFORMED_EVIDENCE);
        assertReason(() -> EvidenceCodec.decode(header(1, 1, 0)), RejectionReason.MALFORMED_EVIDENCE);
        assertReason(() -> EvidenceCodec.decode(header(1, 0xF0, 0)), RejectionReason.MALFORMED_EVIDENCE);
        assertReason(() -> EvidenceCodec.decode(new byte[EvidenceCodec.MAX_ENCODED_LENGTH + 1]), RejectionReason.MALFORMED_EVIDENCE);
        assertReason(() -> EvidenceCodec.decode("not evidence at all".getBytes(StandardCharsets.US_ASCII)),
                RejectionReason.MALFORMED_EVIDENCE);
        assertReason(() -> EvidenceCodec.decode(null), RejectionReason.MALFORMED_EVIDENCE);
    }

    @Test
    void trailingBytesAreRejected() throws Exception {
        byte[] good = EvidenceCodec.encode(new TdxEvidence(new byte[] {1, 2, 3}));
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertReason(() -> EvidenceCodec.decode(longer), RejectionReason.MALFORMED_EVIDENCE);
    }

    @Property(tries = 300)
    void garbageNeverEscapesAsAnUntypedException(@ForAll @Size(max = 400) byte[] garbage) {
        decodeCleanly(garbage);
    }

    @Property(tries = 300)
    void garbageAfterAValidHeaderIsHandled(@ForAll @Size(max = 300) byte[] payload, @ForAll int tee, @ForAll long length) {
        byte[] h = header(1, tee & 0xFF, length);
        byte[] all = java.util.Arrays.copyOf(h, h.length + payload.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        decodeCleanly(all);
    }

    @Property(tries = 200)
    void everySingleByteCorruptionOfSimulatedEvidenceIsHandled(@ForAll int position, @ForAll byte value) throws Exception {
        byte[] good = GOOD_SIMULATED.clone();
        good[Math.floorMod(position, good.length)] = value;
        decodeCleanly(good);
    }

    private static void decodeCleanly(byte[] bytes) {
        try {
            EvidenceCodec.decode(bytes);
        } catch (AttestationException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            fail("untyped exception escaped", e);
        }
    }
}
