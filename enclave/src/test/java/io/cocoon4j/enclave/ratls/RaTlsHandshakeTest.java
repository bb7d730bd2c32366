package io.cocoon4j.enclave.ratls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EnclaveKey;
import io.cocoon4j.enclave.Evidence;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.Measurement;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.RejectionReason;
import io.cocoon4j.enclave.ReportData;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.SimulatedEvidence;
import io.cocoon4j.enclave.TeeType;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Real TLS 1.3 handshakes over loopback between RA-TLS contexts backed by simulated enclaves. */
class RaTlsHandshakeTest {

    private static final OperatorAddress OPERATOR =
            OperatorAddress.parse("0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8");
    private static final OperatorAddress OTHER_OPERATOR =
            OperatorAddress.parse("-1:0000000000000000000000000000000000000000000000000000000000000001");

    private final SimulatedEnclave runner = SimulatedEnclave.ephemeral("runner-image-v1");
    private final SimulatedEnclave clientEnclave = SimulatedEnclave.ephemeral("client-image-v1");
    private final EvidenceVerifier verifier = EvidenceVerifier.simulatedOnly();

    private AttestationPolicy.Builder allowing(Measurement... measurements) {
        AttestationPolicy.Builder b = AttestationPolicy.builder().allowSimulated(true);
        for (Measurement m : measurements) {
            b.allowMeasurement(m);
        }
        return b;
    }

    private SSLContext client(AttestationPolicy policy) throws Exception {
        return RaTls.builder().verifyPeers(policy, verifier).build();
    }

    private SSLContext server() throws Exception {
        return RaTls.builder().identity(runner, OPERATOR).build();
    }

    /** Makes evidence for the nonce of a certificate's validity period. */
    interface EvidenceFor {
        Evidence make(byte[] freshnessNonce) throws Exception;
    }

    /** A server presenting a hand-assembled certificate: its key, operator label and evidence chosen by the test. */
    private static SSLContext serverPresenting(EnclaveKey certKey, OperatorAddress label, EvidenceFor evidence)
            throws Exception {
        Instant notBefore = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(Duration.ofHours(12));
        X509Certificate cert = RaTlsCertificate.build(certKey, label,
                evidence.make(RaTlsCertificate.freshnessNonce(notBefore, notAfter)), notBefore, notAfter);
        return RaTls.builder().keyManager(RaTlsKeyManager.fixed(certKey.privateKey(), cert)).build();
    }

    /** Why a client allowing exactly the runner's measurement rejects this server. */
    private RejectionReason rejectionByDefaultClient(SSLContext server) throws Exception {
        return clientRejection(Loopback.connect(server, false, client(allowing(runner.measurement()).build())));
    }

    private static RejectionReason clientRejection(Loopback.Outcome o) {
        assertThat(o.client().ok()).as("client handshake must fail").isFalse();
        assertThat(o.server().ok()).as("server must not get application data").isFalse();
        return Loopback.rejection(o.client().failure()).orElseThrow(() ->
                new AssertionError("no RA-TLS rejection in " + o.client().failure())).reason();
    }

    @Test
    void clientAcceptsAttestedServerAndLearnsItsIdentity() throws Exception {
        Loopback.Outcome o = Loopback.connect(server(), false, client(allowing(runner.measurement()).build()));

        assertThat(o.client().failure()).isNull();
        assertThat(o.client().protocol()).isEqualTo("TLSv1.3");
        assertThat(o.client().echoed()).isEqualTo(42);
        RaTlsPeer peer = o.client().peer().orElseThrow();
        assertThat(peer.identityKey()).isEqualTo(runner.identityKey().rawPublicKey());
        assertThat(peer.operator()).isEqualTo(OPERATOR);
        assertThat(peer.measurement()).isEqualTo(runner.measurement());
        assertThat(peer.teeType()).isEqualTo(TeeType.SIMULATED);
        assertThat(o.server().peer()).as("server did not ask for client attestation").isEmpty();
    }

    @Test
    void aSecondConnectionWithTheSameContextsStillKnowsThePeer() throws Exception {
        SSLContext server = RaTls.builder().identity(runner, OPERATOR)
                .verifyPeers(allowing(clientEnclave.measurement()).build(), verifier).build();
        SSLContext client = RaTls.builder().identity(clientEnclave, OTHER_OPERATOR)
                .verifyPeers(allowing(runner.measurement()).build(), verifier).build();

        // Same server socket, same contexts: the JDK resumes the TLS 1.3 session without re-running
        // the trust manager, and the attested peer must still be known on both sides.
        for (Loopback.Outcome o : Loopback.connectRepeatedly(server, true, client, 3)) {
            assertThat(o.client().failure()).isNull();
            assertThat(o.client().peer().orElseThrow().identityKey()).isEqualTo(runner.identityKey().rawPublicKey());
            assertThat(o.server().peer().orElseThrow().identityKey()).isEqualTo(clientEnclave.identityKey().rawPublicKey());
        }
    }

    @Test
    void serverWithoutEvidenceIsRejected() throws Exception {
        EnclaveKey key = EnclaveKey.generate();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=plain");
        X509Certificate plain = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name,
                key.publicKey()).build(new JcaContentSignerBuilder("Ed25519").build(key.privateKey())));
        SSLContext server = RaTls.builder().keyManager(RaTlsKeyManager.fixed(key.privateKey(), plain)).build();

        assertThat(rejectionByDefaultClient(server)).isEqualTo(RejectionReason.NO_EVIDENCE);
    }

    @Test
    void evidenceForAnotherKeyIsRejected() throws Exception {
        // An attacker copies the runner's genuine evidence into a certificate for its own key.
        SSLContext server = serverPresenting(EnclaveKey.generate(), OPERATOR, nonce -> runner.evidence(OPERATOR, nonce));

        assertThat(rejectionByDefaultClient(server)).isEqualTo(RejectionReason.REPORT_DATA_MISMATCH);
    }

    @Test
    void evidenceForAnotherOperatorIsRejected() throws Exception {
        // Genuine evidence bound to OPERATOR, re-labelled in a certificate as OTHER_OPERATOR's.
        SSLContext server = serverPresenting(runner.identityKey(), OTHER_OPERATOR, nonce -> runner.evidence(OPERATOR, nonce));

        assertThat(rejectionByDefaultClient(server)).isEqualTo(RejectionReason.REPORT_DATA_MISMATCH);
    }

    @Test
    void disallowedMeasurementIsRejected() throws Exception {
        AttestationPolicy onlyOther = allowing(Measurement.ofSimulatedImage("runner-image-v2")).build();

        Loopback.Outcome o = Loopback.connect(server(), false, client(onlyOther));

        assertThat(clientRejection(o)).isEqualTo(RejectionReason.MEASUREMENT_NOT_ALLOWED);
    }

    @Test
    void expiredCertificateIsRejected() throws Exception {
        Clock threeDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(3)), ZoneOffset.UTC);
        SSLContext server = RaTls.builder().identity(runner, OPERATOR).clock(threeDaysAgo).build();

        assertThat(rejectionByDefaultClient(server)).isEqualTo(RejectionReason.CERTIFICATE_EXPIRED);
    }

    @Test
    void certificateFromTheFutureIsRejected() throws Exception {
        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        SSLContext server = RaTls.builder().identity(runner, OPERATOR).clock(tomorrow).build();

        assertThat(rejectionByDefaultClient(server)).isEqualTo(RejectionReason.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void overlyLongValidityIsRejected() throws Exception {
        SSLContext server = RaTls.builder().identity(runner, OPERATOR).validity(Duration.ofDays(30)).build();

        assertThat(rejectionByDefaultClient(server)).isEqualTo(RejectionReason.VALIDITY_TOO_LONG);
    }

    @Test
    void simulatedEnclaveIsRejectedByDefaultPolicy() throws Exception {
        AttestationPolicy strict = AttestationPolicy.builder().allowMeasurement(runner.measurement()).build();

        Loopback.Outcome o = Loopback.connect(server(), false, client(strict));

        assertThat(clientRejection(o)).isEqualTo(RejectionReason.SIMULATED_NOT_ALLOWED);
    }

    @Test
    void unpinnedSimulatedSignerIsRejected() throws Exception {
        AttestationPolicy pinned = allowing(runner.measurement())
                .trustSimulatedSigner(clientEnclave.evidenceSignerKey()).build();

        Loopback.Outcome o = Loopback.connect(server(), false, client(pinned));

        assertThat(clientRejection(o)).isEqualTo(RejectionReason.UNTRUSTED_SIMULATED_SIGNER);
    }

    @Test
    void forgedSimulatedSignatureIsRejected() throws Exception {
        // Claim a different measurement while keeping the genuine signature.
        Measurement claimed = Measurement.ofSimulatedImage("trusted-image");
        SSLContext server = serverPresenting(runner.identityKey(), OPERATOR, nonce -> {
            SimulatedEvidence genuine = (SimulatedEvidence) runner.evidence(OPERATOR, nonce);
            return new SimulatedEvidence(claimed, genuine.reportData(), genuine.signerKey(), genuine.signature());
        });

        Loopback.Outcome o = Loopback.connect(server, false, client(allowing(claimed).build()));

        assertThat(clientRejection(o)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void pinnedIdentityKeyAndOperatorAreEnforced() throws Exception {
        AttestationPolicy wrongKey = allowing(runner.measurement())
                .requireIdentityKey(clientEnclave.identityKey().rawPublicKey()).build();
        AttestationPolicy wrongOperator = allowing(runner.measurement()).requireOperator(OTHER_OPERATOR).build();
        AttestationPolicy right = allowing(runner.measurement())
                .requireIdentityKey(runner.identityKey().rawPublicKey()).requireOperator(OPERATOR).build();

        assertThat(clientRejection(Loopback.connect(server(), false, client(wrongKey))))
                .isEqualTo(RejectionReason.IDENTITY_KEY_MISMATCH);
        assertThat(clientRejection(Loopback.connect(server(), false, client(wrongOperator))))
                .isEqualTo(RejectionReason.OPERATOR_MISMATCH);
        assertThat(Loopback.connect(server(), false, client(right)).client().failure()).isNull();
    }

    @Test
    void mutualRaTlsAttestsBothSides() throws Exception {
        SSLContext server = RaTls.builder().identity(runner, OPERATOR)
                .verifyPeers(allowing(clientEnclave.measurement()).build(), verifier).build();
        SSLContext client = RaTls.builder().identity(clientEnclave, OTHER_OPERATOR)
                .verifyPeers(allowing(runner.measurement()).build(), verifier).build();

        Loopback.Outcome o = Loopback.connect(server, true, client);

        assertThat(o.client().failure()).isNull();
        assertThat(o.server().failure()).isNull();
        assertThat(o.client().peer().orElseThrow().identityKey()).isEqualTo(runner.identityKey().rawPublicKey());
        assertThat(o.server().peer().orElseThrow().identityKey()).isEqualTo(clientEnclave.identityKey().rawPublicKey());
        assertThat(o.server().peer().orElseThrow().operator()).isEqualTo(OTHER_OPERATOR);
        assertThat(o.server().protocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void mutualServerRejectsClientWithoutCertificate() throws Exception {
        SSLContext server = RaTls.builder().identity(runner, OPERATOR)
                .verifyPeers(allowing(clientEnclave.measurement()).build(), verifier).build();

        Loopback.Outcome o = Loopback.connect(server, true, client(allowing(runner.measurement()).build()));

        assertThat(o.server().ok()).isFalse();
        assertThat(o.server().peer()).isEmpty();
        assertThat(o.client().echoed()).isNotEqualTo(42);
    }

    @Test
    void mutualServerRejectsClientWithDisallowedMeasurement() throws Exception {
        SSLContext server = RaTls.builder().identity(runner, OPERATOR)
                .verifyPeers(allowing(Measurement.ofSimulatedImage("some-other-client")).build(), verifier).build();
        SSLContext client = RaTls.builder().identity(clientEnclave, OTHER_OPERATOR)
                .verifyPeers(allowing(runner.measurement()).build(), verifier).build();

        Loopback.Outcome o = Loopback.connect(server, true, client);

        assertThat(o.server().ok()).isFalse();
        assertThat(Loopback.rejection(o.server().failure()).orElseThrow().reason())
                .isEqualTo(RejectionReason.MEASUREMENT_NOT_ALLOWED);
        assertThat(o.client().echoed()).isNotEqualTo(42);
    }

    @Test
    void reportDataBindingIsTheDocumentedSha512() throws Exception {
        byte[] nonce = {1, 2, 3};
        SimulatedEvidence ev = (SimulatedEvidence) runner.evidence(OPERATOR, nonce);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-512");
        sha.update(runner.identityKey().rawPublicKey());
        sha.update(OPERATOR.encode());
        sha.update(nonce);
        assertThat(ev.reportData()).isEqualTo(new ReportData(sha.digest()));
        assertThat(OPERATOR.encode()).hasSize(36);
        assertThat(java.util.Arrays.copyOf(OPERATOR.encode(), 4)).containsExactly(0, 0, 0, 0);
        assertThat(java.util.Arrays.copyOf(OTHER_OPERATOR.encode(), 4)).containsExactly(-1, -1, -1, -1);
    }
}
