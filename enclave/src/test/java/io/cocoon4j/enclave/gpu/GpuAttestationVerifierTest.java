package io.cocoon4j.enclave.gpu;

import static io.cocoon4j.enclave.gpu.TestAttestationService.goodGpuClaims;
import static io.cocoon4j.enclave.gpu.TestAttestationService.nrasResponse;
import static io.cocoon4j.enclave.gpu.TestAttestationService.overallClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NRAS-style attestation results signed by a test key generated here. */
class GpuAttestationVerifierTest {

    private static final long NOW = 1_790_000_000L;
    private static final byte[] NONCE = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private TestAttestationService nras;
    private Jwks jwks;
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private final GpuAttestationPolicy policy =
            GpuAttestationPolicy.builder().issuer(TestAttestationService.ISSUER).build();

    @BeforeEach
    void service() throws Exception {
        nras = new TestAttestationService("nv-eat-kid-prod-test");
        jwks = Jwks.parse(nras.jwks());
    }

    private GpuAttestationVerifier verifier(GpuAttestationPolicy p) {
        return new GpuAttestationVerifier(jwks, p, clock);
    }

    /** A two-GPU response whose second GPU has these claims. */
    private String response(ObjectNode gpu1Claims, ObjectNode overallOverride) throws Exception {
        String g0 = nras.sign(goodGpuClaims(NONCE, NOW));
        String g1 = nras.sign(gpu1Claims);
        ObjectNode overall = overallClaims(NONCE, NOW, g0, g1);
        if (overallOverride != null) {
            overall.setAll(overallOverride);
        }
        return nrasResponse(nras.sign(overall), g0, g1);
    }

    private void assertRejected(String response, GpuRejection reason) {
        assertRejected(response, policy, reason);
    }

    private void assertRejected(String response, GpuAttestationPolicy p, GpuRejection reason) {
        assertThatThrownBy(() -> verifier(p).verifyNrasResponse(response, NONCE))
                .isInstanceOfSatisfying(GpuAttestationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void acceptsAGoodTwoGpuAttestation() throws Exception {
        GpuAttestation a = verifier(policy).verifyNrasResponse(response(goodGpuClaims(NONCE, NOW), null), NONCE);
        assertThat(a.gpus()).extracting(GpuAttestation.Gpu::id).containsExactly("GPU-0", "GPU-1");
        assertThat(a.gpus().get(0).hwModel()).isEqualTo("GH100 A01 GSP BROM");
        assertThat(a.gpus().get(1).driverVersion()).isEqualTo("550.90.07");
        assertThat(a.issuer()).isEqualTo(TestAttestationService.ISSUER);
        assertThat(a.expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW + 3600));
        assertThat(jwks.size()).as("the RSA key is ignored").isEqualTo(1);
    }

    @Test
    void tamperedSignatureOrClaimsAreRejected() throws Exception {
        String g0 = nras.sign(goodGpuClaims(NONCE, NOW));
        String overall = nras.sign(overallClaims(NONCE, NOW, g0));
        String[] parts = overall.split("\\.");
        char last = parts[2].charAt(10);
        String badSig = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
        assertRejected(nrasResponse(badSig, g0), GpuRejection.BAD_SIGNATURE);

        ObjectNode lying = overallClaims(NONCE, NOW, g0);
        String forgedClaims = parts[0] + "." + TestAttestationService.b64(lying.put("x-nvidia-ver", "9").toString()
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRejected(nrasResponse(forgedClaims, g0), GpuRejection.BAD_SIGNATURE);

        TestAttestationService impostor = new TestAttestationService(nras.kid);
        assertRejected(nrasResponse(impostor.sign(overallClaims(NONCE, NOW, g0)), g0), GpuRejection.BAD_SIGNATURE);
    }

    @Test
    void unknownKidIsRejected() throws Exception {
        TestAttestationService other = new TestAttestationService("some-other-kid");
        String g0 = other.sign(goodGpuClaims(NONCE, NOW));
        assertRejected(nrasResponse(other.sign(overallClaims(NONCE, NOW, g0)), g0), GpuRejection.UNKNOWN_KEY);
    }

    @Test
    void wrongNonceIsRejected() throws Exception {
        byte[] stale = "an old nonce replayed from before".getBytes(StandardCharsets.US_ASCII);
        String g0 = nras.sign(goodGpuClaims(stale, NOW));
        assertRejected(nrasResponse(nras.sign(overallClaims(stale, NOW, g0)), g0), GpuRejection.NONCE_MISMATCH);
        // The overall token is fresh but a GPU token was replayed.
        assertRejected(response(goodGpuClaims(stale, NOW), null), GpuRejection.NONCE_MISMATCH);
    }

    @Test
    void expiredAndFutureTokensAreRejected() throws Exception {
        assertRejected(response(goodGpuClaims(NONCE, NOW),
                TestAttestationService.JSON.createObjectNode().put("exp", NOW - 3600)), GpuRejection.EXPIRED);
        assertRejected(response(goodGpuClaims(NONCE, NOW).put("exp", NOW - 3600), null), GpuRejection.EXPIRED);
        assertRejected(response(goodGpuClaims(NONCE, NOW),
                TestAttestationService.JSON.createObjectNode().put("nbf", NOW + 3600)), GpuRejection.NOT_YET_VALID);
        assertRejected(response(goodGpuClaims(NONCE, NOW).put("exp", Long.MAX_VALUE), null), GpuRejection.MALFORMED_TOKEN);
        assertRejected(response(goodGpuClaims(NONCE, NOW).put("exp", 1.5e9), null), GpuRejection.MALFORMED_TOKEN);
        assertRejected(response(goodGpuClaims(NONCE, NOW).put("iat", -5), null), GpuRejection.MALFORMED_TOKEN);
        ObjectNode noExp = goodGpuClaims(NONCE, NOW);
        noExp.remove("exp");
        assertRejected(response(noExp, null), GpuRejection.MALFORMED_TOKEN);
        // Within the clock skew is fine.
        verifier(policy).verifyNrasResponse(response(goodGpuClaims(NONCE, NOW).put("exp", NOW - 30), null), NONCE);
    }

    @Test
    void failedGpuIsRejectedNamingTheReason() throws Exception {
        assertRejected(response(goodGpuClaims(NONCE, NOW), TestAttestationService.JSON.createObjectNode()
                .put("x-nvidia-overall-att-result", false)), GpuRejection.OVERALL_RESULT_FAILED);
        assertRejected(response(goodGpuClaims(NONCE, NOW).put("measres", "fail"), null), GpuRejection.MEASUREMENT_MISMATCH);
        ObjectNode mismatched = goodGpuClaims(NONCE, NOW);
        mismatched.putArray("x-nvidia-mismatch-measurement-records").addObject().put("index", 9).put("goldenSize", 48);
        assertRejected(response(mismatched, null), GpuRejection.MEASUREMENT_MISMATCH);
        assertRejected(response(goodGpuClaims(NONCE, NOW).put("secboot", false), null), GpuRejection.GPU_CLAIM_FAILED);
        assertRejected(response(goodGpuClaims(NONCE, NOW).put("dbgstat", "enabled"), null), GpuRejection.GPU_CLAIM_FAILED);
        ObjectNode noReportSig = goodGpuClaims(NONCE, NOW);
        noReportSig.remove("x-nvidia-gpu-attestation-report-signature-verified");
        assertRejected(response(noReportSig, null), GpuRejection.GPU_CLAIM_FAILED);
        // A string "true" is not the boolean true.
        assertRejected(response(goodGpuClaims(NONCE, NOW).put("secboot", "true"), null), GpuRejection.GPU_CLAIM_FAILED);
    }

    @Test
    void gpuSetMustMatchTheOverallTokensDigests() throws Exception {
        String g0 = nras.sign(goodGpuClaims(NONCE, NOW));
        String g1 = nras.sign(goodGpuClaims(NONCE, NOW).put("hwmodel", "other"));
        String overall = nras.sign(overallClaims(NONCE, NOW, g0, g1));
        assertRejected(nrasResponse(overall, g1, g0), GpuRejection.GPU_SET_MISMATCH);
        assertRejected(nrasResponse(overall, g0), GpuRejection.GPU_SET_MISMATCH);
        String validButDifferent = nras.sign(goodGpuClaims(NONCE, NOW).put("hwmodel", "substituted"));
        assertThatThrownBy(() -> verifier(policy).verify(nras.sign(overallClaims(NONCE, NOW, g0, g1)),
                Map.of("GPU-0", g0, "GPU-1", validButDifferent), NONCE))
                .isInstanceOfSatisfying(GpuAttestationException.class,
                        e -> assertThat(e.reason()).isEqualTo(GpuRejection.GPU_SET_MISMATCH));
    }

    @Test
    void policyOptionsAreEnforced() throws Exception {
        String good = response(goodGpuClaims(NONCE, NOW), null);
        assertRejected(good, GpuAttestationPolicy.builder().minGpus(3).build(), GpuRejection.TOO_FEW_GPUS);
        assertRejected(good, GpuAttestationPolicy.builder().issuer("https://nras.attestation.nvidia.com").build(),
                GpuRejection.WRONG_ISSUER);
        assertRejected(good, GpuAttestationPolicy.builder().allowDriverVersion("560.35.03").build(),
                GpuRejection.VERSION_NOT_ALLOWED);
        assertRejected(good, GpuAttestationPolicy.builder().allowVbiosVersion("96.00.AA.00.01").build(),
                GpuRejection.VERSION_NOT_ALLOWED);
        assertRejected(good, GpuAttestationPolicy.builder().requireGpuClaim("hwmodel", "GB100").build(),
                GpuRejection.GPU_CLAIM_FAILED);
        verifier(GpuAttestationPolicy.builder().allowDriverVersion("550.90.07").minGpus(2).build())
                .verifyNrasResponse(good, NONCE);
    }

    @Test
    void algorithmConfusionAndMalformedTokensAreRejected() throws Exception {
        String claims = overallClaims(NONCE, NOW).toString();
        String none = TestAttestationService.b64("{\"alg\":\"none\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + TestAttestationService.b64(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        assertRejected(nrasResponse(none), GpuRejection.UNSUPPORTED_ALGORITHM);
        String hs = nras.sign("{\"alg\":\"HS384\",\"kid\":\"" + nras.kid + "\"}", claims);
        assertRejected(nrasResponse(hs), GpuRejection.UNSUPPORTED_ALGORITHM);
        String dup = nras.sign("{\"alg\":\"ES384\",\"kid\":\"" + nras.kid + "\"}",
                "{\"eat_nonce\":\"00\",\"eat_nonce\":\"" + java.util.HexFormat.of().formatHex(NONCE) + "\"}");
        assertRejected(nrasResponse(dup), GpuRejection.MALFORMED_TOKEN);
        assertRejected("[[\"JWT\", \"a.b\"], {}]", GpuRejection.MALFORMED_TOKEN);
        assertRejected("{\"not\": \"an array\"}", GpuRejection.MALFORMED_TOKEN);
        assertRejected("[" .repeat(10_000), GpuRejection.MALFORMED_TOKEN);
    }

    @Test
    void malformedJwksIsRejected() throws Exception {
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-384\",\"kid\":\"k\","
                + "\"x\":\"" + TestAttestationService.b64(new byte[48]) + "\",\"y\":\"" + TestAttestationService.b64(new byte[48]) + "\"}]}"))
                .isInstanceOfSatisfying(GpuAttestationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GpuRejection.MALFORMED_JWKS);
                    assertThat(e.getMessage()).contains("not on P-384");
                });
        assertThatThrownBy(() -> Jwks.parse("not json")).isInstanceOf(GpuAttestationException.class);
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-384\",\"kid\":\"k\",\"x\":\"!!\",\"y\":\"\"}]}"))
                .isInstanceOf(GpuAttestationException.class);
    }

    private static GpuAttestationVerifier garbageVerifier;

    @Property(tries = 200)
    void garbageIsATypedRejection(@ForAll String garbage) throws Exception {
        if (garbageVerifier == null) {
            garbageVerifier = new GpuAttestationVerifier(Jwks.parse(new TestAttestationService("k").jwks()),
                    GpuAttestationPolicy.builder().build(), Clock.systemUTC());
        }
        GpuAttestationVerifier v = garbageVerifier;
        for (String input : new String[] {garbage, "[[\"JWT\",\"" + garbage.replace("\"", "") + "\"],{}]",
            garbage + "." + garbage + "." + garbage}) {
            try {
                v.verifyNrasResponse(input, NONCE);
                SignedJwt.parse(input);
                fail("garbage accepted: " + input);
            } catch (GpuAttestationException e) {
                assertThat(e.reason()).isNotNull();
            } catch (RuntimeException e) {
                fail("untyped exception escaped for " + input, e);
            }
        }
    }
}
