package io.cocoon4j.enclave.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies NVIDIA GPU attestation results in the form NRAS returns them: an overall EAT (a JWT
 * signed ES384) whose {@code submods} name one detached token per GPU by SHA-256 digest,
 * {@code {"GPU-0": ["DIGEST", ["SHA256", "<hex>"]], ...}}, and the per-GPU tokens themselves.
 *
 * <p>Checks, in order: overall token signature (key from the JWKS by {@code kid}), time window,
 * issuer, {@code eat_nonce}, {@code x-nvidia-overall-att-result}; the GPU set against
 * {@code submods} and their digests; then each GPU token's signature, time, issuer, nonce, the
 * policy's required claims, measurements, and versions. The first failure is reported.
 */
public final class GpuAttestationVerifier {

    /** Upper bound on GPUs in one attestation (bounds work per token). */
    public static final int MAX_GPUS = 64;
    /** Upper bound on an NRAS response document. */
    public static final int MAX_RESPONSE_LENGTH = 1024 * 1024;
    /** 9999-12-31T23:59:59Z: later "dates" are garbage. */
    private static final long LAST_SECOND = 253_402_300_799L;

    private final Jwks keys;
    private final GpuAttestationPolicy policy;
    private final Clock clock;

    /**
     * @param keys the attestation service's signing keys
     * @param policy what to require
     * @param clock the time against which {@code exp}/{@code nbf}/{@code iat} are checked
     */
    public GpuAttestationVerifier(Jwks keys, GpuAttestationPolicy policy, Clock clock) {
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Verifies an NRAS response body: {@code [["JWT", "<overall>"], {"GPU-0": "<token>", ...}]}.
     *
     * @param nonce the nonce the verifier sent with the evidence
     * @throws GpuAttestationException naming the first failed check
     */
    public GpuAttestation verifyNrasResponse(String json, byte[] nonce) throws GpuAttestationException {
        if (json == null || json.length() > MAX_RESPONSE_LENGTH) {
            throw malformed("response missing or longer than " + MAX_RESPONSE_LENGTH + " characters");
        }
        JsonNode root = Json.parseOrNull(json);
        if (root == null || !root.isArray() || root.size() != 2) {
            throw malformed("an NRAS response is a 2-element JSON array");
        }
        JsonNode head = root.get(0);
        if (!head.isArray() || head.size() != 2 || !"JWT".equals(head.get(0).asText()) || !head.get(1).isTextual()) {
            throw malformed("first element must be [\"JWT\", token]");
        }
        JsonNode gpus = root.get(1);
        if (!gpus.isObject() || gpus.size() > MAX_GPUS) {
            throw malformed("second element must be an object of at most " + MAX_GPUS + " GPU tokens");
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = gpus.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw malformed("GPU token " + e.getKey() + " is not a string");
            }
            tokens.put(e.getKey(), e.getValue().asText());
        }
        return verify(head.get(1).asText(), tokens, nonce);
    }

    /**
     * Verifies an overall token and its per-GPU tokens.
     *
     * @param overallToken the overall EAT (compact JWS)
     * @param gpuTokens per-GPU tokens by submods name
     * @param nonce the nonce the verifier sent with the evidence (1..64 bytes)
     * @throws GpuAttestationException naming the first failed check
     */
    public GpuAttestation verify(String overallToken, Map<String, String> gpuTokens, byte[] nonce)
            throws GpuAttestationException {
        if (nonce == null || nonce.length == 0 || nonce.length > 64) {
            throw new IllegalArgumentException("a nonce is 1..64 bytes");
        }
        String expectedNonce = HexFormat.of().formatHex(nonce);
        Instant now = clock.instant();

        SignedJwt overall = SignedJwt.parse(overallToken);
        Instant expiresAt = checkToken(overall, "overall token", expectedNonce, now);
        JsonNode result = overall.claims().path("x-nvidia-overall-att-result");
        if (!result.isBoolean() || !result.asBoolean()) {
            throw new GpuAttestationException(GpuRejection.OVERALL_RESULT_FAILED,
                    "x-nvidia-overall-att-result is " + (result.isMissingNode() ? "missing" : result.toString()));
        }

        JsonNode submods = overall.claims().path("submods");
        if (!submods.isObject() || submods.size() > MAX_GPUS) {
            throw malformed("overall token has no submods object (or more than " + MAX_GPUS + " entries)");
        }
        if (gpuTokens == null || gpuTokens.size() != submods.size()) {
            throw new GpuAttestationException(GpuRejection.GPU_SET_MISMATCH, "overall token names " + submods.size()
                    + " GPUs, " + (gpuTokens == null ? 0 : gpuTokens.size()) + " tokens given");
        }
        if (submods.size() < policy.minGpus()) {
            throw new GpuAttestationException(GpuRejection.TOO_FEW_GPUS,
                    submods.size() + " GPUs attested, policy requires " + policy.minGpus());
        }
        List<GpuAttestation.Gpu> gpus = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = submods.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> sub = it.next();
            String id = sub.getKey();
            String token = gpuTokens.get(id);
            if (token == null) {
                throw new GpuAttestationException(GpuRejection.GPU_SET_MISMATCH, "no token for " + id);
            }
            String digest = submodDigest(id, sub.getValue());
            if (!MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                    sha256Hex(token).getBytes(StandardCharsets.US_ASCII))) {
                throw new GpuAttestationException(GpuRejection.GPU_SET_MISMATCH,
                        id + " token does not match its digest in the overall token");
            }
            SignedJwt gpu = SignedJwt.parse(token);
            Instant gpuExpiry = checkToken(gpu, id, expectedNonce, now);
            if (gpuExpiry.isBefore(expiresAt)) {
                expiresAt = gpuExpiry;
            }
            gpus.add(checkGpuClaims(id, gpu.claims()));
        }
        return new GpuAttestation(overall.claims().path("iss").asText(""), expiresAt, gpus);
    }

    private Instant checkToken(SignedJwt jwt, String what, String expectedNonce, Instant now) throws GpuAttestationException {
        jwt.verifySignature(keys);
        JsonNode claims = jwt.claims();
        if (claims.path("exp").isMissingNode()) {
            throw malformed(what + " has no exp");
        }
        Instant expiry = epochSeconds(claims.path("exp"), what + " exp");
        if (now.isAfter(expiry.plus(policy.clockSkew()))) {
            throw new GpuAttestationException(GpuRejection.EXPIRED, what + " expired at " + expiry + ", now " + now);
        }
        for (String field : new String[] {"nbf", "iat"}) {
            JsonNode t = claims.path(field);
            if (t.isMissingNode()) {
                continue;
            }
            Instant at = epochSeconds(t, what + " " + field);
            if (now.plus(policy.clockSkew()).isBefore(at)) {
                throw new GpuAttestationException(GpuRejection.NOT_YET_VALID, what + " " + field + " is " + at + ", now " + now);
            }
        }
        if (policy.issuer().isPresent() && !policy.issuer().get().equals(claims.path("iss").asText(null))) {
            throw new GpuAttestationException(GpuRejection.WRONG_ISSUER,
                    what + " issued by '" + claims.path("iss").asText("") + "', expected " + policy.issuer().get());
        }
        JsonNode nonce = claims.path("eat_nonce");
        if (!nonce.isTextual() || !nonce.asText().equalsIgnoreCase(expectedNonce)) {
            throw new GpuAttestationException(GpuRejection.NONCE_MISMATCH, what + " eat_nonce is not the verifier's nonce");
        }
        return expiry;
    }

    private GpuAttestation.Gpu checkGpuClaims(String id, JsonNode claims) throws GpuAttestationException {
        for (Map.Entry<String, Object> req : policy.requiredGpuClaims().entrySet()) {
            JsonNode actual = claims.path(req.getKey());
            boolean ok = req.getValue() instanceof Boolean b
                    ? actual.isBoolean() && actual.asBoolean() == b
                    : actual.isTextual() && actual.asText().equals(req.getValue());
            if (!ok) {
                throw new GpuAttestationException(GpuRejection.GPU_CLAIM_FAILED, id + " " + req.getKey() + " is "
                        + (actual.isMissingNode() ? "missing" : actual.toString()) + ", required " + req.getValue());
            }
        }
        JsonNode measres = claims.path("measres");
        if (!"success".equals(measres.asText(null))) {
            throw new GpuAttestationException(GpuRejection.MEASUREMENT_MISMATCH,
                    id + " measres is " + (measres.isMissingNode() ? "missing" : measres.toString()));
        }
        JsonNode mismatches = claims.path("x-nvidia-mismatch-measurement-records");
        if (!(mismatches.isMissingNode() || mismatches.isNull() || (mismatches.isArray() && mismatches.isEmpty()))) {
            throw new GpuAttestationException(GpuRejection.MEASUREMENT_MISMATCH,
                    id + " reports mismatching measurement records: " + abbreviate(mismatches.toString()));
        }
        String driver = claims.path("x-nvidia-gpu-driver-version").asText("");
        String vbios = claims.path("x-nvidia-gpu-vbios-version").asText("");
        if (!policy.allowedDriverVersions().isEmpty() && !policy.allowedDriverVersions().contains(driver)) {
            throw new GpuAttestationException(GpuRejection.VERSION_NOT_ALLOWED, id + " driver version '" + driver + "'");
        }
        if (!policy.allowedVbiosVersions().isEmpty() && !policy.allowedVbiosVersions().contains(vbios)) {
            throw new GpuAttestationException(GpuRejection.VERSION_NOT_ALLOWED, id + " VBIOS version '" + vbios + "'");
        }
        return new GpuAttestation.Gpu(id, claims.path("hwmodel").asText(""), claims.path("ueid").asText(""), driver, vbios);
    }

    /** A NumericDate (RFC 7519) between 1970 and 9999; anything else is malformed, not an exception. */
    private static Instant epochSeconds(JsonNode value, String what) throws GpuAttestationException {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > LAST_SECOND) {
            throw malformed(what + " is not a date in seconds since 1970: " + abbreviate(value.toString()));
        }
        return Instant.ofEpochSecond(value.asLong());
    }

    private static String submodDigest(String id, JsonNode entry) throws GpuAttestationException {
        // ["DIGEST", ["SHA256", "<hex>"]]
        if (entry.isArray() && entry.size() == 2 && "DIGEST".equals(entry.get(0).asText())) {
            JsonNode d = entry.get(1);
            if (d.isArray() && d.size() == 2 && "SHA256".equals(d.get(0).asText()) && d.get(1).isTextual()) {
                return d.get(1).asText().toLowerCase(java.util.Locale.ROOT);
            }
        }
        throw malformed("submods entry for " + id + " is not [\"DIGEST\", [\"SHA256\", hex]]");
    }

    private static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static GpuAttestationException malformed(String detail) {
        return new GpuAttestationException(GpuRejection.MALFORMED_TOKEN, detail);
    }
}
