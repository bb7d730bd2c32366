package io.cocoon4j.enclave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedEnclaveTest {

    private static final OperatorAddress OPERATOR =
            OperatorAddress.parse("0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8");

    @TempDir
    Path dir;

    @Test
    void stateSurvivesReopeningAndTheSecretIsOwnerOnly() throws Exception {
        SimulatedEnclave first = SimulatedEnclave.open(dir, "img");
        byte[] sealed = first.seal("secret".getBytes(StandardCharsets.UTF_8));
        SimulatedEnclave again = SimulatedEnclave.open(dir, "img");

        assertThat(again.identityKey().rawPublicKey()).isEqualTo(first.identityKey().rawPublicKey());
        assertThat(again.evidenceSignerKey()).isEqualTo(first.evidenceSignerKey());
        assertThat(again.unseal(sealed)).isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SimulatedEnclave.SECRET_FILE))))
                .isEqualTo("rw-------");
        // Identity and signer keys are distinct derivations of the one secret.
        assertThat(first.identityKey().rawPublicKey()).isNotEqualTo(first.evidenceSignerKey());
    }

    @Test
    void anotherEnclaveCannotUnsealAndTamperingIsDetected() throws Exception {
        SimulatedEnclave a = SimulatedEnclave.ephemeral("img");
        SimulatedEnclave b = SimulatedEnclave.ephemeral("img");
        byte[] sealed = a.seal(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> b.unseal(sealed)).isInstanceOf(EnclaveException.class).hasMessageContaining("another enclave");
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> a.unseal(tampered)).isInstanceOf(EnclaveException.class);
        assertThatThrownBy(() -> a.unseal(new byte[] {1, 2})).isInstanceOf(EnclaveException.class).hasMessageContaining("short");
        assertThatThrownBy(() -> a.unseal("garbage garbage garbage garbage garbage".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("magic");
        byte[] newer = sealed.clone();
        newer[4] = 9;
        assertThatThrownBy(() -> a.unseal(newer)).isInstanceOf(EnclaveException.class).hasMessageContaining("version 9");
    }

    @Test
    void corruptSecretFileIsAClearError() throws Exception {
        Files.write(dir.resolve(SimulatedEnclave.SECRET_FILE), new byte[5]);
        assertThatThrownBy(() -> SimulatedEnclave.open(dir, "img"))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("holds 5 bytes");
    }

    @Test
    void evidenceVerifiesOnlyUnderAPolicyThatAllowsSimulation() throws Exception {
        SimulatedEnclave e = SimulatedEnclave.ephemeral("img");
        byte[] nonce = {9, 9};
        Evidence ev = e.evidence(OPERATOR, nonce);
        ReportData expected = ReportData.bind(e.identityKey().rawPublicKey(), OPERATOR, nonce);
        EvidenceVerifier verifier = EvidenceVerifier.simulatedOnly();
        AttestationPolicy allowing = AttestationPolicy.builder().allowSimulated(true).allowMeasurement(e.measurement()).build();

        VerifiedEvidence ok = verifier.verify(ev, expected, allowing, Instant.now());
        assertThat(ok.measurement()).isEqualTo(Measurement.ofSimulatedImage("img"));
        assertThat(ok.teeType()).isEqualTo(TeeType.SIMULATED);

        AttestationPolicy strict = AttestationPolicy.builder().allowMeasurement(e.measurement()).build();
        assertThatThrownBy(() -> verifier.verify(ev, expected, strict, Instant.now()))
                .isInstanceOfSatisfying(AttestationException.class,
                        x -> assertThat(x.reason()).isEqualTo(RejectionReason.SIMULATED_NOT_ALLOWED));
        ReportData otherNonce = ReportData.bind(e.identityKey().rawPublicKey(), OPERATOR, new byte[] {9});
        assertThatThrownBy(() -> verifier.verify(ev, otherNonce, allowing, Instant.now()))
                .isInstanceOfSatisfying(AttestationException.class,
                        x -> assertThat(x.reason()).isEqualTo(RejectionReason.REPORT_DATA_MISMATCH));
    }

    @Test
    void nonceLongerThanAllowedIsRefusedUpFront() {
        SimulatedEnclave e = SimulatedEnclave.ephemeral("img");
        assertThatThrownBy(() -> e.evidence(OPERATOR, new byte[ReportData.MAX_NONCE_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
