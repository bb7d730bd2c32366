package io.cocoon4j.enclave;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a verifier accepts: which measurements, whether simulated enclaves count, and for RA-TLS how
 * long a certificate may live and which peer is expected. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults are strict: no measurement allowed, simulated evidence refused, certificates valid
 * for at most one day, any identity key and operator. A TDX quote additionally passes whatever
 * the configured {@link TdxQuoteVerifier} enforces (DCAP chain, collateral, TCB status).
 */
public final class AttestationPolicy {

    /** Default upper bound on an RA-TLS certificate's validity period. */
    public static final Duration DEFAULT_MAX_CERTIFICATE_VALIDITY = Duration.ofDays(1);

    private final Set<Measurement> allowedMeasurements;
    private final boolean allowSimulated;
    private final Set<String> trustedSimulatedSigners;
    private final Duration maxCertificateValidity;
    private final byte[] requiredIdentityKey;
    private final OperatorAddress requiredOperator;

    private AttestationPolicy(Builder b) {
        this.allowedMeasurements = Set.copyOf(b.allowedMeasurements);
        this.allowSimulated = b.allowSimulated;
        this.trustedSimulatedSigners = Set.copyOf(b.trustedSimulatedSigners);
        this.maxCertificateValidity = b.maxCertificateValidity;
        this.requiredIdentityKey = b.requiredIdentityKey;
        this.requiredOperator = b.requiredOperator;
    }

    /** A builder with the strict defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a policy from JSON; every field is optional and takes the strict default, unknown
     * fields are rejected:
     *
     * <pre>{@code
     * {
     *   "allowed_measurements": ["<64 hex>"],
     *   "allow_simulated": false,
     *   "trusted_simulated_signers": ["<64 hex Ed25519 key>"],
     *   "max_certificate_validity_seconds": 86400,
     *   "required_identity_key": "<64 hex Ed25519 key>",
     *   "required_operator": "0:<64 hex> or a user-friendly address"
     * }
     * }</pre>
     *
     * @throws IllegalArgumentException naming the offending field
     */
    public static AttestationPolicy fromJson(String json) {
        return AttestationPolicyJson.parse(json);
    }

    /** A builder starting from this policy, to derive e.g. a per-peer policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.allowedMeasurements.addAll(allowedMeasurements);
        b.allowSimulated = allowSimulated;
        b.trustedSimulatedSigners.addAll(trustedSimulatedSigners);
        b.maxCertificateValidity = maxCertificateValidity;
        b.requiredIdentityKey = requiredIdentityKey;
        b.requiredOperator = requiredOperator;
        return b;
    }

    /** Whether the measurement is allow-listed. */
    public boolean allows(Measurement measurement) {
        return allowedMeasurements.contains(measurement);
    }

    /** The allow-listed measurements. */
    public Set<Measurement> allowedMeasurements() {
        return allowedMeasurements;
    }

    /** Whether simulated evidence may be accepted at all. */
    public boolean allowSimulated() {
        return allowSimulated;
    }

    /**
     * Whether simulated evidence signed by this raw Ed25519 key is acceptable: any signer if the
     * policy lists none, otherwise only the listed ones.
     */
    public boolean trustsSimulatedSigner(byte[] rawKey) {
        return trustedSimulatedSigners.isEmpty() || trustedSimulatedSigners.contains(HexFormat.of().formatHex(rawKey));
    }

    /** The longest validity period accepted for an RA-TLS certificate. */
    public Duration maxCertificateValidity() {
        return maxCertificateValidity;
    }

    /** The identity key the peer must hold, if one is required. */
    public Optional<byte[]> requiredIdentityKey() {
        return Optional.ofNullable(requiredIdentityKey).map(byte[]::clone);
    }

    /** The operator the peer must be bound to, if one is required. */
    public Optional<OperatorAddress> requiredOperator() {
        return Optional.ofNullable(requiredOperator);
    }

    /** Builds an {@link AttestationPolicy}. */
    public static final class Builder {
        private final Set<Measurement> allowedMeasurements = new LinkedHashSet<>();
        private boolean allowSimulated;
        private final Set<String> trustedSimulatedSigners = new LinkedHashSet<>();
        private Duration maxCertificateValidity = DEFAULT_MAX_CERTIFICATE_VALIDITY;
        private byte[] requiredIdentityKey;
        private OperatorAddress requiredOperator;

        private Builder() {
        }

        /** Adds an allowed measurement (e.g. one read from the root contract's allow-list). */
        public Builder allowMeasurement(Measurement measurement) {
            allowedMeasurements.add(measurement);
            return this;
        }

        /**
         * Accepts simulated evidence. Only for development and local networks: simulated evidence is
         * signed by a key on the operator's disk and proves nothing.
         */
        public Builder allowSimulated(boolean allow) {
            this.allowSimulated = allow;
            return this;
        }

        /** Restricts simulated evidence to this signer (raw Ed25519 key); repeatable. */
        public Builder trustSimulatedSigner(byte[] rawKey) {
            if (rawKey == null || rawKey.length != EnclaveKey.RAW_PUBLIC_KEY_LENGTH) {
                throw new IllegalArgumentException("a signer key is 32 bytes");
            }
            trustedSimulatedSigners.add(HexFormat.of().formatHex(rawKey));
            return this;
        }

        /** Sets the longest accepted RA-TLS certificate validity. */
        public Builder maxCertificateValidity(Duration max) {
            if (max == null || max.isNegative() || max.isZero()) {
                throw new IllegalArgumentException("the maximum validity must be positive");
            }
            this.maxCertificateValidity = max;
            return this;
        }

        /** Requires the peer's identity key (raw Ed25519), e.g. the one registered on-chain. */
        public Builder requireIdentityKey(byte[] rawKey) {
            if (rawKey == null || rawKey.length != EnclaveKey.RAW_PUBLIC_KEY_LENGTH) {
                throw new IllegalArgumentException("an identity key is 32 bytes");
            }
            this.requiredIdentityKey = Arrays.copyOf(rawKey, rawKey.length);
            return this;
        }

        /** Requires the peer's operator address. */
        public Builder requireOperator(OperatorAddress operator) {
            this.requiredOperator = operator;
            return this;
        }

        /** The policy. */
        public AttestationPolicy build() {
            return new AttestationPolicy(this);
        }
    }
}
