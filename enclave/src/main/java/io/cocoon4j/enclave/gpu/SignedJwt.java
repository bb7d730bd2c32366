package io.cocoon4j.enclave.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

/**
 * A compact JWS (RFC 7515) whose signature has not yet been checked: header, claims, signature.
 * Only ES384 is accepted (what NRAS signs with); {@code alg: none} and every HMAC or RSA variant are
 * refused before any key is looked up.
 *
 * @param raw the compact form as received
 * @param header the decoded protected header
 * @param claims the decoded claims set
 * @param kid the header's key id
 */
public record SignedJwt(String raw, JsonNode header, JsonNode claims, String kid) {

    /** Upper bound on a token; NRAS tokens are a few KiB. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** ES384 signatures are r ‖ s, 48 bytes each (RFC 7518 §3.4). */
    private static final int ES384_SIGNATURE_LENGTH = 96;

    /**
     * Parses a compact JWS.
     *
     * @throws GpuAttestationException {@link GpuRejection#MALFORMED_TOKEN} or
     *     {@link GpuRejection#UNSUPPORTED_ALGORITHM}
     */
    public static SignedJwt parse(String compact) throws GpuAttestationException {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_LENGTH) {
            throw malformed("missing or longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw malformed("a compact JWS has 3 parts, found " + parts.length);
        }
        JsonNode header = Json.parseOrNull(decodeText(parts[0], "header"));
        JsonNode claims = Json.parseOrNull(decodeText(parts[1], "claims"));
        if (header == null || !header.isObject()) {
            throw malformed("header is not a JSON object");
        }
        if (claims == null || !claims.isObject()) {
            throw malformed("claims are not a JSON object");
        }
        String alg = header.path("alg").asText("");
        if (!"ES384".equals(alg)) {
            throw new GpuAttestationException(GpuRejection.UNSUPPORTED_ALGORITHM, "alg '" + alg + "', only ES384 is accepted");
        }
        if (header.has("crit")) {
            throw malformed("critical header parameters are not supported");
        }
        JsonNode kid = header.path("kid");
        if (!kid.isTextual() || kid.asText().isEmpty()) {
            throw malformed("header has no kid");
        }
        return new SignedJwt(compact, header, claims, kid.asText());
    }

    /**
     * Checks the ES384 signature with the key named by {@code kid}.
     *
     * @throws GpuAttestationException {@link GpuRejection#UNKNOWN_KEY} or {@link GpuRejection#BAD_SIGNATURE}
     */
    public void verifySignature(Jwks keys) throws GpuAttestationException {
        ECPublicKey key = keys.key(kid).orElseThrow(() ->
                new GpuAttestationException(GpuRejection.UNKNOWN_KEY, "no key with kid '" + kid + "' in the JWKS"));
        int lastDot = raw.lastIndexOf('.');
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(raw.substring(lastDot + 1));
        } catch (IllegalArgumentException e) {
            throw malformed("signature is not base64url");
        }
        if (signature.length != ES384_SIGNATURE_LENGTH) {
            throw new GpuAttestationException(GpuRejection.BAD_SIGNATURE,
                    "an ES384 signature is 96 bytes, got " + signature.length);
        }
        try {
            Signature v = Signature.getInstance("SHA384withECDSAinP1363Format");
            v.initVerify(key);
            v.update(raw.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            if (!v.verify(signature)) {
                throw new GpuAttestationException(GpuRejection.BAD_SIGNATURE, "ES384 signature does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw new GpuAttestationException(GpuRejection.BAD_SIGNATURE, "ES384 verification failed: " + e.getMessage());
        }
    }

    private static String decodeText(String part, String what) throws GpuAttestationException {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(what + " is not base64url");
        }
    }

    private static GpuAttestationException malformed(String detail) {
        return new GpuAttestationException(GpuRejection.MALFORMED_TOKEN, detail);
    }
}
