package io.cocoon4j.enclave.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.ECFieldFp;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys of an attestation service (RFC 7517 JWK Set), as NRAS publishes at
 * {@code /.well-known/jwks.json}. Only EC P-384 keys are kept (what ES384 needs); keys of other
 * types are ignored, a malformed P-384 key rejects the whole set.
 */
public final class Jwks {

    /** Upper bound on a JWKS document. */
    public static final int MAX_LENGTH = 256 * 1024;

    private static final ECParameterSpec P384 = p384();

    private final Map<String, ECPublicKey> keys;

    private Jwks(Map<String, ECPublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /**
     * Parses a JWKS JSON document.
     *
     * @throws GpuAttestationException {@link GpuRejection#MALFORMED_JWKS} naming the problem
     */
    public static Jwks parse(String json) throws GpuAttestationException {
        if (json == null || json.length() > MAX_LENGTH) {
            throw bad("missing or longer than " + MAX_LENGTH + " characters");
        }
        JsonNode root = Json.parseOrNull(json);
        if (root == null || !root.path("keys").isArray()) {
            throw bad("not a JSON object with a \"keys\" array");
        }
        Map<String, ECPublicKey> keys = new LinkedHashMap<>();
        for (JsonNode jwk : root.path("keys")) {
            if (!"EC".equals(jwk.path("kty").asText()) || !"P-384".equals(jwk.path("crv").asText())) {
                continue;
            }
            String kid = jwk.path("kid").asText("");
            if (kid.isEmpty()) {
                throw bad("a P-384 key without a kid");
            }
            if (keys.containsKey(kid)) {
                throw bad("duplicate kid " + kid);
            }
            keys.put(kid, ecKey(kid, jwk.path("x").asText(""), jwk.path("y").asText("")));
        }
        return new Jwks(keys);
    }

    /** A set holding one key (tests, pinned keys). */
    public static Jwks of(String kid, ECPublicKey key) {
        return new Jwks(Map.of(kid, key));
    }

    /** The key with this id. */
    public Optional<ECPublicKey> key(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    /** How many usable keys the set holds. */
    public int size() {
        return keys.size();
    }

    private static ECPublicKey ecKey(String kid, String x, String y) throws GpuAttestationException {
        byte[] xb;
        byte[] yb;
        try {
            xb = Base64.getUrlDecoder().decode(x);
            yb = Base64.getUrlDecoder().decode(y);
        } catch (IllegalArgumentException e) {
            throw bad("key " + kid + ": coordinates are not base64url");
        }
        if (xb.length != 48 || yb.length != 48) {
            throw bad("key " + kid + ": P-384 coordinates are 48 bytes");
        }
        ECPoint point = new ECPoint(new BigInteger(1, xb), new BigInteger(1, yb));
        if (!onCurve(point)) {
            // An off-curve point is the classic invalid-curve attack; never hand one to a verifier.
            throw bad("key " + kid + ": point is not on P-384");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P384));
        } catch (GeneralSecurityException e) {
            throw bad("key " + kid + ": " + e.getMessage());
        }
    }

    private static boolean onCurve(ECPoint pt) {
        EllipticCurve c = P384.getCurve();
        BigInteger p = ((ECFieldFp) c.getField()).getP();
        BigInteger x = pt.getAffineX();
        BigInteger y = pt.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.pow(3).add(c.getA().multiply(x)).add(c.getB()).mod(p);
        return lhs.equals(rhs);
    }

    private static ECParameterSpec p384() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp384r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-384 is built into Java", e);
        }
    }

    private static GpuAttestationException bad(String detail) {
        return new GpuAttestationException(GpuRejection.MALFORMED_JWKS, detail);
    }
}
