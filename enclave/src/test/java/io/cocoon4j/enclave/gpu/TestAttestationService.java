package io.cocoon4j.enclave.gpu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Plays NRAS in tests: a P-384 key generated per test run, its JWKS, and ES384-signed tokens. */
final class TestAttestationService {

    static final String ISSUER = "https://nras.test.invalid";
    static final ObjectMapper JSON = new ObjectMapper();

    final String kid;
    final KeyPair keyPair;

    TestAttestationService(String kid) throws Exception {
        this.kid = kid;
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        this.keyPair = g.generateKeyPair();
    }

    String jwks() {
        ECPublicKey pub = (ECPublicKey) keyPair.getPublic();
        ObjectNode key = JSON.createObjectNode().put("kty", "EC").put("crv", "P-384").put("kid", kid).put("alg", "ES384")
                .put("x", b64(fixed48(pub.getW().getAffineX()))).put("y", b64(fixed48(pub.getW().getAffineY())));
        ObjectNode rsa = JSON.createObjectNode().put("kty", "RSA").put("kid", "ignored-rsa").put("n", "AQAB").put("e", "AQAB");
        ObjectNode root = JSON.createObjectNode();
        root.putArray("keys").add(rsa).add(key);
        return root.toString();
    }

    /** A GPU token's claims that pass the default policy. */
    static ObjectNode goodGpuClaims(byte[] nonce, long now) {
        ObjectNode c = JSON.createObjectNode();
        c.put("iss", ISSUER).put("iat", now - 10).put("nbf", now - 10).put("exp", now + 3600)
                .put("eat_nonce", HexFormat.of().formatHex(nonce)).put("hwmodel", "GH100 A01 GSP BROM")
                .put("ueid", "478176379286082186618948445787393647364802107249").put("oemid", "5703")
                .put("dbgstat", "disabled").put("secboot", true).put("measres", "success")
                .put("x-nvidia-gpu-arch-check", true)
                .put("x-nvidia-gpu-attestation-report-signature-verified", true)
                .put("x-nvidia-gpu-attestation-report-nonce-match", true)
                .put("x-nvidia-gpu-driver-rim-signature-verified", true)
                .put("x-nvidia-gpu-vbios-rim-signature-verified", true)
                .put("x-nvidia-gpu-driver-version", "550.90.07").put("x-nvidia-gpu-vbios-version", "96.00.9F.00.04");
        return c;
    }

    /** The overall token's claims for the given GPU tokens. */
    static ObjectNode overallClaims(byte[] nonce, long now, String... gpuTokens) throws Exception {
        ObjectNode c = JSON.createObjectNode();
        c.put("iss", ISSUER).put("iat", now - 10).put("nbf", now - 10).put("exp", now + 3600)
                .put("eat_nonce", HexFormat.of().formatHex(nonce)).put("x-nvidia-overall-att-result", true)
                .put("x-nvidia-ver", "2.0");
        ObjectNode submods = c.putObject("submods");
        for (int i = 0; i < gpuTokens.length; i++) {
            ArrayNode entry = submods.putArray("GPU-" + i);
            entry.add("DIGEST").addArray().add("SHA256").add(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(gpuTokens[i].getBytes(StandardCharsets.US_ASCII))));
        }
        return c;
    }

    String sign(ObjectNode claims) throws Exception {
        return sign(JSON.createObjectNode().put("alg", "ES384").put("typ", "JWT").put("kid", kid).toString(), claims.toString());
    }

    String sign(String headerJson, String claimsJson) throws Exception {
        String input = b64(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + b64(claimsJson.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA384withECDSAinP1363Format");
        s.initSign(keyPair.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    static String nrasResponse(String overall, String... gpuTokens) {
        ArrayNode root = JSON.createArrayNode();
        root.addArray().add("JWT").add(overall);
        ObjectNode gpus = root.addObject();
        for (int i = 0; i < gpuTokens.length; i++) {
            gpus.put("GPU-" + i, gpuTokens[i]);
        }
        return root.toString();
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] fixed48(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[48];
        int n = Math.min(raw.length, 48);
        System.arraycopy(raw, raw.length - n, out, 48 - n, n);
        return out;
    }

}
