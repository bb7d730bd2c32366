package io.cocoon4j.enclave.gpu;

import java.time.Instant;
import java.util.List;

/**
 * A verified GPU attestation: every token signed by the service, fresh, for the verifier's nonce,
 * and every GPU passing the policy.
 *
 * @param issuer the {@code iss} of the overall token
 * @param expiresAt the earliest {@code exp} of all tokens
 * @param gpus one entry per attested GPU, in submods order
 */
public record GpuAttestation(String issuer, Instant expiresAt, List<Gpu> gpus) {

    public GpuAttestation {
        gpus = List.copyOf(gpus);
    }

    /**
     * One attested GPU.
     *
     * @param id the submods name (e.g. {@code GPU-0})
     * @param hwModel {@code hwmodel} claim, or empty
     * @param ueid {@code ueid} claim (the device's unique id), or empty
     * @param driverVersion {@code x-nvidia-gpu-driver-version}, or empty
     * @param vbiosVersion {@code x-nvidia-gpu-vbios-version}, or empty
     */
    public record Gpu(String id, String hwModel, String ueid, String driverVersion, String vbiosVersion) {
    }
}
