package io.cocoon4j.enclave.gpu;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a GPU attestation must show. Build with {@link #builder()}; the defaults require the overall
 * result, at least one GPU, and for every GPU: attestation report signature verified and nonce
 * matched, architecture check passed, driver and VBIOS reference manifests' signatures verified,
 * secure boot on, debug disabled, and measurements matching ({@code measres == "success"} with no
 * mismatch records).
 */
public final class GpuAttestationPolicy {

    /** Claims every GPU token must carry with exactly these values, unless removed. */
    public static final Map<String, Object> DEFAULT_GPU_CLAIMS = defaults();

    private final String issuer;
    private final int minGpus;
    private final Duration clockSkew;
    private final Map<String, Object> requiredGpuClaims;
    private final Set<String> allowedDriverVersions;
    private final Set<String> allowedVbiosVersions;

    private GpuAttestationPolicy(Builder b) {
        this.issuer = b.issuer;
        this.minGpus = b.minGpus;
        this.clockSkew = b.clockSkew;
        this.requiredGpuClaims = Map.copyOf(b.requiredGpuClaims);
        this.allowedDriverVersions = Set.copyOf(b.allowedDriverVersions);
        this.allowedVbiosVersions = Set.copyOf(b.allowedVbiosVersions);
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x-nvidia-gpu-attestation-report-signature-verified", true);
        m.put("x-nvidia-gpu-attestation-report-nonce-match", true);
        m.put("x-nvidia-gpu-arch-check", true);
        m.put("x-nvidia-gpu-driver-rim-signature-verified", true);
        m.put("x-nvidia-gpu-vbios-rim-signature-verified", true);
        m.put("secboot", true);
        m.put("dbgstat", "disabled");
        return Map.copyOf(m);
    }

    /** A builder with the defaults described above. */
    public static Builder builder() {
        return new Builder();
    }

    /** The required {@code iss}, if any. */
    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** The fewest GPUs accepted. */
    public int minGpus() {
        return minGpus;
    }

    /** Tolerance for {@code exp}, {@code nbf} and {@code iat}. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** Claim name to required value ({@code Boolean} or {@code String}) for every GPU token. */
    public Map<String, Object> requiredGpuClaims() {
        return requiredGpuClaims;
    }

    /** Allowed {@code x-nvidia-gpu-driver-version} values; empty means any. */
    public Set<String> allowedDriverVersions() {
        return allowedDriverVersions;
    }

    /** Allowed {@code x-nvidia-gpu-vbios-version} values; empty means any. */
    public Set<String> allowedVbiosVersions() {
        return allowedVbiosVersions;
    }

    /** Builds a {@link GpuAttestationPolicy}. */
    public static final class Builder {
        private String issuer;
        private int minGpus = 1;
        private Duration clockSkew = Duration.ofSeconds(60);
        private final Map<String, Object> requiredGpuClaims = new LinkedHashMap<>(DEFAULT_GPU_CLAIMS);
        private final Set<String> allowedDriverVersions = new LinkedHashSet<>();
        private final Set<String> allowedVbiosVersions = new LinkedHashSet<>();

        private Builder() {
        }

        /** Requires this {@code iss} (NRAS: {@code https://nras.attestation.nvidia.com}). */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Requires at least this many GPUs (1..64). */
        public Builder minGpus(int n) {
            if (n < 1 || n > GpuAttestationVerifier.MAX_GPUS) {
                throw new IllegalArgumentException("between 1 and " + GpuAttestationVerifier.MAX_GPUS + " GPUs");
            }
            this.minGpus = n;
            return this;
        }

        /** Tolerance for clocks between this host and the token issuer. */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = skew;
            return this;
        }

        /** Requires a boolean claim in every GPU token. */
        public Builder requireGpuClaim(String name, boolean value) {
            requiredGpuClaims.put(name, value);
            return this;
        }

        /** Requires a string claim in every GPU token. */
        public Builder requireGpuClaim(String name, String value) {
            requiredGpuClaims.put(name, value);
            return this;
        }

        /** Drops a (default) required claim. */
        public Builder withoutGpuClaim(String name) {
            requiredGpuClaims.remove(name);
            return this;
        }

        /** Allows a driver version (repeatable; none listed allows any). */
        public Builder allowDriverVersion(String version) {
            allowedDriverVersions.add(version);
            return this;
        }

        /** Allows a VBIOS version (repeatable; none listed allows any). */
        public Builder allowVbiosVersion(String version) {
            allowedVbiosVersions.add(version);
            return this;
        }

        /** The policy. */
        public GpuAttestationPolicy build() {
            return new GpuAttestationPolicy(this);
        }
    }
}
