package io.cocoon4j.enclave;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** Reads the JSON form of an {@link AttestationPolicy} (see {@link AttestationPolicy#fromJson(String)}). */
final class AttestationPolicyJson {

    private static final Set<String> FIELDS = Set.of("allowed_measurements", "allow_simulated",
            "trusted_simulated_signers", "max_certificate_validity_seconds", "required_identity_key", "required_operator");
    private static final int MAX_LENGTH = 1024 * 1024;

    private AttestationPolicyJson() {
    }

    static AttestationPolicy parse(String json) {
        if (json == null || json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("policy missing or longer than " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("policy is not valid JSON: " + (e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("policy must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                // A typo must not silently drop a constraint.
                throw new IllegalArgumentException("unknown policy field \"" + f + "\" (known: " + new TreeSet<>(FIELDS) + ")");
            }
        }
        AttestationPolicy.Builder b = AttestationPolicy.builder();
        for (JsonNode m : array(root, "allowed_measurements")) {
            b.allowMeasurement(new Measurement(hex(m, 32, "allowed_measurements")));
        }
        if (root.has("allow_simulated")) {
            if (!root.get("allow_simulated").isBoolean()) {
                throw new IllegalArgumentException("allow_simulated must be true or false");
            }
            b.allowSimulated(root.get("allow_simulated").asBoolean());
        }
        for (JsonNode k : array(root, "trusted_simulated_signers")) {
            b.trustSimulatedSigner(hex(k, 32, "trusted_simulated_signers"));
        }
        if (root.has("max_certificate_validity_seconds")) {
            JsonNode v = root.get("max_certificate_validity_seconds");
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1 || v.asLong() > 366L * 86400) {
                throw new IllegalArgumentException("max_certificate_validity_seconds must be 1..31622400");
            }
            b.maxCertificateValidity(Duration.ofSeconds(v.asLong()));
        }
        if (root.has("required_identity_key")) {
            b.requireIdentityKey(hex(root.get("required_identity_key"), 32, "required_identity_key"));
        }
        if (root.has("required_operator")) {
            JsonNode op = root.get("required_operator");
            if (!op.isTextual()) {
                throw new IllegalArgumentException("required_operator must be a TON address string");
            }
            b.requireOperator(OperatorAddress.parse(op.asText()));
        }
        return b.build();
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        if (!root.has(field)) {
            return Set.of();
        }
        JsonNode a = root.get(field);
        if (!a.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of hex strings");
        }
        return a;
    }

    private static byte[] hex(JsonNode node, int bytes, String field) {
        String text = node.isTextual() ? node.asText() : "";
        if (text.length() != bytes * 2) {
            throw new IllegalArgumentException(field + " values are " + bytes * 2 + " hex digits: " + node);
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " values are " + bytes * 2 + " hex digits: " + node);
        }
    }
}
