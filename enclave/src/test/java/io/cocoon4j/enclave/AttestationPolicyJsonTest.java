package io.cocoon4j.enclave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AttestationPolicyJsonTest {

    private static final String M = "ab".repeat(32);
    private static final String K = "cd".repeat(32);

    @Test
    void readsEveryField() {
        AttestationPolicy p = AttestationPolicy.fromJson("{\"allowed_measurements\":[\"" + M + "\"],"
                + "\"allow_simulated\":true,\"trusted_simulated_signers\":[\"" + K + "\"],"
                + "\"max_certificate_validity_seconds\":3600,\"required_identity_key\":\"" + K + "\","
                + "\"required_operator\":\"0:" + "11".repeat(32) + "\"}");
        assertThat(p.allows(Measurement.ofHex(M))).isTrue();
        assertThat(p.allows(Measurement.ofHex(K))).isFalse();
        assertThat(p.allowSimulated()).isTrue();
        assertThat(p.trustsSimulatedSigner(java.util.HexFormat.of().parseHex(K))).isTrue();
        assertThat(p.trustsSimulatedSigner(java.util.HexFormat.of().parseHex(M))).isFalse();
        assertThat(p.maxCertificateValidity()).isEqualTo(Duration.ofHours(1));
        assertThat(p.requiredIdentityKey()).isPresent();
        assertThat(p.requiredOperator().orElseThrow().workchain()).isZero();
    }

    @Test
    void emptyObjectIsTheStrictDefault() {
        AttestationPolicy p = AttestationPolicy.fromJson("{}");
        assertThat(p.allowSimulated()).isFalse();
        assertThat(p.allowedMeasurements()).isEmpty();
        assertThat(p.maxCertificateValidity()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> AttestationPolicy.fromJson("{\"allow_simulted\":true}")).hasMessageContaining("allow_simulted");
        assertThatThrownBy(() -> AttestationPolicy.fromJson("{\"allow_simulated\":\"yes\"}")).hasMessageContaining("allow_simulated");
        assertThatThrownBy(() -> AttestationPolicy.fromJson("{\"allowed_measurements\":[\"abc\"]}"))
                .hasMessageContaining("allowed_measurements");
        assertThatThrownBy(() -> AttestationPolicy.fromJson("{\"allowed_measurements\":\"" + M + "\"}"))
                .hasMessageContaining("array");
        assertThatThrownBy(() -> AttestationPolicy.fromJson("{\"max_certificate_validity_seconds\":-1}"))
                .hasMessageContaining("max_certificate_validity_seconds");
        assertThatThrownBy(() -> AttestationPolicy.fromJson("{\"required_operator\":\"nowhere\"}"))
                .hasMessageContaining("not a TON address");
        assertThatThrownBy(() -> AttestationPolicy.fromJson("{\"allow_simulated\":true,\"allow_simulated\":false}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttestationPolicy.fromJson("{} {}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void garbageIsAnIllegalArgument(@ForAll String garbage) {
        try {
            AttestationPolicy.fromJson(garbage);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            fail("untyped exception escaped", e);
        }
    }
}
