package io.cocoon4j.enclave.ratls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.cocoon4j.enclave.AttestationException;
import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.RejectionReason;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.TdxEvidence;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class RaTlsExtensionTest {

    private static final OperatorAddress OPERATOR = new OperatorAddress(0, new byte[32]);

    private static RejectionReason reasonOf(byte[] value) {
        try {
            RaTlsExtension.decode(value);
            return null;
        } catch (AttestationException e) {
            return e.reason();
        }
    }

    @Test
    void roundTripsAndNamesBadVersionsAndLengths() throws Exception {
        TdxEvidence ev = new TdxEvidence(new byte[] {1, 2, 3});
        RaTlsExtension.Claims claims = RaTlsExtension.decode(RaTlsExtension.encode(OPERATOR, ev));
        assertThat(claims.operator()).isEqualTo(OPERATOR);
        assertThat(claims.evidence()).isEqualTo(ev);

        byte[] v2 = new DERSequence(new ASN1Encodable[] {new ASN1Integer(2), new DEROctetString(OPERATOR.encode()),
            new DEROctetString(new byte[10])}).getEncoded();
        assertThat(reasonOf(v2)).isEqualTo(RejectionReason.UNSUPPORTED_VERSION);
        byte[] shortOperator = new DERSequence(new ASN1Encodable[] {new ASN1Integer(1), new DEROctetString(new byte[35]),
            new DEROctetString(new byte[10])}).getEncoded();
        assertThat(reasonOf(shortOperator)).isEqualTo(RejectionReason.MALFORMED_EVIDENCE);
        // An OCTET STRING header claiming 2^31 bytes: must not allocate, must be a clean rejection.
        byte[] absurd = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x01};
        assertThat(reasonOf(absurd)).isEqualTo(RejectionReason.MALFORMED_EVIDENCE);
        assertThat(reasonOf(new byte[0])).isEqualTo(RejectionReason.MALFORMED_EVIDENCE);
    }

    @Property(tries = 300)
    void garbageExtensionsAreTypedRejections(@ForAll @Size(max = 300) byte[] garbage) {
        try {
            RaTlsExtension.decode(garbage);
        } catch (AttestationException e) {
            assertThat(e.reason()).isNotNull();
        } catch (RuntimeException e) {
            fail("untyped exception escaped", e);
        }
    }

    @Test
    void nonEd25519OrChainedCertificatesAreInvalid() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair ec = g.generateKeyPair();
        Instant now = Instant.now();
        X500Name n = new X500Name("CN=ec");
        X509Certificate ecCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(n,
                BigInteger.TEN, Date.from(now.minusSeconds(10)), Date.from(now.plusSeconds(100)), n, ec.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ec.getPrivate())));
        RaTlsTrustManager tm = new RaTlsTrustManager(AttestationPolicy.builder().allowSimulated(true).build(),
                EvidenceVerifier.simulatedOnly(), Clock.systemUTC());
        assertThatThrownBy(() -> tm.verify(new X509Certificate[] {ecCert}))
                .isInstanceOfSatisfying(RaTlsRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CERTIFICATE_INVALID));

        SimulatedEnclave enclave = SimulatedEnclave.ephemeral("img");
        X509Certificate good = RaTlsCertificate.issue(enclave, OPERATOR, now, Duration.ofHours(1));
        assertThatThrownBy(() -> tm.verify(new X509Certificate[] {good, good}))
                .isInstanceOfSatisfying(RaTlsRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.CERTIFICATE_INVALID));
        assertThatThrownBy(() -> tm.verify(null)).isInstanceOf(RaTlsRejectedException.class);
        assertThat(good.getCriticalExtensionOIDs()).contains(RaTlsExtension.OID);
    }

    @Test
    void keyManagerRenewsCertificatesNearExpiry() throws Exception {
        SimulatedEnclave enclave = SimulatedEnclave.ephemeral("img");
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        RaTlsKeyManager km = RaTlsKeyManager.forEnclave(enclave, OPERATOR, clock, Duration.ofDays(1));
        X509Certificate first = km.certificate();
        now[0] = now[0].plus(Duration.ofHours(12));
        assertThat(km.certificate()).isSameAs(first);
        now[0] = now[0].plus(Duration.ofHours(7));
        X509Certificate renewed = km.certificate();
        assertThat(renewed).isNotEqualTo(first);
        assertThat(renewed.getNotAfter()).isAfter(first.getNotAfter());
        new RaTlsTrustManager(AttestationPolicy.builder().allowSimulated(true).allowMeasurement(enclave.measurement()).build(),
                EvidenceVerifier.simulatedOnly(), clock).verify(new X509Certificate[] {renewed});
    }
}
